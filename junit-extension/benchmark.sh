#!/usr/bin/env bash
# Runs StartupBenchmark (JMH): ./junit-extension/benchmark.sh [JMH options, e.g. -f 3 or a benchmark name]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests -pl junit-extension -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
cd junit-extension
exec java -cp "target/test-classes:target/classes:../dynamo-core/target/classes:$(cat target/benchmark.classpath)" \
    org.openjdk.jmh.Main StartupBenchmark "$@"
