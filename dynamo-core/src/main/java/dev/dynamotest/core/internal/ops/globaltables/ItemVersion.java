package dev.dynamotest.core.internal.ops.globaltables;

import java.time.Instant;
import java.util.Comparator;

/**
 * The version of one item in a global table, by which concurrent writes settle (last writer wins): the time of
 * the write, a counter that orders writes of the same instant (a write always wins over the version it
 * overwrote, even when the clock stands still), and the region that made it, which breaks the remaining ties
 * the same way in every replica.
 */
record ItemVersion(Instant time, long counter, String region) implements Comparable<ItemVersion> {

    private static final Comparator<ItemVersion> ORDER = Comparator.comparing(ItemVersion::time)
            .thenComparingLong(ItemVersion::counter)
            .thenComparing(ItemVersion::region);

    /** The version of a local write at {@code time} over an item whose version was {@code previous}. */
    static ItemVersion after(ItemVersion previous, Instant time, String region) {
        if (previous == null || time.isAfter(previous.time)) {
            return new ItemVersion(time, 0, region);
        }
        return new ItemVersion(previous.time, previous.counter + 1, region);
    }

    @Override
    public int compareTo(ItemVersion other) {
        return ORDER.compare(this, other);
    }
}
