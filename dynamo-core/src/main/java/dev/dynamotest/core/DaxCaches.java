package dev.dynamotest.core;

/**
 * The item cache and query cache of a DAX node, as tests observe them: their statistics, and a way to empty them.
 * {@link DaxServer} is one; the JUnit extension's DAX handle is another, so that assertions over the caches take
 * either.
 */
public interface DaxCaches {

    /** The caches' hits, misses and evictions so far. */
    DaxStatistics statistics();

    /** Empties the item and query caches, as a new cluster starts. */
    void clearCaches();
}
