package dev.dynamotest.core;

import java.util.List;

/**
 * The item cache and query cache of a DAX node, as tests observe them: their statistics, and a way to empty them.
 * {@link DaxServer} is one; the JUnit extension's DAX handle is another, so that assertions over the caches take
 * either.
 */
public interface DaxCaches {

    /** The caches' hits, misses and evictions so far. */
    DaxStatistics statistics();

    /**
     * The reads the caches served stale so far, oldest first (a node keeps its last 1000): items changed behind DAX
     * and query results cached before a write to their table. Their counts are in {@link #statistics()}.
     */
    List<DaxStaleRead> staleReads();

    /** Empties the item and query caches, as a new cluster starts. */
    void clearCaches();
}
