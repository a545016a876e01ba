package dev.dynamotest.benchmarks;

import java.util.Locale;

/**
 * One measured phase of one endpoint: an operation at a thread count, how many calls it made in how long,
 * and their median and 99th-percentile latency. One line of {@code workload.csv}.
 */
record Measurement(String endpoint, String operation, int threads, long ops, long errors, double seconds,
                   long p50Nanos, long p99Nanos) {

    static final String HEADER = "endpoint,operation,threads,ops,errors,seconds,ops_per_s,p50_us,p99_us";

    double opsPerSecond() {
        return seconds == 0 ? 0 : ops / seconds;
    }

    String csv() {
        return String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.3f,%.1f,%d,%d", endpoint, operation, threads, ops,
                errors, seconds, opsPerSecond(), p50Nanos / 1000, p99Nanos / 1000);
    }

    static Measurement parse(String line) {
        String[] f = line.split(",");
        return new Measurement(f[0], f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Double.parseDouble(f[5]), Long.parseLong(f[7]) * 1000, Long.parseLong(f[8]) * 1000);
    }
}
