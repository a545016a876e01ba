package dev.dynamotest.core.internal.write;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.storage.ItemStore;
import dev.dynamotest.core.internal.storage.KeyCodec;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * ItemCollectionMetrics, as DynamoDB reports them when a write asks with ReturnItemCollectionMetrics SIZE: for
 * a table with a local secondary index, the partition key of each item collection written and the collection's
 * size (the table's items and their local index entries with that partition key) as a range of whole gigabytes,
 * {@code [0.0, 1.0]} below 1 GB. Tables without a local secondary index report nothing.
 */
public final class ItemCollections {

    private static final double GB = 1024.0 * 1024 * 1024;

    private final ItemStore store;
    private final boolean wanted;
    private final Map<String, Set<Map<String, AttributeValue>>> written = new LinkedHashMap<>();
    private final Map<String, TableMeta> tables = new LinkedHashMap<>();

    private ItemCollections(ItemStore store, boolean wanted) {
        this.store = store;
        this.wanted = wanted;
    }

    /** Checks the ReturnItemCollectionMetrics parameter and starts collecting for a request that asked with it. */
    public static ItemCollections of(ItemStore store, String returnItemCollectionMetrics) {
        new Constraints().oneOf(returnItemCollectionMetrics, "returnItemCollectionMetrics", "SIZE", "NONE").check();
        return new ItemCollections(store, "SIZE".equals(returnItemCollectionMetrics));
    }

    /** Notes that the item with this key (or item) was written; only its partition key counts. */
    public void written(TableMeta table, Map<String, AttributeValue> key) {
        if (!wanted || table.indexes().stream().noneMatch(i -> i.local())) {
            return;
        }
        String name = table.hashKey().name();
        tables.putIfAbsent(table.name(), table);
        written.computeIfAbsent(table.name(), t -> new LinkedHashSet<>()).add(Map.of(name, key.get(name)));
    }

    /** Adds the ItemCollectionMetrics element of a single-item write (PutItem, UpdateItem, DeleteItem). */
    public void addSingleTo(ObjectNode response) {
        written.forEach((table, keys) -> keys.forEach(key ->
                response.set("ItemCollectionMetrics", metrics(tables.get(table), key))));
    }

    /** Adds the per-table ItemCollectionMetrics map of BatchWriteItem and TransactWriteItems, if any. */
    public void addPerTableTo(ObjectNode response) {
        if (written.isEmpty()) {
            return;
        }
        ObjectNode map = response.putObject("ItemCollectionMetrics");
        written.forEach((table, keys) -> {
            ArrayNode list = map.putArray(table);
            keys.forEach(key -> list.add(metrics(tables.get(table), key)));
        });
    }

    private ObjectNode metrics(TableMeta table, Map<String, AttributeValue> key) {
        long bytes = store.collectionSize(table, KeyCodec.encode(key.get(table.hashKey().name())));
        double low = Math.floor(bytes / GB);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("ItemCollectionKey", AttributeValueJson.encodeItem(key));
        node.putArray("SizeEstimateRangeGB").add(low).add(low + 1);
        return node;
    }
}
