package dev.dynamotest.core.internal.storage;

/**
 * A range of sort key bytes within one partition, each bound inclusive or exclusive, {@code null} for
 * unbounded. A Query's sort key condition becomes one of these.
 */
public record KeyRange(byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive) {

    /** The whole partition. */
    public static final KeyRange ALL = new KeyRange(null, false, null, false);

    /** Exactly one sort key. */
    public static KeyRange exactly(byte[] key) {
        return new KeyRange(key, true, key, true);
    }

    /** The keys that start with the prefix (strings and binaries). */
    public static KeyRange prefix(byte[] prefix) {
        byte[] upper = prefix.clone();
        for (int i = upper.length - 1; i >= 0; i--) {
            if ((upper[i] & 0xFF) != 0xFF) {
                upper[i]++;
                return new KeyRange(prefix, true, java.util.Arrays.copyOf(upper, i + 1), false);
            }
        }
        return new KeyRange(prefix, true, null, false);
    }
}
