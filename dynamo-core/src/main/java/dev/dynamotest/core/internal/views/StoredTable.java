package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.internal.ops.lifecycle.Lifecycle;
import dev.dynamotest.core.internal.storage.IndexMeta;
import dev.dynamotest.core.internal.storage.ItemStore;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.storage.StoredRow;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.tables.Table;
import dev.dynamotest.core.tables.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link Table} read from the item store. */
record StoredTable(TableMeta meta, ItemStore store, Lifecycle lifecycle, Tables tables) implements Table {

    private static final int PAGE = 500;

    @Override
    public Optional<Table> sibling(String name) {
        return tables.find(region(), name);
    }

    @Override
    public Table in(String region) {
        return tables.get(region, name());
    }

    @Override
    public Optional<String> timeToLiveAttribute() {
        return Optional.ofNullable(lifecycle.timeToLiveAttribute(meta));
    }

    @Override
    public List<Map<String, AttributeValue>> expiredItems() {
        return items().stream().filter(lifecycle.expired(meta)).toList();
    }

    @Override
    public String name() {
        return meta.name();
    }

    @Override
    public String region() {
        return meta.region();
    }

    @Override
    public String arn() {
        return meta.arn();
    }

    @Override
    public String partitionKey() {
        return meta.hashKey().name();
    }

    @Override
    public Optional<String> sortKey() {
        return Optional.ofNullable(meta.rangeKey()).map(k -> k.name());
    }

    @Override
    public List<String> indexNames() {
        return meta.indexes().stream().map(IndexMeta::name).toList();
    }

    @Override
    public long itemCount() {
        return store.countAndSize(meta)[0];
    }

    @Override
    public Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
        if (key.get(meta.hashKey().name()) == null
                || meta.rangeKey() != null && key.get(meta.rangeKey().name()) == null) {
            throw new IllegalArgumentException("a key of table " + name() + " needs " + keyNames() + ", not "
                    + key.keySet());
        }
        return Optional.ofNullable(store.get(meta, StoredKey.of(meta, key)));
    }

    @Override
    public List<Map<String, AttributeValue>> items() {
        return rows(ItemStore.BASE);
    }

    @Override
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

    @Override
    public void truncate() {
        lifecycle.truncate(meta);
    }

    @Override
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
