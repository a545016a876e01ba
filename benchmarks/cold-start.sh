#!/usr/bin/env bash
# The cold start of issue 19, today's build against a baseline, in one run: junit-extension's StartupBenchmark
# (JMH, single shot, one fork per run) for a whole @DynamoTest class in a cold JVM (JUnit's test kit, one declared
# table, one PutItem through the injected client) and for the engine with declared tables ready in a cold JVM,
# run against both builds in turn, RUNS times, alternating which goes first. Prints the medians of the wall time
# (JMH's single shot) and of the CPU time of each run, and their ratios.
#
# usage: benchmarks/cold-start.sh [--no-build] BASELINE_WORKTREE [RUNS]
#   BASELINE_WORKTREE: a git worktree of the baseline commit, e.g. made with `git worktree add /tmp/base 45cc1b1`;
#   its jars are built there with `-DskipTests test-compile` (never installed). RUNS: 5 by default.
# environment: COLD_OUT (benchmarks/results/cold-DATE). JMH runs with jmh.ignoreLock, so that another JMH run on a
#   shared machine does not stop it (the two then share the cores: the runs alternate to stay comparable).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
BUILD=1
if [[ ${1:-} == --no-build ]]; then BUILD=0; shift; fi
BASE=$(cd "${1:?usage: $0 [--no-build] BASELINE_WORKTREE [RUNS]}" && pwd)
RUNS=${2:-5}
OUT=${COLD_OUT:-$HERE/results/cold-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"

build() {
  (cd "$1" && ./mvnw -q -o -DskipTests -pl junit-extension -am test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath)
}
if [[ $BUILD == 1 ]]; then
  echo "building the baseline in $BASE and this tree..."
  build "$BASE"
  build "$ROOT"
fi

classpath() {
  echo "$1/junit-extension/target/test-classes:$1/junit-extension/target/classes:$1/dynamo-core/target/classes:$(cat "$1/junit-extension/target/benchmark.classpath")"
}

# One fork of each benchmark of build $1 ("base" or "new"), run $2, each in a JMH run of its own, whose CPU time
# (user + system, the JMH host's and the fork's together, from bash's `times`) goes to cpu.csv: on a loaded machine
# the wall time of a cold JVM mostly measures the wait for a core, its CPU time much less so. The baseline has no
# benchmark named for the engine alone: its endpoint_up_in_a_cold_jvm does the same work (the endpoint of a class
# with its declared tables), HTTP server included, which is what the engine alone was then.
run() {
  local dir benchmarks name before after
  if [[ $1 == base ]]; then
    dir=$BASE; benchmarks="test_class_in_a_cold_jvm endpoint_up_in_a_cold_jvm"
  else
    dir=$ROOT; benchmarks="test_class_in_a_cold_jvm engine_with_declared_tables_ready_in_a_cold_jvm"
  fi
  for name in $benchmarks; do
    times >"$OUT/.times"; before=$(children_cpu)
    (cd "$dir/junit-extension" && java -Djmh.ignoreLock=true -cp "$(classpath "$dir")" org.openjdk.jmh.Main \
        "StartupBenchmark\.$name\$" -f 1 -rf csv -rff "$OUT/$1-$2-$name.csv" >"$OUT/$1-$2-$name.log" 2>&1) \
      || { echo "run $2 of $1 $name failed:" >&2; tail -30 "$OUT/$1-$2-$name.log" >&2; exit 1; }
    times >"$OUT/.times"; after=$(children_cpu)
    echo "$1,$name,$(awk -v a="$after" -v b="$before" 'BEGIN {printf "%.0f", (a - b) * 1000}')" >>"$OUT/cpu.csv"
  done
}

# The CPU seconds (user + system) of this shell's finished children so far, from `times` written to .times by the
# shell itself (in a subshell, `times` would count the subshell's children only).
children_cpu() {
  tail -1 "$OUT/.times" | awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, p, /m/); sub(/s/, "", p[2]); t += p[1] * 60 + p[2] } print t }'
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/machine.txt"
for i in $(seq "$RUNS"); do
  if (( i % 2 )); then run base "$i"; run new "$i"; else run new "$i"; run base "$i"; fi
  echo "run $i of $RUNS done, load $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"

# The median wall and CPU time of each benchmark per build, and new/base.
for f in "$OUT"/*-*-*.csv; do
  build=$(basename "$f"); build=${build%%-*}
  tail -n +2 "$f" | tr -d '"' | awk -F, -v b="$build" '{ print "wall," b "," $1 "," $5 }'
done >"$OUT/wall.csv"
sed 's/^/cpu,/' "$OUT/cpu.csv" | cat "$OUT/wall.csv" - | awk -F, '
  { name = $3; sub(/.*StartupBenchmark\./, "", name); if (name == "endpoint_up_in_a_cold_jvm") name = "engine_with_declared_tables_ready_in_a_cold_jvm";
    key = $1 SUBSEP $2 SUBSEP name; n[key]++; v[key, n[key]] = $4; names[name] = 1 }
  function median(key,   i, j, t, a, m) { m = n[key]; for (i = 1; i <= m; i++) a[i] = v[key, i];
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2 }
  END { printf "| benchmark (single shot, cold JVM), median of %d runs | baseline wall ms | new wall ms | new / baseline | baseline CPU ms | new CPU ms | new / baseline |\n|---|---:|---:|---:|---:|---:|---:|\n", n["wall" SUBSEP "base" SUBSEP "test_class_in_a_cold_jvm"];
    for (name in names) { bw = median("wall" SUBSEP "base" SUBSEP name); nw = median("wall" SUBSEP "new" SUBSEP name);
      bc = median("cpu" SUBSEP "base" SUBSEP name); nc = median("cpu" SUBSEP "new" SUBSEP name);
      printf "| %s | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f |\n", name, bw, nw, nw / bw, bc, nc, nc / bc } }' | tee "$OUT/cold-start.md"
