package dev.dynamotest.core;

import dev.dynamotest.core.internal.ops.lifecycle.Lifecycle;
import dev.dynamotest.core.internal.storage.IndexMeta;
import dev.dynamotest.core.internal.storage.ItemStore;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.storage.StoredRow;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One table's stored contents, read straight from the engine: no capacity is consumed and no request is
 * made, so assertions and test diagnostics can look without disturbing what they look at.
 */
public final class Table {

    private static final int PAGE = 500;

    private final TableMeta meta;
    private final ItemStore store;
    private final Lifecycle lifecycle;
    private final Tables tables;

    Table(TableMeta meta, ItemStore store, Lifecycle lifecycle, Tables tables) {
        this.meta = meta;
        this.store = store;
        this.lifecycle = lifecycle;
        this.tables = tables;
    }

    /** Another table of this table's region, in the same engine, if it exists. */
    public Optional<Table> sibling(String name) {
        return tables.find(region(), name);
    }

    /**
     * The table of this name in another region of the engine, such as a global table's replica:
     * {@code assertThat(dynamo.table("Orders").in("eu-west-1")).containsItem(key)}.
     *
     * @throws IllegalArgumentException when that region has no such table
     */
    public Table in(String region) {
        return tables.get(region, name());
    }

    /** The attribute holding the items' expiry time, if the table has time to live enabled. */
    public Optional<String> timeToLiveAttribute() {
        return Optional.ofNullable(lifecycle.timeToLiveAttribute(meta));
    }

    /**
     * The items whose time to live has passed on the engine clock but which the sweep has not deleted yet, in
     * Scan order (none when the table has no time to live enabled).
     */
    public List<Map<String, AttributeValue>> expiredItems() {
        return items().stream().filter(lifecycle.expired(meta)).toList();
    }

    public String name() {
        return meta.name();
    }

    public String region() {
        return meta.region();
    }

    public String arn() {
        return meta.arn();
    }

    /** The partition key attribute name. */
    public String partitionKey() {
        return meta.hashKey().name();
    }

    /** The sort key attribute name, if the table has one. */
    public Optional<String> sortKey() {
        return Optional.ofNullable(meta.rangeKey()).map(k -> k.name());
    }

    /** The names of the table's secondary indexes. */
    public List<String> indexNames() {
        return meta.indexes().stream().map(IndexMeta::name).toList();
    }

    /** The number of items. */
    public long itemCount() {
        return store.countAndSize(meta)[0];
    }

    /** The item with the given key attributes, if present. */
    public Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
        if (key.get(meta.hashKey().name()) == null
                || meta.rangeKey() != null && key.get(meta.rangeKey().name()) == null) {
            throw new IllegalArgumentException("a key of table " + name() + " needs " + keyNames() + ", not "
                    + key.keySet());
        }
        return Optional.ofNullable(store.get(meta, StoredKey.of(meta, key)));
    }

    /** Every item, in the order a Scan returns them. */
    public List<Map<String, AttributeValue>> items() {
        return rows(ItemStore.BASE);
    }

    /** Every entry of a secondary index (the projected items), in the order a Scan of the index returns them. */
    public List<Map<String, AttributeValue>> indexItems(String indexName) {
        if (meta.index(indexName).isEmpty()) {
            throw new IllegalArgumentException("table " + name() + " has no index " + indexName + "; it has "
                    + indexNames());
        }
        return rows(indexName);
    }

    private List<Map<String, AttributeValue>> rows(String index) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        StoredKey after = null;
        while (true) {
            List<StoredRow> page = store.scan(meta, index, Integer.MIN_VALUE, Integer.MAX_VALUE, after, PAGE);
            page.forEach(row -> items.add(row.item()));
            if (page.size() < PAGE) {
                return items;
            }
            after = page.get(page.size() - 1).key();
        }
    }

    /**
     * Removes every item at once, without change records: a reset between tests, not a DynamoDB operation
     * (streams and change assertions see nothing of it).
     */
    public void truncate() {
        lifecycle.truncate(meta);
    }

    /**
     * The items as they were at an instant (every change made at or before it included), in the order a Scan
     * returns them, rebuilt from the engine's change records. The records reach back to the table's creation or
     * last {@link #truncate() reset}, but no further than the engine keeps them: 24 hours, or the recovery period
     * of a table with point-in-time recovery.
     *
     * @throws IllegalArgumentException when the records do not reach back to {@code at}
     */
    public List<Map<String, AttributeValue>> itemsAt(Instant at) {
        return lifecycle.itemsAt(meta, at);
    }

    private List<String> keyNames() {
        return meta.rangeKey() == null ? List.of(meta.hashKey().name())
                : List.of(meta.hashKey().name(), meta.rangeKey().name());
    }

    @Override
    public String toString() {
        return "table " + name() + " (" + region() + ")";
    }
}
