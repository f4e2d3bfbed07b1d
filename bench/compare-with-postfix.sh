#!/usr/bin/env bash
# Postage against the reference Postfix, in one sitting, with the shared bench (../shared/bench).
#
#   bench/compare-with-postfix.sh [ROUNDS]        (as root; ROUNDS defaults to 3)
#
# 1. sets up the bench Postfix (127.0.0.1:2587) and the counting sink (127.0.0.1:2526);
# 2. builds and starts Postage with the run profile (SMTP 2525, relaying to the sink), in a data directory
#    of its own, and creates a bench account and SMTP credential through the admin API;
# 3. warms Postage up (a JIT-compiled server needs far more than the matrix's own 1,000-message warm-up);
# 4. runs the matrix ROUNDS times, alternating Postfix and Postage round by round, so that machine noise
#    falls on both; the big cell (20,000 messages) runs once for each, in the first round;
# 5. writes OUT/postfix.csv, OUT/postage.csv and OUT/report.md (report.py, side by side), then stops Postage.
set -euo pipefail
ROUNDS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH:-$ROOT/../shared/bench}
OUT=${OUT:-/tmp/postage-bench/compare-$(date +%Y%m%d-%H%M%S)}
DATA=${POSTAGE_BENCH_DATA:-/tmp/postage-bench/data}
ADMIN_PASSWORD=bench-admin-$$
WARMUP=${WARMUP:-30000}
mkdir -p "$OUT"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

"$BENCH/postfix-setup.sh"
"$BENCH/sink.sh" status >/dev/null 2>&1 || "$BENCH/sink.sh" start

log "building and starting Postage (log: $OUT/postage.log)"
rm -rf "$DATA"
(cd "$ROOT" && POSTAGE_DATA_DIR=$DATA POSTAGE_RELAY_HOST=127.0.0.1 POSTAGE_RELAY_PORT=2526 \
    POSTAGE_RELAY_STARTTLS=off POSTAGE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    exec mvn -q -B clean package -Prun -DskipTests) > "$OUT/postage.log" 2>&1 &
MVN_PID=$!
stop_postage() {
  pkill -TERM -f "jboss.server.data.dir=$DATA" 2>/dev/null || true
  wait "$MVN_PID" 2>/dev/null || true
}
trap stop_postage EXIT
for _ in $(seq 1 300); do
  grep -q "WFLYSRV0025\|WFLYSRV0026" "$OUT/postage.log" 2>/dev/null && break
  sleep 1
done
grep -q "WFLYSRV0025" "$OUT/postage.log" || { tail -50 "$OUT/postage.log"; exit 1; }
POSTAGE_PID=$(pgrep -f "jboss.server.data.dir=$DATA" | while read -r p; do
  [ "$(ps -o comm= -p "$p")" = java ] && echo "$p"; done | head -1)
log "Postage java pid $POSTAGE_PID"

# shellcheck source=bench-account.sh
. "$ROOT/bench/bench-account.sh"
create_bench_account bench "$ADMIN_PASSWORD" "${PER_RECIPIENT_LIMIT:-0}" # PER_RECIPIENT_LIMIT: to measure what counting costs

log "warming Postage up with $WARMUP messages"
"$BENCH/smtp-load.sh" --host 127.0.0.1 --port 2525 --user "$PUSER" --pass "$PPASS" --tls on \
    --concurrency 32 --messages "$WARMUP" --size 4k --quiet | tail -1
log "relay drained: sink at $(wait_for_sink_to_settle) messages" # else the first cell counts the warm-up's backlog

for r in $(seq 1 "$ROUNDS"); do
  big=0; [ "$r" = 1 ] && big=1
  log "round $r/$ROUNDS: Postfix"
  "$BENCH/run-matrix.sh" --port 2587 --user bench --pass bench-secret --label postfix --repeats 1 \
      --big-repeats "$big" --warmup 1000 --server-pid "$("$BENCH/postfix-ctl.sh" master)" \
      --out "$OUT/postfix-r$r" > /dev/null
  log "round $r/$ROUNDS: Postage"
  "$BENCH/run-matrix.sh" --port 2525 --user "$PUSER" --pass "$PPASS" --label postage --repeats 1 \
      --big-repeats "$big" --warmup 1000 --server-pid "$POSTAGE_PID" \
      --out "$OUT/postage-r$r" > /dev/null
done

# One CSV per server, rounds renumbered, then the side-by-side report.
for server in postfix postage; do
  head -1 "$OUT/$server-r1/runs.csv" > "$OUT/$server.csv"
  for r in $(seq 1 "$ROUNDS"); do
    tail -n +2 "$OUT/$server-r$r/runs.csv" | awk -F, -v OFS=, -v r="$r" '{ $2 = r; print }' >> "$OUT/$server.csv"
  done
done
python3 "$BENCH/report.py" "$OUT/postfix.csv" "$OUT/postage.csv" > "$OUT/report.md"
cat "$OUT/report.md"
log "results in $OUT"
