package dev.dynamotest.core;

/**
 * How a {@link DaxServer}'s caches have served so far: hits, misses and evictions of the item cache (GetItem,
 * BatchGetItem) and of the query cache (Query, Scan), and among the hits those served stale ({@link DaxStaleRead}:
 * an item changed behind DAX, a query result cached before a write to its table). Consistent reads pass the caches
 * by and count in none.
 */
public record DaxStatistics(long itemHits, long itemMisses, long itemEvictions, long queryHits, long queryMisses,
        long queryEvictions, long itemStaleHits, long queryStaleHits) {
}
