package dev.dynamotest.benchmarks;

import java.util.Locale;

/**
 * A measurement taken on a table of {@code items} items, after loading the last {@code loadedItems} of them in
 * {@code loadSeconds}. One line of {@code scale.csv}.
 */
record ScaleMeasurement(long items, long loadedItems, double loadSeconds, Measurement measurement) {

    static final String HEADER = "items,loaded_items,load_seconds," + Measurement.HEADER;

    double loadRate() {
        return loadSeconds == 0 ? 0 : loadedItems / loadSeconds;
    }

    String csv() {
        return String.format(Locale.ROOT, "%d,%d,%.1f,%s", items, loadedItems, loadSeconds, measurement.csv());
    }

    static ScaleMeasurement parse(String line) {
        String[] f = line.split(",", 4);
        return new ScaleMeasurement(Long.parseLong(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                Measurement.parse(f[3]));
    }
}
