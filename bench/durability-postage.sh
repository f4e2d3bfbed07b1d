#!/usr/bin/env bash
# The shared bench's durability check (kill -9 mid-load, restart, every 250 must reach the sink) against Postage.
#
#   bench/durability-postage.sh [extra durability.sh options, e.g. --kills 3 --messages 6000]   (as root)
#
# The shared check correlates by Message-ID, so Postage keeps the client's (POSTAGE_KEEP_MESSAGE_ID).
# Needs the server the build prepared (mvn package once); starts it on a fresh data directory with
# ear/src/main/wildfly/run.sh, relaying to the bench sink, and kills exactly its java process by pid.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH:-$ROOT/../shared/bench}
DATA=${POSTAGE_BENCH_DATA:-/tmp/postage-bench/durability-data}
LOG=${LOG:-/tmp/postage-bench/durability-postage.log}
export POSTAGE_DATA_DIR=$DATA POSTAGE_RELAY_HOST=127.0.0.1 POSTAGE_RELAY_PORT=2526 POSTAGE_RELAY_STARTTLS=off \
    POSTAGE_ADMIN_PASSWORD=durability-admin POSTAGE_KEEP_MESSAGE_ID=true POSTAGE_RETRY_FIRST_DELAY_SECONDS=2 POSTAGE_RETRY_MAX_DELAY_SECONDS=5
WILDFLY=$ROOT/ear/target/wildfly-39.0.1.Final
[ -x "$WILDFLY/bin/standalone.sh" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
rm -rf "$DATA"; mkdir -p "$(dirname "$LOG")"
: > "$LOG" # the wait below looks for the started line: one from an earlier run must not count

start_cmd="nohup bash '$ROOT/ear/src/main/wildfly/run.sh' '$WILDFLY' '$ROOT/ear/target/postage.ear' >> '$LOG' 2>&1 &"
java_pid="pgrep -f 'jboss.server.data.dir=$DATA' | while read -r p; do [ \"\$(ps -o comm= -p \$p)\" = java ] && echo \$p; done | head -1"
kill_cmd="kill -9 \$($java_pid)"

bash -c "$start_cmd"
for _ in $(seq 1 120); do grep -q "WFLYSRV0025" "$LOG" 2>/dev/null && break; sleep 1; done
# shellcheck source=bench-account.sh
. "$ROOT/bench/bench-account.sh"
create_bench_account durability "$POSTAGE_ADMIN_PASSWORD" "${PER_RECIPIENT_LIMIT:-0}" # PER_RECIPIENT_LIMIT: to measure what counting costs

set +e
"$BENCH/durability.sh" --port 2525 --user "$PUSER" --pass "$PPASS" \
    --kill-cmd "$kill_cmd" --restart-cmd "$start_cmd" --flush-cmd '' \
    --restart-timeout 120 --drain-timeout 300 "$@"
status=$?
set -e
bash -c "kill \$($java_pid)" 2>/dev/null || true
exit $status
