package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.core.DaxCaches;
import dev.dynamotest.core.DaxStaleRead;
import dev.dynamotest.core.DaxStatistics;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one cache of a DAX node, its item cache or its query cache, from {@link DaxAssert#itemCache()} or
 * {@link DaxAssert#queryCache()}. Each assertion reads the node's statistics as they are when it runs.
 *
 * <pre>{@code
 * assertThat(dynamo.dax()).itemCache().hasHits(1).hasMisses(1).hasEvictions(0);
 * }</pre>
 */
public class DaxCacheAssert extends AbstractAssert<DaxCacheAssert, DaxCaches> {

    /** Which of the node's two caches is asserted on. */
    enum Cache {
        ITEM("item cache"), QUERY("query cache");

        private final String label;

        Cache(String label) {
            this.label = label;
        }
    }

    /** One cache of a node's caches. */
    record Subject(DaxCaches caches, Cache cache) {
    }

    private final Cache cache;

    DaxCacheAssert(Subject subject) {
        super(subject.caches(), DaxCacheAssert.class);
        this.cache = subject.cache();
    }

    /** Verifies that the cache served exactly {@code expected} reads from its entries. */
    public DaxCacheAssert hasHits(long expected) {
        return has(expected, "hit", hits(actual.statistics()));
    }

    /** Verifies that exactly {@code expected} reads missed the cache and went to the table. */
    public DaxCacheAssert hasMisses(long expected) {
        return has(expected, "miss", misses(actual.statistics()));
    }

    /** Verifies that the cache evicted exactly {@code expected} entries to stay within its size. */
    public DaxCacheAssert hasEvictions(long expected) {
        return has(expected, "eviction", evictions(actual.statistics()));
    }

    /**
     * Verifies that exactly {@code expected} of the cache's hits were stale ({@link DaxStaleRead}): items changed
     * behind DAX (item cache), results cached before a write to their table (query cache). A failure lists them.
     */
    public DaxCacheAssert hasStaleHits(long expected) {
        long found = cache == Cache.ITEM ? actual.statistics().itemStaleHits() : actual.statistics().queryStaleHits();
        if (found != expected) {
            List<DaxStaleRead> reads = actual.staleReads().stream()
                    .filter(read -> read.queryResult() == (cache == Cache.QUERY)).toList();
            throw Messages.failure("DAX caches of " + actual, "Expecting " + count(expected, cache.label
                    + " stale hit") + " but found " + found + (reads.isEmpty() ? "" : ":\n" + DaxAssert.lines(reads)));
        }
        return this;
    }

    private DaxCacheAssert has(long expected, String noun, long found) {
        if (found != expected) {
            DaxStatistics s = actual.statistics();
            throw Messages.failure("DAX caches of " + actual, "Expecting " + count(expected, cache.label + " " + noun)
                    + " but found " + found + "; the item cache had " + counts(s.itemHits(), s.itemMisses(),
                    s.itemEvictions()) + ", the query cache " + counts(s.queryHits(), s.queryMisses(),
                    s.queryEvictions()));
        }
        return this;
    }

    private static String counts(long hits, long misses, long evictions) {
        return count(hits, "hit") + ", " + count(misses, "miss") + " and " + count(evictions, "eviction");
    }

    private long hits(DaxStatistics statistics) {
        return cache == Cache.ITEM ? statistics.itemHits() : statistics.queryHits();
    }

    private long misses(DaxStatistics statistics) {
        return cache == Cache.ITEM ? statistics.itemMisses() : statistics.queryMisses();
    }

    private long evictions(DaxStatistics statistics) {
        return cache == Cache.ITEM ? statistics.itemEvictions() : statistics.queryEvictions();
    }

    private static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("miss") ? noun + "es" : noun + "s");
    }
}
