package dev.dynamotest.benchmarks;

import java.util.Locale;

/** An endpoint process's resident memory at a moment, and how many items it held then. One line of {@code memory.csv}. */
record MemoryReading(String endpoint, String moment, long items, long rssKb) {

    static final String HEADER = "endpoint,moment,items,rss_kb,bytes_per_item";

    long bytesPerItem() {
        return items == 0 ? 0 : rssKb * 1024 / items;
    }

    String csv() {
        return String.format(Locale.ROOT, "%s,%s,%d,%d,%d", endpoint, moment, items, rssKb, bytesPerItem());
    }

    static MemoryReading parse(String line) {
        String[] f = line.split(",");
        return new MemoryReading(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]));
    }
}
