#!/usr/bin/env bash
# Measures what the capacity check costs a request: the server CPU ms per call of each workload operation
# (dev.dynamotest.benchmarks.CapacityCost, one thread, read from /proc) on two standalone jars running at once, one
# started with --capacity observe and one with --capacity enforce, on tables provisioned so high that nothing is
# ever throttled. The two take turns in slices of each operation's calls. CAPACITY_REPEATS rounds, each on fresh
# servers; prints a Markdown table (also saved as capacity-cost.md).
#
# usage: benchmarks/capacity-cost.sh [--no-build]
# environment: CAPACITY_REPEATS (3) rounds, CAPACITY_CALLS (2000) measured calls per operation, endpoint and round
#   (as many again to warm up), CAPACITY_SLICES (10), CAPACITY_UNITS (100000) read and write units of each table,
#   BENCH_OUT (results/capacity-DATE)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
BUILD=1
REPEATS=${CAPACITY_REPEATS:-3}
CALLS=${CAPACITY_CALLS:-2000}
SLICES=${CAPACITY_SLICES:-10}
UNITS=${CAPACITY_UNITS:-100000}
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    *) echo "usage: $0 [--no-build]" >&2; exit 2 ;;
  esac
done
OUT=${BENCH_OUT:-$HERE/results/capacity-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
source "$HERE/standalone.sh"
trap stop_servers EXIT

{
  describe_machine
  echo "rounds: $REPEATS; per round, operation and endpoint $CALLS calls to warm up, then $CALLS measured in $SLICES slices taken in turns; one thread; tables provisioned with $UNITS RCU and WCU"
} >"$OUT/machine.txt"

for round in $(seq "$REPEATS"); do
  start_server "observe-$round" --capacity observe; OBSERVE_URL=$URL; OBSERVE_PID=$PID
  start_server "enforce-$round" --capacity enforce; ENFORCE_URL=$URL; ENFORCE_PID=$PID
  echo "round $round: observe $OBSERVE_URL (pid $OBSERVE_PID), enforce $ENFORCE_URL (pid $ENFORCE_PID)"
  java -cp "$BENCH_JAR" dev.dynamotest.benchmarks.CapacityCost \
    --endpoints "observe=$OBSERVE_URL,enforce=$ENFORCE_URL" --pids "observe=$OBSERVE_PID,enforce=$ENFORCE_PID" \
    --calls "$CALLS" --slices "$SLICES" --capacity-units "$UNITS" | tail -n +2 >"$OUT/cpu-$round.csv"
  stop_servers
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"

# One row per operation: the CPU ms per call of each round in each mode, and the ratio of their medians.
{
  sed 's/^/    /' "$OUT/machine.txt"
  echo
  echo "| operation | observe, CPU ms per call | enforce, CPU ms per call | enforce / observe (medians) |"
  echo "|---|---|---|---:|"
  cat "$OUT"/cpu-*.csv | cut -d, -f1 | awk '!seen[$0]++' | while read -r op; do
    obs=$(cat "$OUT"/cpu-*.csv | awk -F, -v op="$op" '$1 == op && $2 == "observe" {print $3}' | paste -sd' ')
    enf=$(cat "$OUT"/cpu-*.csv | awk -F, -v op="$op" '$1 == op && $2 == "enforce" {print $3}' | paste -sd' ')
    awk -v op="$op" -v obs="$obs" -v enf="$enf" '
      function median(text,   v, n, i, j, t) {
        n = split(text, v, " ")
        for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
        return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
      }
      BEGIN {
        mo = median(obs); me = median(enf)
        gsub(" ", ", ", obs); gsub(" ", ", ", enf)
        printf "| %s | %s | %s | %.2f |\n", op, obs, enf, (mo > 0 ? me / mo : 0)
      }'
  done
} >"$OUT/capacity-cost.md"
echo
cat "$OUT/capacity-cost.md"
