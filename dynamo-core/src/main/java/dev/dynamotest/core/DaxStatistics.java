package dev.dynamotest.core;

/**
 * How a {@link DaxServer}'s caches have served so far: hits, misses and evictions of the item cache (GetItem) and
 * of the query cache (Query, Scan). Consistent reads pass the caches by and count in neither.
 */
public record DaxStatistics(long itemHits, long itemMisses, long itemEvictions, long queryHits, long queryMisses,
        long queryEvictions) {
}
