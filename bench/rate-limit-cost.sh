#!/usr/bin/env bash
# What per-recipient counting costs the SMTP path, in its worst case: all load to one recipient, so that every
# RCPT updates the same counter row. One server, one account, the key cell (concurrency 32, 4 KiB, STARTTLS +
# AUTH), alternating the account's limits between off (0) and on (1,000,000 per minute and hour: counted, never
# reached), each run after the relay drained the previous one's backlog.
#
#   bench/rate-limit-cost.sh [ROUNDS]      (as root; ROUNDS defaults to 3; needs `mvn -DskipTests package` once)
#
# Prints one line per run and the medians. Relays to the shared bench sink (127.0.0.1:2526), started if needed.
set -euo pipefail
ROUNDS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH:-$ROOT/../shared/bench}
DATA=${POSTAGE_BENCH_DATA:-/tmp/postage-bench/rate-data}
LOG=${LOG:-/tmp/postage-bench/rate-limit-cost.log}
MESSAGES=${MESSAGES:-4000}
export POSTAGE_DATA_DIR=$DATA POSTAGE_RELAY_HOST=127.0.0.1 POSTAGE_RELAY_PORT=2526 POSTAGE_RELAY_STARTTLS=off \
    POSTAGE_ADMIN_PASSWORD=rate-admin-$$
WILDFLY=$ROOT/ear/target/wildfly-39.0.1.Final
[ -x "$WILDFLY/bin/standalone.sh" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
rm -rf "$DATA"; mkdir -p "$(dirname "$LOG")"; : > "$LOG"
"$BENCH/sink.sh" status >/dev/null 2>&1 || "$BENCH/sink.sh" start

nohup bash "$ROOT/ear/src/main/wildfly/run.sh" "$WILDFLY" "$ROOT/ear/target/postage.ear" >> "$LOG" 2>&1 &
trap 'pkill -TERM -f "jboss.server.data.dir=$DATA" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q "WFLYSRV0025" "$LOG" 2>/dev/null && break; sleep 1; done
grep -q "WFLYSRV0025" "$LOG" || { tail -30 "$LOG"; exit 1; }

# shellcheck source=bench-account.sh
. "$ROOT/bench/bench-account.sh"
create_bench_account rate-cost "$POSTAGE_ADMIN_PASSWORD" 0
limits() {
  curl -fsS -u "admin:$POSTAGE_ADMIN_PASSWORD" -H 'Content-Type: application/json' -X PUT \
      "localhost:8080/api/admin/accounts/$ACCOUNT/limits" \
      -d "{\"per_recipient_per_minute\": $1, \"per_recipient_per_hour\": $1}" > /dev/null
}
load() {
  "$BENCH/smtp-load.sh" --host 127.0.0.1 --port 2525 --user "$PUSER" --pass "$PPASS" --tls on \
      --concurrency 32 --messages "$1" --size 4k --quiet | grep RESULT | tail -1
}

echo "warming up with 20000 messages" >&2
load 20000 > /dev/null
off=(); on=()
for r in $(seq 1 "$ROUNDS"); do
  for mode in off on; do
    wait_for_sink_to_settle > /dev/null
    if [ "$mode" = off ]; then limits 0; else limits 1000000; fi
    line=$(load "$MESSAGES")
    rate=$(echo "$line" | grep -o 'msgs_per_s=[0-9.]*' | cut -d= -f2)
    errors=$(echo "$line" | grep -o 'errors=[0-9]*' | cut -d= -f2)
    echo "round $r limits $mode: $rate msg/s accepted, $errors errors"
    if [ "$mode" = off ]; then off+=("$rate"); else on+=("$rate"); fi
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: limits off $(median "${off[@]}") msg/s, limits on $(median "${on[@]}") msg/s"
