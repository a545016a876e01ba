#!/usr/bin/env bash
# Measures what --db costs a write: PutItem ops/s, p50 and p99 (dev.dynamotest.benchmarks.Workload --operations) on
# two standalone jars running at once, one in memory (the default) and one started with --db on a file in a new
# temporary folder (each commit written to the file before it is acknowledged). The two take turns slice by slice.
# Prints a Markdown table (also saved as durability-cost.md).
#
# usage: benchmarks/durability-cost.sh [--no-build]
# environment: DURABILITY_OPERATIONS (PutItem), BENCH_SECONDS (6) measured and BENCH_WARMUP (2) warm-up seconds per
#   phase, BENCH_SLICES (3), BENCH_WARMUP_ROUNDS (3), BENCH_OPS (50000), BENCH_THREADS (1,8),
#   BENCH_OUT (results/durability-DATE)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    *) echo "usage: $0 [--no-build]" >&2; exit 2 ;;
  esac
done
OPERATIONS=${DURABILITY_OPERATIONS:-PutItem}
OUT=${BENCH_OUT:-$HERE/results/durability-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
DB_DIR=$(mktemp -d)
source "$HERE/standalone.sh"
cleanup() {
  stop_servers
  rm -rf "$DB_DIR"
}
trap cleanup EXIT

{
  describe_machine
  echo "disk of the --db file: $(df -T "$DB_DIR" | awk 'NR == 2 {print $2}')"
  echo "operations: $OPERATIONS; phases: ${BENCH_SECONDS:-6}s measured in ${BENCH_SLICES:-3} slices taken in turns, after ${BENCH_WARMUP:-2}s warm-up, at most ${BENCH_OPS:-50000} calls; threads ${BENCH_THREADS:-1,8}"
} >"$OUT/machine.txt"

start_server memory; MEMORY_URL=$URL
start_server file --db "$DB_DIR/data"; FILE_URL=$URL
echo "in memory $MEMORY_URL, --db $FILE_URL"
java -cp "$BENCH_JAR" dev.dynamotest.benchmarks.Workload \
  --endpoints "memory=$MEMORY_URL,file=$FILE_URL" --out "$OUT" --operations "$OPERATIONS" \
  --threads "${BENCH_THREADS:-1,8}" --seconds "${BENCH_SECONDS:-6}" --slices "${BENCH_SLICES:-3}" \
  --warmup-seconds "${BENCH_WARMUP:-2}" --warmup-rounds "${BENCH_WARMUP_ROUNDS:-3}" --ops "${BENCH_OPS:-50000}"
echo "size of the --db file: $(du -k "$DB_DIR/data.mv.db" | cut -f1) KB" >>"$OUT/machine.txt"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"

# One row per operation and thread count: ops/s, p50 and p99 of each endpoint, and the ratio of their ops/s.
{
  sed 's/^/    /' "$OUT/machine.txt"
  echo
  echo "| operation | threads | in memory: ops/s, p50, p99 | --db: ops/s, p50, p99 | --db / in memory (ops/s) |"
  echo "|---|---:|---|---|---:|"
  awk -F, '
    NR == 1 { next }
    { key = $2 "," $3; if (!(key in seen)) { order[++n] = key; seen[key] = 1 }
      row[$1, key] = sprintf("%.0f, %.2f ms, %.2f ms", $7, $8 / 1000, $9 / 1000); ops[$1, key] = $7 }
    END {
      for (i = 1; i <= n; i++) {
        split(order[i], k, ",")
        printf "| %s | %s | %s | %s | %.2f |\n", k[1], k[2], row["memory", order[i]], row["file", order[i]],
          (ops["memory", order[i]] > 0 ? ops["file", order[i]] / ops["memory", order[i]] : 0)
      }
    }' "$OUT/workload.csv"
} >"$OUT/durability-cost.md"
echo
cat "$OUT/durability-cost.md"
