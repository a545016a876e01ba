package dev.dynamotest.benchmarks;

/** Adds up the calls, errors and time of the slices of one phase, so that they make one measurement. */
final class Tally {

    private final Latencies latencies = new Latencies(1024);
    private long errors;
    private long nanos;
    private Throwable firstError;

    void add(Latencies calls, long failed, long elapsedNanos, Throwable error) {
        if (firstError == null) {
            firstError = error;
        }
        latencies.addAll(calls);
        errors += failed;
        nanos += elapsedNanos;
    }

    /** Prints how many calls failed and the first failure, if any did, to standard error. */
    void reportFirstError(String phase) {
        if (firstError != null) {
            System.err.printf("%s: %d errors, the first: %s%n", phase, errors, firstError);
        }
    }

    Measurement measurement(String endpoint, String operation, int threads) {
        return new Measurement(endpoint, operation, threads, latencies.count(), errors, nanos / 1e9,
                latencies.percentile(0.50), latencies.percentile(0.99));
    }
}
