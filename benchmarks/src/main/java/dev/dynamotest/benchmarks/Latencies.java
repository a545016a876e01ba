package dev.dynamotest.benchmarks;

import java.util.Arrays;

/** The latencies of one measured phase, in nanoseconds, and their percentiles (nearest rank). */
final class Latencies {

    private long[] values;
    private int size;

    Latencies(int capacity) {
        values = new long[Math.max(capacity, 16)];
    }

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int count() {
        return size;
    }

    /** The smallest recorded value that at least {@code fraction} of all values do not exceed; 0 when empty. */
    long percentile(double fraction) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * size);
        return sorted[Math.min(Math.max(rank, 1), size) - 1];
    }
}
