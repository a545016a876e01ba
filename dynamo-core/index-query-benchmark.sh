#!/usr/bin/env bash
# Runs IndexQueryBenchmark (JMH): ./dynamo-core/index-query-benchmark.sh [JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests -pl dynamo-core -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
cd dynamo-core
exec java -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
    org.openjdk.jmh.Main IndexQueryBenchmark "$@"
