package dev.dynamotest.core.internal.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * What the catalog knows of one table: its identity, key schema, and the stored part of its
 * DynamoDB description (everything DescribeTable returns except the live counts).
 */
public final class TableMeta {

    private final long id;
    private final String region;
    private final String name;
    private final KeyAttribute hashKey;
    private final KeyAttribute rangeKey;
    private final ObjectNode description;
    private final List<IndexMeta> indexes;
    private final String globalTableVersion;

    public TableMeta(long id, String region, String name, KeyAttribute hashKey, KeyAttribute rangeKey,
            ObjectNode description) {
        this.id = id;
        this.region = region;
        this.name = name;
        this.hashKey = hashKey;
        this.rangeKey = rangeKey;
        this.description = description;
        this.indexes = IndexMeta.parseAll(description);
        this.globalTableVersion = description.path("GlobalTableVersion").asText(null);
    }

    /** The table's secondary indexes, local ones first. */
    public List<IndexMeta> indexes() {
        return indexes;
    }

    /** The index of that name, if the table has one. */
    public Optional<IndexMeta> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    /** The version of global tables the table is a replica of, or {@code null} when it has no replicas. */
    public String globalTableVersion() {
        return globalTableVersion;
    }

    public long id() {
        return id;
    }

    public String region() {
        return region;
    }

    public String name() {
        return name;
    }

    public KeyAttribute hashKey() {
        return hashKey;
    }

    /** The sort key, or {@code null} for a table with a partition key only. */
    public KeyAttribute rangeKey() {
        return rangeKey;
    }

    /** A copy of the stored description. */
    public ObjectNode description() {
        return description.deepCopy();
    }

    public String arn() {
        return description.path("TableArn").asText();
    }

    /** A copy of this table with another description (same identity and keys). */
    public TableMeta withDescription(ObjectNode newDescription) {
        return new TableMeta(id, region, name, hashKey, rangeKey, newDescription);
    }

    /** Whether the attribute is one of the table's key attributes. */
    public boolean isKeyAttribute(String attribute) {
        return hashKey.name().equals(attribute) || (rangeKey != null && rangeKey.name().equals(attribute));
    }

    /** The key attributes of an item. */
    public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(hashKey.name(), item.get(hashKey.name()));
        if (rangeKey != null) {
            key.put(rangeKey.name(), item.get(rangeKey.name()));
        }
        return key;
    }
}
