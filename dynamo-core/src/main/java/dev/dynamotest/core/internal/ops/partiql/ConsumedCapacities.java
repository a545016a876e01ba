package dev.dynamotest.core.internal.ops.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds up the ConsumedCapacity the operations a PartiQL request ran as reported, per table (the units of the
 * table and of each index summed), so that the request reports what those operations charged.
 */
final class ConsumedCapacities {

    private final Map<String, ObjectNode> byTable = new LinkedHashMap<>();

    /** Adds a ConsumedCapacity object, or each of an array of them; null adds nothing. */
    void add(JsonNode consumed) {
        if (consumed == null || consumed.isNull()) {
            return;
        }
        if (consumed.isArray()) {
            consumed.forEach(this::add);
            return;
        }
        String table = consumed.path("TableName").asText();
        ObjectNode sum = byTable.get(table);
        if (sum == null) {
            byTable.put(table, ((ObjectNode) consumed).deepCopy());
        } else {
            merge(sum, (ObjectNode) consumed);
        }
    }

    /** The one table's ConsumedCapacity (ExecuteStatement), or null when nothing was reported. */
    ObjectNode single() {
        return byTable.isEmpty() ? null : byTable.values().iterator().next();
    }

    /** The ConsumedCapacity list (BatchExecuteStatement, ExecuteTransaction), or null when nothing was reported. */
    ArrayNode list() {
        if (byTable.isEmpty()) {
            return null;
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        byTable.values().forEach(list::add);
        return list;
    }

    private static void merge(ObjectNode sum, ObjectNode more) {
        Iterator<Map.Entry<String, JsonNode>> fields = more.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode mine = sum.get(field.getKey());
            JsonNode theirs = field.getValue();
            if (mine == null) {
                sum.set(field.getKey(), theirs.deepCopy());
            } else if (mine.isNumber() && theirs.isNumber()) {
                sum.put(field.getKey(), mine.doubleValue() + theirs.doubleValue());
            } else if (mine.isObject() && theirs.isObject()) {
                merge((ObjectNode) mine, (ObjectNode) theirs);
            }
        }
    }
}
