package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.junit.DynamoSeed;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Items in DynamoDB JSON, from either DynamoDB JSON or plain JSON. */
final class ItemJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");

    private ItemJson() {
    }

    /** The item in DynamoDB JSON; {@code AUTO} takes it as DynamoDB JSON when every attribute looks typed. */
    static ObjectNode item(ObjectNode item, DynamoSeed.Format format) {
        boolean typed = switch (format) {
            case DYNAMODB_JSON -> true;
            case PLAIN_JSON -> false;
            case AUTO -> isTyped(item);
        };
        if (typed) {
            return item;
        }
        ObjectNode converted = NODES.objectNode();
        item.fields().forEachRemaining(f -> converted.set(f.getKey(), value(f.getValue())));
        return converted;
    }

    private static boolean isTyped(ObjectNode item) {
        if (item.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            JsonNode value = it.next().getValue();
            if (!value.isObject() || value.size() != 1 || !TYPES.contains(value.fieldNames().next())) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode value(JsonNode node) {
        ObjectNode value = NODES.objectNode();
        if (node.isTextual()) {
            value.put("S", node.asText());
        } else if (node.isNumber()) {
            value.put("N", node.decimalValue().toPlainString());
        } else if (node.isBoolean()) {
            value.put("BOOL", node.asBoolean());
        } else if (node.isNull()) {
            value.put("NULL", true);
        } else if (node.isArray()) {
            ArrayNode list = value.putArray("L");
            node.forEach(element -> list.add(value(element)));
        } else {
            ObjectNode map = value.putObject("M");
            node.fields().forEachRemaining(f -> map.set(f.getKey(), value(f.getValue())));
        }
        return value;
    }
}
