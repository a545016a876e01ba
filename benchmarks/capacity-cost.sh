#!/usr/bin/env bash
# Measures what the capacity check costs a request: the server CPU ms per call of each workload operation
# (CpuCost, one thread, read from /proc) on the standalone jar started with --capacity observe and with
# --capacity enforce, on tables provisioned so high that nothing is ever throttled. The two modes take turns,
# CAPACITY_REPEATS rounds, each on a fresh server; prints a Markdown table (also saved as capacity-cost.md).
#
# usage: benchmarks/capacity-cost.sh [--no-build]
# environment: CAPACITY_REPEATS (3) rounds, CAPACITY_CALLS (1000) calls per operation and round,
#   CAPACITY_UNITS (100000) read and write units of each table, CAPACITY_PORT (0: a free port),
#   BENCH_OUT (results/capacity-DATE)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
BUILD=1
REPEATS=${CAPACITY_REPEATS:-3}
CALLS=${CAPACITY_CALLS:-1000}
UNITS=${CAPACITY_UNITS:-100000}
PORT=${CAPACITY_PORT:-0}
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    *) echo "usage: $0 [--no-build]" >&2; exit 2 ;;
  esac
done
OUT=${BENCH_OUT:-$HERE/results/capacity-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
SERVER_JAR=$ROOT/dynamo-core/target/dynamotest-server.jar
BENCH_JAR=$HERE/target/dynamotest-benchmarks.jar

if [[ $BUILD == 1 || ! -f $SERVER_JAR || ! -f $BENCH_JAR ]]; then
  echo "building the server and the benchmark jars..."
  (cd "$ROOT" && ./mvnw -q -DskipTests -pl dynamo-core,benchmarks -am package)
fi

SERVER_PID=
cleanup() {
  if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=
}
trap cleanup EXIT

# Starts the jar in capacity mode $1 and prints its URL; sets SERVER_PID.
start_server() {
  local log=$OUT/server-$1-$2.log
  java -jar "$SERVER_JAR" --port "$PORT" --capacity "$1" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 300); do
    if url=$(grep -m1 -E '^http://' "$log" 2>/dev/null); then SERVER_URL=$url; return 0; fi
    sleep 0.1
  done
  echo "the server did not start:" >&2; cat "$log" >&2; return 1
}

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rounds: $REPEATS, $CALLS calls per operation after as many to warm up, one thread; tables provisioned with $UNITS RCU and WCU"
} >"$OUT/machine.txt"

for round in $(seq "$REPEATS"); do
  # the modes take turns, the first one alternating, so that a machine growing busier weighs on both alike
  if (( round % 2 == 1 )); then modes="observe enforce"; else modes="enforce observe"; fi
  for mode in $modes; do
    start_server "$mode" "$round"
    echo "round $round, $mode: $SERVER_URL (pid $SERVER_PID)"
    java -cp "$BENCH_JAR" dev.dynamotest.benchmarks.CpuCost --endpoint "$SERVER_URL" --pid "$SERVER_PID" \
      --calls "$CALLS" --capacity-units "$UNITS" | tail -n +2 >"$OUT/cpu-$mode-$round.csv"
    cleanup
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"

# One row per operation: the CPU ms per call of each round in each mode, their medians and the ratio.
{
  sed 's/^/    /' "$OUT/machine.txt"
  echo
  echo "| operation | observe, CPU ms per call | enforce, CPU ms per call | enforce / observe (medians) |"
  echo "|---|---|---|---:|"
  for f in "$OUT"/cpu-observe-*.csv; do cut -d, -f1 "$f"; done | awk '!seen[$0]++' | while read -r op; do
    obs=$(cat "$OUT"/cpu-observe-*.csv | awk -F, -v op="$op" '$1 == op {print $2}' | sort -n | paste -sd' ')
    enf=$(cat "$OUT"/cpu-enforce-*.csv | awk -F, -v op="$op" '$1 == op {print $2}' | sort -n | paste -sd' ')
    awk -v op="$op" -v obs="$obs" -v enf="$enf" 'BEGIN {
      n = split(obs, o, " "); m = split(enf, e, " ");
      mo = (n % 2) ? o[(n + 1) / 2] : (o[n / 2] + o[n / 2 + 1]) / 2;
      me = (m % 2) ? e[(m + 1) / 2] : (e[m / 2] + e[m / 2 + 1]) / 2;
      gsub(" ", ", ", obs); gsub(" ", ", ", enf);
      printf "| %s | %s | %s | %.2f |\n", op, obs, enf, (mo > 0 ? me / mo : 0)
    }'
  done
} >"$OUT/capacity-cost.md"
echo
cat "$OUT/capacity-cost.md"
