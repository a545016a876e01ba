package dev.dynamotest.assertions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The one meaning of JSON items, shared by seed files, expected items and values in assertions: an item is
 * DynamoDB JSON when every attribute is an object with a single type key ({@code {"pk": {"S": "A#1"}}}), and
 * plain JSON otherwise, read as the AWS SDK's {@code EnhancedDocument.fromJson} reads it: object M, array L,
 * string S, number N, {@code true}/{@code false} BOOL, {@code null} NULL. Plain JSON has no sets and no binary
 * values; an item that holds them is written in DynamoDB JSON.
 */
public final class PlainJson {

    /** The type keys of DynamoDB JSON. */
    public static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlainJson() {
    }

    /** Whether the item is written in DynamoDB JSON: not empty, and every attribute one type key's object. */
    public static boolean isDynamoDbJson(JsonNode item) {
        if (!item.isObject() || item.isEmpty()) {
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

    /** The item in DynamoDB JSON: itself if it is written so, else each plain-JSON attribute converted. */
    public static ObjectNode item(ObjectNode item) {
        return isDynamoDbJson(item) ? item : plainItem(item);
    }

    /** The plain-JSON item in DynamoDB JSON, whatever its attributes look like. */
    public static ObjectNode plainItem(ObjectNode item) {
        ObjectNode converted = NODES.objectNode();
        item.fields().forEachRemaining(f -> converted.set(f.getKey(), value(f.getValue())));
        return converted;
    }

    /** The DynamoDB JSON of a plain-JSON value. */
    public static ObjectNode value(JsonNode node) {
        ObjectNode value = NODES.objectNode();
        if (node.isTextual()) {
            value.put("S", node.textValue());
        } else if (node.isNumber()) {
            BigDecimal number = node.decimalValue();
            value.put("N", number.toPlainString());
        } else if (node.isBoolean()) {
            value.put("BOOL", node.booleanValue());
        } else if (node.isNull() || node.isMissingNode()) {
            value.put("NULL", true);
        } else if (node.isArray()) {
            ArrayNode list = value.putArray("L");
            node.forEach(element -> list.add(value(element)));
        } else if (node.isObject()) {
            ObjectNode map = value.putObject("M");
            node.fields().forEachRemaining(f -> map.set(f.getKey(), value(f.getValue())));
        } else {
            throw new IllegalArgumentException("a plain-JSON value cannot be " + node.getNodeType() + ": " + node);
        }
        return value;
    }
}
