package dev.dynamotest.core.internal.ops.query;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.storage.IndexMeta;
import dev.dynamotest.core.internal.storage.ItemStore;
import dev.dynamotest.core.internal.storage.KeyAttribute;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Query or Scan reads: a table, or one of its secondary indexes ({@code index} is {@code null} for the
 * table itself). Knows the keys that order the rows and the keys a LastEvaluatedKey carries.
 */
record ReadTarget(TableMeta table, IndexMeta index) {

    /** The table, or its index of that name, with DynamoDB's checks of IndexName and ConsistentRead. */
    static ReadTarget resolve(TableMeta table, String indexName, boolean consistent) {
        if (indexName == null) {
            return new ReadTarget(table, null);
        }
        IndexMeta index = table.index(indexName).orElseThrow(() -> DynamoException.validation(
                "The table does not have the specified index: " + indexName));
        if (!index.local() && consistent) {
            throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
        }
        return new ReadTarget(table, index);
    }

    boolean isIndex() {
        return index != null;
    }

    boolean isGlobalIndex() {
        return index != null && !index.local();
    }

    /** The index name the item store keeps the rows under. */
    String storeIndex() {
        return index == null ? ItemStore.BASE : index.name();
    }

    /** The partition key attributes of the rows read: one, or up to four for a multi-attribute index key. */
    List<KeyAttribute> hashKeys() {
        return index == null ? List.of(table.hashKey()) : index.hashKeys();
    }

    /** The sort key attributes of the rows read, in key schema order; empty when they have none. */
    List<KeyAttribute> rangeKeys() {
        return index == null ? table.rangeKey() == null ? List.of() : List.of(table.rangeKey()) : index.rangeKeys();
    }

    /** The key attributes that order the rows read: the index's, or the table's. */
    List<KeyAttribute> orderKeys() {
        return index == null ? table.rangeKey() == null ? List.of(table.hashKey())
                : List.of(table.hashKey(), table.rangeKey()) : index.keys();
    }

    /** The attributes of a LastEvaluatedKey: the keys of the rows read, then the table's keys. */
    List<KeyAttribute> positionKeys() {
        List<KeyAttribute> keys = new ArrayList<>(orderKeys());
        keys.add(table.hashKey());
        if (table.rangeKey() != null) {
            keys.add(table.rangeKey());
        }
        return keys.stream().distinct().toList();
    }

    /** The LastEvaluatedKey of a row read. */
    Map<String, AttributeValue> positionOf(Map<String, AttributeValue> row) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (KeyAttribute k : positionKeys()) {
            key.put(k.name(), row.get(k.name()));
        }
        return key;
    }

    /** Whether the rows read are whole items: the table's, or an index's projecting ALL. */
    boolean holdsAll() {
        return index == null || "ALL".equals(index.projectionType());
    }

    /** Whether the rows read hold the attribute. */
    boolean holds(String attribute) {
        if (holdsAll()) {
            return true;
        }
        return table.isKeyAttribute(attribute) || index.isKeyAttribute(attribute)
                || "INCLUDE".equals(index.projectionType()) && index.nonKeyAttributes().contains(attribute);
    }
}
