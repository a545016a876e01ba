package dev.dynamotest.core;

import dev.dynamotest.core.model.AttributeValue;
import java.time.Instant;
import java.util.Map;

/**
 * A read that a {@link DaxServer}'s cache served after the table had changed behind the cached entry, as DAX serves
 * stale data in production. Two kinds:
 * <ul>
 * <li>a <b>stale item</b>: GetItem or BatchGetItem served from the item cache an item (or its absence) that a write
 *     not made through this DAX node changed after it was cached (a plain {@code DynamoDbClient}, another DAX
 *     node, TTL deletion, replication, restore...); DAX's own writes update the item cache, so they make no entry
 *     stale;</li>
 * <li>a <b>possibly stale query result</b>: Query or Scan served from the query cache a result cached before a
 *     write to its table, through any door, DAX's own included, since writes never touch the query cache. The
 *     write may not have changed the result (another partition, a filtered-out item): "possibly".</li>
 * </ul>
 * Consistent reads and TransactGetItems pass the caches by and are never stale.
 *
 * @param operation {@code GET_ITEM} or {@code BATCH_GET_ITEM} for a stale item, {@code QUERY} or {@code SCAN} for a
 *                  possibly stale query result
 * @param region    the region of the table
 * @param tableName the table
 * @param key       the key of the item that changed: the item read, or, for a query result, the first item written
 *                  to the table after the result was cached
 * @param cachedAt  when the entry was cached, on the engine's clock
 * @param changedAt when the first change behind the entry committed
 * @param servedAt  when the cache served the entry
 */
public record DaxStaleRead(Operation operation, String region, String tableName, Map<String, AttributeValue> key,
        Instant cachedAt, Instant changedAt, Instant servedAt) {

    public DaxStaleRead {
        key = Map.copyOf(key);
    }

    /** Whether the query cache served it (Query, Scan): a possibly stale result rather than a stale item. */
    public boolean queryResult() {
        return operation == Operation.QUERY || operation == Operation.SCAN;
    }
}
