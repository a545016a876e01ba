# Sourced by the scripts that measure two standalone jars side by side (capacity-cost.sh, durability-cost.sh):
# builds the jars unless --no-build and they exist, and starts and stops the servers. Expects HERE, ROOT, BUILD
# and OUT to be set.
SERVER_JAR=$ROOT/server/target/dynamotest-server.jar
BENCH_JAR=$HERE/target/dynamotest-benchmarks.jar

if [[ $BUILD == 1 || ! -f $SERVER_JAR || ! -f $BENCH_JAR ]]; then
  echo "building the server and the benchmark jars..."
  (cd "$ROOT" && ./mvnw -q -DskipTests -pl server,benchmarks -am package)
fi

PIDS=()
# Stops every server started so far.
stop_servers() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

# Starts the jar on a free port with the arguments after $1 (the log's name); sets URL and PID.
start_server() {
  local log=$OUT/server-$1.log
  shift
  java -jar "$SERVER_JAR" --port 0 "$@" >"$log" 2>&1 &
  PID=$!; PIDS+=("$PID")
  for _ in $(seq 600); do
    if URL=$(grep -m1 -E '^http://' "$log" 2>/dev/null); then return 0; fi
    sleep 0.1
  done
  echo "the server did not start:" >&2; cat "$log" >&2; return 1
}

# The lines that describe the machine, the date and the load, for a report's header.
describe_machine() {
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}
