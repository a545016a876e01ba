#!/usr/bin/env bash
# Runs the benchmark of issue 4 on this machine, in one run, against three endpoints on 127.0.0.1:
#   floor     a bare Javalin endpoint answering fixed responses (dev.dynamotest.benchmarks.FloorServer)
#   ours      the standalone jar server/target/dynamotest-server.jar, in its own JVM
#   ours-db   the same jar with --db on a file in a new temporary folder (BENCH_DB=0 leaves it out)
#   dynalite  the npm package dynalite, installed here into benchmarks/.dynalite (ignored by git)
# and a fourth without a socket (issue 19):
#   in-process  an engine in the Workload's own JVM, its SDK client on engine.sdkHttpClient()
# then the SDK's HTTP clients side by side against floor and ours (HttpClients), the suite path (SuitePath: a fresh
# JVM running 30 @DynamoTest classes, in process and over HTTP, alternately), a Query scaling run on a fresh "ours",
# and prints a Markdown report (also saved as report.md). The cold start against a baseline build is cold-start.sh.
#
# usage: benchmarks/run.sh [--quick] [--no-build] [--scale-only]
# environment: BENCH_SECONDS (6) and BENCH_WARMUP (2) per phase, cut in BENCH_SLICES (3) slices that the
#   endpoints take in turns, BENCH_OPS (50000) calls at most per phase,
#   BENCH_WARMUP_ROUNDS (8) rounds at most of warming each endpoint up until steady,
#   BENCH_THREADS (1,8), BENCH_SCALE_SIZES (10000,1000000; empty to skip),
#   BENCH_HEAP_SIZES (10000,1000000; empty to skip: the heap per item of an engine in process), BENCH_OUT (results/DATE),
#   BENCH_OURS_JAVA_OPTS (JVM options for ours and ours-db), BENCH_JFR=1 (record ours with Flight Recorder),
#   BENCH_DB (1: measure ours-db too, reported beside ours),
#   BENCH_HTTP_CALLS (3000; 0 to skip the HTTP clients), BENCH_SUITE_RUNS (2; 0 to skip the suite path)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
DYNALITE_VERSION=4.0.0
BUILD=1
WORKLOAD=1
SECONDS_PER_PHASE=${BENCH_SECONDS:-6}
SLICES=${BENCH_SLICES:-3}
WARMUP=${BENCH_WARMUP:-2}
WARMUP_ROUNDS=${BENCH_WARMUP_ROUNDS:-8}
OPS=${BENCH_OPS:-50000}
THREADS=${BENCH_THREADS:-1,8}
HTTP_CALLS=${BENCH_HTTP_CALLS:-3000}
SUITE_RUNS=${BENCH_SUITE_RUNS:-2}
SCALE_SIZES=${BENCH_SCALE_SIZES-10000,1000000}
WITH_DB=${BENCH_DB:-1}
HEAP_SIZES=${BENCH_HEAP_SIZES-10000,1000000}
for arg in "$@"; do
  case "$arg" in
    --quick) SECONDS_PER_PHASE=3; WARMUP=1; WARMUP_ROUNDS=${BENCH_WARMUP_ROUNDS:-2}; SCALE_SIZES=${BENCH_SCALE_SIZES-10000,100000}
      HEAP_SIZES=${BENCH_HEAP_SIZES-10000,100000} ;;
    --no-build) BUILD=0 ;;
    --scale-only) WORKLOAD=0 ;;
    *) echo "usage: $0 [--quick] [--no-build] [--scale-only]" >&2; exit 2 ;;
  esac
done
OUT=${BENCH_OUT:-$HERE/results/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
SERVER_JAR=$ROOT/server/target/dynamotest-server.jar
BENCH_JAR=$HERE/target/dynamotest-benchmarks.jar
DYNALITE_DIR=$HERE/.dynalite

if [[ $BUILD == 1 || ! -f $SERVER_JAR || ! -f $BENCH_JAR ]]; then
  echo "building the server and the benchmark jars..."
  (cd "$ROOT" && ./mvnw -q -DskipTests -pl server,benchmarks -am package)
fi

if [[ "$(node -p "try { require('$DYNALITE_DIR/node_modules/dynalite/package.json').version } catch (e) { '' }")" \
      != "$DYNALITE_VERSION" ]]; then
  echo "installing dynalite $DYNALITE_VERSION with npm into $DYNALITE_DIR..."
  mkdir -p "$DYNALITE_DIR"
  npm install --prefix "$DYNALITE_DIR" --no-audit --no-fund --loglevel=error "dynalite@$DYNALITE_VERSION"
fi

PIDS=()
DB_DIR=$(mktemp -d)
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap 'cleanup; rm -rf "$DB_DIR"' EXIT

# Waits until the log file $1 has a line matching $2 and prints the first such line.
await_line() {
  for _ in $(seq 300); do
    if grep -m1 -E "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "no line matching '$2' in $1 after 30 s:" >&2; cat "$1" >&2; return 1
}

free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })"
}

# Starts ours on a free port, with the server arguments after $1 (the log's name); sets OURS_URL and OURS_PID.
start_ours() {
  local log=$OUT/ours-$1.log jfr=()
  if [[ ${BENCH_JFR:-0} == 1 ]]; then jfr=("-XX:StartFlightRecording=filename=$OUT/ours-$1.jfr,settings=profile"); fi
  shift
  # shellcheck disable=SC2086
  java ${BENCH_OURS_JAVA_OPTS:-} "${jfr[@]}" -jar "$SERVER_JAR" --port 0 "$@" >"$log" 2>&1 &
  OURS_PID=$!; PIDS+=("$OURS_PID")
  OURS_URL=$(await_line "$log" '^http://')
}

# Appends ours' resident memory after 20 s without requests to memory.csv (what the server gives back to the system
# once idle): $1 pid, $2 what was stored, $3 item count.
memory_after_idle() {
  sleep 20
  local rss
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status")
  echo "ours,$2 then 20 s idle,$3,$rss,$((rss * 1024 / $3))" >>"$OUT/memory.csv"
}

# Appends ours' resident memory after a full GC to memory.csv: $1 pid, $2 what was stored, $3 item count.
memory_after_gc() {
  jcmd "$1" GC.run >/dev/null
  sleep 2
  local rss
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status")
  echo "ours,$2 then a full GC,$3,$rss,$((rss * 1024 / $3))" >>"$OUT/memory.csv"
}

echo "results: $OUT"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
  echo "java: $(java -version 2>&1 | head -1); node: $(node --version); dynalite: $DYNALITE_VERSION"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "warm-up: each endpoint until its ops/s are steady (rounds of ${WARMUP}s phases, at most $WARMUP_ROUNDS rounds)"
  echo "phases: ${SECONDS_PER_PHASE}s measured in $SLICES slices taken in turns, after ${WARMUP}s warm-up, at most $OPS calls; threads $THREADS"
} >"$OUT/machine.txt"

if [[ $WORKLOAD == 1 ]]; then
  java -cp "$BENCH_JAR" dev.dynamotest.benchmarks.FloorServer --port 0 >"$OUT/floor.log" 2>&1 &
  PIDS+=("$!")
  FLOOR_URL=$(await_line "$OUT/floor.log" '^http://')

  DB_ENDPOINT=""; DB_PID=""
  if [[ $WITH_DB == 1 ]]; then
    start_ours workload-db --db "$DB_DIR/data"
    DB_ENDPOINT=",ours-db=$OURS_URL"; DB_PID=",ours-db=$OURS_PID"
  fi
  start_ours workload

  DYNALITE_PORT=$(free_port)
  node "$DYNALITE_DIR/node_modules/dynalite/cli.js" --host 127.0.0.1 --port "$DYNALITE_PORT" --createTableMs 0 \
    >"$OUT/dynalite.log" 2>&1 &
  DYNALITE_PID=$!; PIDS+=("$DYNALITE_PID")
  await_line "$OUT/dynalite.log" 'listening' >/dev/null

  echo "floor $FLOOR_URL, ours $OURS_URL (pid $OURS_PID)${DB_ENDPOINT:+, ${DB_ENDPOINT#,}}," \
    "dynalite http://127.0.0.1:$DYNALITE_PORT (pid $DYNALITE_PID)"
  java -cp "$BENCH_JAR" dev.dynamotest.benchmarks.Workload \
    --endpoints "floor=$FLOOR_URL,ours=$OURS_URL$DB_ENDPOINT,dynalite=http://127.0.0.1:$DYNALITE_PORT,in-process=in-process" \
    --pids "ours=$OURS_PID$DB_PID,dynalite=$DYNALITE_PID" --out "$OUT" \
    --threads "$THREADS" --seconds "$SECONDS_PER_PHASE" --slices "$SLICES" --warmup-seconds "$WARMUP" \
    --warmup-rounds "$WARMUP_ROUNDS" --ops "$OPS"
  STORED=$(awk -F, '$1 == "ours" && $2 == "after the workload" {n = $3} END {print n}' "$OUT/memory.csv")
  memory_after_idle "$OURS_PID" "after the workload" "$STORED"
  memory_after_gc "$OURS_PID" "after the workload" "$STORED"
  if (( HTTP_CALLS > 0 )); then
    echo "the SDK's HTTP clients side by side..."
    java -cp "$BENCH_JAR" dev.dynamotest.benchmarks.HttpClients --endpoints "floor=$FLOOR_URL,ours=$OURS_URL" \
      --out "$OUT" --calls "$HTTP_CALLS"
  fi
  cleanup; PIDS=()
fi

# The suite path: each run a fresh JVM per transport, the transports alternating which goes first.
for ((run = 1; run <= SUITE_RUNS; run++)); do
  if (( run % 2 )); then transports="IN_PROCESS HTTP"; else transports="HTTP IN_PROCESS"; fi
  for transport in $transports; do
    echo "the suite path, $transport, run $run of $SUITE_RUNS (load $(cut -d' ' -f1-3 /proc/loadavg))..."
    java -cp "$BENCH_JAR" dev.dynamotest.benchmarks.SuitePath --transport "$transport" --out "$OUT" >/dev/null
  done
done

if [[ -n $SCALE_SIZES ]]; then
  start_ours scale
  java -cp "$BENCH_JAR" dev.dynamotest.benchmarks.QueryScaling --endpoint "$OURS_URL" --name ours \
    --pid "$OURS_PID" --out "$OUT" --sizes "$SCALE_SIZES" --seconds "$SECONDS_PER_PHASE" --warmup-seconds "$WARMUP" \
    --ops "$OPS"
  memory_after_gc "$OURS_PID" "${SCALE_SIZES##*,} items loaded" "${SCALE_SIZES##*,}"
  cleanup; PIDS=()
fi

if [[ -n $HEAP_SIZES ]]; then
  java -cp "$BENCH_JAR" dev.dynamotest.benchmarks.HeapPerItem --sizes "$HEAP_SIZES" --out "$OUT"
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"
{
  sed 's/^/    /' "$OUT/machine.txt"
  echo
  java -cp "$BENCH_JAR" dev.dynamotest.benchmarks.Report --in "$OUT"
} >"$OUT/report.md"
echo
cat "$OUT/report.md"
