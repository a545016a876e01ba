package dev.dynamotest.benchmarks;

import java.util.Locale;

/** The heap an engine in process kept for its stored items after a full GC. One line of {@code heap.csv}. */
record HeapReading(long items, long heapBytes) {

    static final String HEADER = "items,heap_bytes,bytes_per_item";

    long bytesPerItem() {
        return items == 0 ? 0 : heapBytes / items;
    }

    String csv() {
        return String.format(Locale.ROOT, "%d,%d,%d", items, heapBytes, bytesPerItem());
    }

    static HeapReading parse(String line) {
        String[] f = line.split(",");
        return new HeapReading(Long.parseLong(f[0]), Long.parseLong(f[1]));
    }
}
