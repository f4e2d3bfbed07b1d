#!/usr/bin/env bash
# A longer run of the SMTP protocol fuzzer: ProtocolFuzzIT (ear/src/test/java/org/postage/it, its fuzzer SmtpFuzzer)
# run through Maven with MINUTES of fuzzing instead of one, in the same three rounds against one fresh server, with
# the same checks: every reply line well-formed, no SMTP session left running, no more threads (idle SMTP workers
# apart) after the last round than after the first, heap used after a full GC not growing past the IT's bound, and
# a normal message still delivered.
#
#   bench/fuzz.sh MINUTES [SEED]     (from anywhere; builds the reactor offline, `mvn -o verify`, unit tests skipped)
#
# Prints `uptime` before and after (other builds on the machine slow the fuzzer and the server alike), the FUZZ lines
# of the test (seed, per-round connections, commands, replies by class, threads and heap) and the test's outcome.
set -euo pipefail
MINUTES=${1:?usage: bench/fuzz.sh MINUTES [SEED]}
SEED=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOG=${LOG:-/tmp/postage-fuzz-$$.log}
cd "$ROOT"
args=(-o verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ProtocolFuzzIT
      -Dpostage.fuzz.minutes="$MINUTES")
if [ -n "$SEED" ]; then
    args+=(-Dpostage.fuzz.seed="$SEED")
fi
echo "fuzz: $MINUTES minutes, commit $(git rev-parse --short HEAD), Maven log in $LOG"
echo "uptime before: $(uptime)"
status=0
mvn "${args[@]}" > "$LOG" 2>&1 || status=$?
echo "uptime after:  $(uptime)"
grep '^FUZZ' ear/target/failsafe-reports/org.postage.it.ProtocolFuzzIT-output.txt || true
grep -E 'Tests run:|FAILURE|AssertionFailedError' "$LOG" | tail -4
exit $status
