package dev.dynamotest.assertions;

import dev.dynamotest.core.DaxCaches;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a DAX node's caches ({@code dynamo.dax()} or a {@code DaxServer}): pick the item cache (GetItem,
 * BatchGetItem) or the query cache (Query, Scan), then assert on its hits, misses and evictions. Obtain it with
 * {@link DynamoAssertions#assertThat(DaxCaches)}.
 *
 * <pre>{@code
 * assertThat(dynamo.dax()).itemCache().hasHits(2).hasMisses(1);
 * assertThat(dynamo.dax()).queryCache().hasEvictions(0);
 * }</pre>
 */
public class DaxAssert extends AbstractAssert<DaxAssert, DaxCaches> {

    public DaxAssert(DaxCaches actual) {
        super(actual, DaxAssert.class);
    }

    /** The item cache, which serves GetItem and BatchGetItem, to assert on. */
    @CheckReturnValue
    public DaxCacheAssert itemCache() {
        isNotNull();
        return new DaxCacheAssert(actual, DaxCacheAssert.Cache.ITEM);
    }

    /** The query cache, which serves Query and Scan, to assert on. */
    @CheckReturnValue
    public DaxCacheAssert queryCache() {
        isNotNull();
        return new DaxCacheAssert(actual, DaxCacheAssert.Cache.QUERY);
    }
}
