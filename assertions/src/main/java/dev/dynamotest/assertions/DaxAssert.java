package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.AssertContext;
import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.assertions.internal.Render;
import dev.dynamotest.assertions.internal.ValueEquality;
import dev.dynamotest.core.DaxCaches;
import dev.dynamotest.core.DaxStaleRead;
import java.util.List;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a DAX node's caches ({@code dynamo.dax()} or a {@code DaxServer}): pick the item cache (GetItem,
 * BatchGetItem) or the query cache (Query, Scan), then assert on its hits, misses and evictions; or assert on the
 * reads both caches served stale ({@link DaxStaleRead}: items changed behind DAX, query results cached before a write
 * to their table). Obtain it with {@link DynamoAssertions#assertThat(DaxCaches)}.
 *
 * <pre>{@code
 * assertThat(dynamo.dax()).itemCache().hasHits(2).hasMisses(1);
 * assertThat(dynamo.dax()).queryCache().hasEvictions(0);
 * assertThat(dynamo.dax()).servedStale(Key.of("sku", "A1"));
 * assertThat(dynamo.dax()).hasServedNoStaleReads();
 * }</pre>
 */
public class DaxAssert extends AbstractAssert<DaxAssert, DaxCaches> {

    /** The caches, and how the chain reports failures: thrown, or collected by soft assertions. */
    record Subject(DaxCaches caches, AssertContext context) {
    }

    private final AssertContext context;

    public DaxAssert(DaxCaches actual) {
        this(new Subject(actual, AssertContext.hard()));
    }

    DaxAssert(Subject subject) {
        super(subject.caches(), DaxAssert.class);
        this.context = subject.context();
    }

    /** The item cache, which serves GetItem and BatchGetItem, to assert on. */
    @CheckReturnValue
    public DaxCacheAssert itemCache() {
        return cache(DaxCacheAssert.Cache.ITEM);
    }

    /** The query cache, which serves Query and Scan, to assert on. */
    @CheckReturnValue
    public DaxCacheAssert queryCache() {
        return cache(DaxCacheAssert.Cache.QUERY);
    }

    private DaxCacheAssert cache(DaxCacheAssert.Cache cache) {
        isNotNull();
        return context.create(DaxCacheAssert.class, DaxCacheAssert.Subject.class,
                new DaxCacheAssert.Subject(actual, cache), DaxCacheAssert::new);
    }

    /**
     * Verifies that the caches served no stale read: no item changed behind DAX and no query result cached before a
     * write to its table. A failure lists the stale reads.
     */
    public DaxAssert hasServedNoStaleReads() {
        isNotNull();
        List<DaxStaleRead> reads = actual.staleReads();
        if (!reads.isEmpty()) {
            throw failure("Expecting no stale reads but found " + reads.size() + ":\n" + lines(reads));
        }
        return this;
    }

    /**
     * Verifies that the caches served exactly {@code expected} stale reads, stale items and possibly stale query
     * results together. A failure lists them.
     */
    public DaxAssert hasServedStaleReads(long expected) {
        isNotNull();
        List<DaxStaleRead> reads = actual.staleReads();
        if (reads.size() != expected) {
            throw failure("Expecting " + Messages.count(expected, "stale read") + " but found "
                    + (reads.isEmpty() ? "none" : reads.size() + ":\n" + lines(reads)));
        }
        return this;
    }

    /**
     * Verifies that the item cache served the item with this key (of any table) stale at least once, by GetItem or
     * BatchGetItem, after a write that bypassed DAX changed it.
     */
    public DaxAssert servedStale(Key key) {
        return servedStale(null, key);
    }

    /** Verifies that the item cache served the item with this key of that table stale at least once. */
    public DaxAssert servedStale(String tableName, Key key) {
        isNotNull();
        List<DaxStaleRead> reads = actual.staleReads();
        boolean found = reads.stream().anyMatch(read -> !read.queryResult()
                && (tableName == null || tableName.equals(read.tableName()))
                && ValueEquality.items(key.attributes(), read.key()));
        if (!found) {
            throw failure("Expecting a stale read of item " + key + (tableName == null ? "" : " of table " + tableName)
                    + "\nbut " + (reads.isEmpty() ? "the caches served no stale reads"
                            : "the stale reads were:\n" + lines(reads)));
        }
        return this;
    }

    private AssertionError failure(String message) {
        return Messages.failure("DAX caches of " + actual, message);
    }

    /** The stale reads, one a line, as failure messages list them. */
    static String lines(List<DaxStaleRead> reads) {
        return Messages.list(reads.stream().map(DaxAssert::line).toList());
    }

    private static String line(DaxStaleRead read) {
        String key = Render.key(read.key(), List.of());
        String where = read.operation().apiName() + " " + read.tableName() + " (" + read.region() + ")";
        if (read.queryResult()) {
            return where + ": cached " + read.cachedAt() + ", possibly stale since " + key + " was written "
                    + read.changedAt() + ", served " + read.servedAt();
        }
        return where + " " + key + ": cached " + read.cachedAt() + ", changed behind DAX " + read.changedAt()
                + ", served " + read.servedAt();
    }
}
