package dev.dynamotest.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything one run of {@code run.sh} wrote to its results folder, read back for the report. */
record Results(List<Measurement> workload, List<MemoryReading> memory, List<ScaleMeasurement> scale,
        List<HeapReading> heap) {

    static final String FLOOR = "floor";
    static final String OURS = "ours";
    /** Ours started with {@code --db}: every commit written to an H2 file before it is acknowledged. */
    static final String OURS_DB = "ours-db";
    static final String DYNALITE = "dynalite";
    static final String IN_PROCESS = "in-process";

    static Results read(Path folder) {
        return new Results(
                new ResultFile(folder.resolve(ResultFile.WORKLOAD), Measurement.HEADER).lines().stream()
                        .map(Measurement::parse).toList(),
                new ResultFile(folder.resolve(ResultFile.MEMORY), MemoryReading.HEADER).lines().stream()
                        .map(MemoryReading::parse).toList(),
                new ResultFile(folder.resolve(ResultFile.SCALE), ScaleMeasurement.HEADER).lines().stream()
                        .map(ScaleMeasurement::parse).toList(),
                new ResultFile(folder.resolve(ResultFile.HEAP), HeapReading.HEADER).lines().stream()
                        .map(HeapReading::parse).toList());
    }

    Optional<Measurement> find(String endpoint, String operation, int threads) {
        return workload.stream()
                .filter(m -> m.endpoint().equals(endpoint) && m.operation().equals(operation) && m.threads() == threads)
                .findFirst();
    }

    /** Ops/s of {@code a} divided by ops/s of {@code b} for one operation, when both were measured. */
    Optional<Double> ratio(String a, String b, String operation, int threads) {
        return find(a, operation, threads).filter(x -> x.ops() > 0).flatMap(x -> find(b, operation, threads)
                .filter(y -> y.ops() > 0)
                .map(y -> x.opsPerSecond() / y.opsPerSecond()));
    }

    /** Whether the run measured this endpoint. */
    boolean has(String endpoint) {
        return workload.stream().anyMatch(m -> m.endpoint().equals(endpoint));
    }

    List<Integer> threadCounts() {
        return workload.stream().map(Measurement::threads).distinct().sorted().toList();
    }

    List<String> operations() {
        return workload.stream().map(Measurement::operation).distinct().toList();
    }
}
