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
 * of the index (sparse: an item without both index keys, of the declared types, is not in the index).
 */
public record IndexMeta(String name, boolean local, KeyAttribute hashKey, KeyAttribute rangeKey,
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
                KeyAttribute hash = null;
                KeyAttribute range = null;
                for (JsonNode k : index.path("KeySchema")) {
                    String attr = k.path("AttributeName").asText();
                    KeyAttribute key = new KeyAttribute(attr, types.getOrDefault(attr, "S"));
                    if ("HASH".equals(k.path("KeyType").asText())) {
                        hash = key;
                    } else {
                        range = key;
                    }
                }
                Set<String> nonKey = new LinkedHashSet<>();
                index.path("Projection").path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
                all.add(new IndexMeta(index.path("IndexName").asText(), kind.startsWith("Local"), hash, range,
                        index.path("Projection").path("ProjectionType").asText("ALL"), Set.copyOf(nonKey)));
            }
        }
        return List.copyOf(all);
    }

    /** Whether the item belongs in this index: it has every index key, of its type and not empty. */
    public boolean covers(Map<String, AttributeValue> item) {
        return item != null && hasKey(item, hashKey) && (rangeKey == null || hasKey(item, rangeKey));
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
        return hashKey.name().equals(attribute) || (rangeKey != null && rangeKey.name().equals(attribute));
    }

    /** The key attributes of the index, hash first. */
    public List<KeyAttribute> keys() {
        return rangeKey == null ? List.of(hashKey) : List.of(hashKey, rangeKey);
    }
}
