package dev.dynamotest.core.internal.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A secondary index of a table: its keys and projection, and how an item of the table becomes an entry
 * of the index (sparse: an item without every index key attribute, of the declared types, is not in the index).
 * A global secondary index may have multi-attribute keys: up to four partition key attributes ({@code hashKeys})
 * and four sort key attributes ({@code rangeKeys}), in key schema order; {@code rangeKeys} may be empty.
 */
public record IndexMeta(String name, boolean local, List<KeyAttribute> hashKeys, List<KeyAttribute> rangeKeys,
        String projectionType, Set<String> nonKeyAttributes) {

    /** The indexes (LocalSecondaryIndexes, then GlobalSecondaryIndexes) of a stored table description. */
    static List<IndexMeta> parseAll(JsonNode description) {
        List<IndexMeta> all = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        for (JsonNode def : description.path("AttributeDefinitions")) {
            types.put(def.path("AttributeName").asText(), def.path("AttributeType").asText());
        }
        for (String kind : new String[] {"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
            for (JsonNode index : description.path(kind)) {
                List<KeyAttribute> hash = new ArrayList<>();
                List<KeyAttribute> range = new ArrayList<>();
                for (JsonNode k : index.path("KeySchema")) {
                    String attr = k.path("AttributeName").asText();
                    KeyAttribute key = new KeyAttribute(attr, types.getOrDefault(attr, "S"));
                    ("HASH".equals(k.path("KeyType").asText()) ? hash : range).add(key);
                }
                Set<String> nonKey = new LinkedHashSet<>();
                index.path("Projection").path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
                all.add(new IndexMeta(index.path("IndexName").asText(), kind.startsWith("Local"), List.copyOf(hash),
                        List.copyOf(range),
                        index.path("Projection").path("ProjectionType").asText("ALL"), Set.copyOf(nonKey)));
            }
        }
        return List.copyOf(all);
    }

    /** Whether the item belongs in this index: it has every index key, of its type and not empty. */
    public boolean covers(Map<String, AttributeValue> item) {
        if (item == null) {
            return false;
        }
        for (KeyAttribute key : keys()) {
            if (!hasKey(item, key)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasKey(Map<String, AttributeValue> item, KeyAttribute key) {
        AttributeValue value = item.get(key.name());
        if (value instanceof AttributeValue.S s && s.value().isEmpty()
                || value instanceof AttributeValue.B b && b.unsafeBytes().length == 0) {
            return false;
        }
        return value != null && value.type().equals(key.type());
    }

    /** The attributes of the item the index holds, by its projection. */
    public Map<String, AttributeValue> project(TableMeta table, Map<String, AttributeValue> item) {
        if ("ALL".equals(projectionType)) {
            return item;
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            String name = e.getKey();
            if (table.isKeyAttribute(name) || isKeyAttribute(name) || nonKeyAttributes.contains(name)) {
                projected.put(name, e.getValue());
            }
        }
        return projected;
    }

    /** Whether the attribute is one of the index's own key attributes. */
    public boolean isKeyAttribute(String attribute) {
        for (KeyAttribute key : keys()) {
            if (key.name().equals(attribute)) {
                return true;
            }
        }
        return false;
    }

    /** The key attributes of the index: the partition key attributes, then the sort key attributes. */
    public List<KeyAttribute> keys() {
        if (rangeKeys.isEmpty()) {
            return hashKeys;
        }
        List<KeyAttribute> all = new ArrayList<>(hashKeys);
        all.addAll(rangeKeys);
        return all;
    }

    /** The stored partition key bytes of an item the index covers. */
    public byte[] partitionBytes(Map<String, AttributeValue> item) {
        return KeyCodec.encode(values(hashKeys, item));
    }

    /** The stored sort key bytes of an item the index covers (empty when the index has no sort key). */
    public byte[] sortBytes(Map<String, AttributeValue> item) {
        return rangeKeys.isEmpty() ? StoredKey.NONE : KeyCodec.encode(values(rangeKeys, item));
    }

    private static List<AttributeValue> values(List<KeyAttribute> keys, Map<String, AttributeValue> item) {
        List<AttributeValue> values = new ArrayList<>(keys.size());
        keys.forEach(k -> values.add(item.get(k.name())));
        return values;
    }
}
