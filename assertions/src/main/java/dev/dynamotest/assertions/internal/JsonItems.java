package dev.dynamotest.assertions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.model.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads expected items from JSON: plain JSON ({@code {"pk": "A#1", "total": 5}}) or DynamoDB JSON
 * ({@code {"pk": {"S": "A#1"}}}), told apart item by item as {@link PlainJson} says, as one item, an array of
 * items or a Scan output ({@code {"Items": [...]}}).
 *
 * @param items the items read
 */
public record JsonItems(List<Map<String, AttributeValue>> items) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public static JsonItems parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        List<JsonNode> nodes = new ArrayList<>();
        JsonNode array = root != null && root.isObject() && root.path("Items").isArray() ? root.get("Items") : root;
        if (array != null && array.isArray()) {
            array.forEach(nodes::add);
        } else if (array != null && array.isObject()) {
            nodes.add(array);
        } else {
            throw new IllegalArgumentException("expected a JSON object or an array of objects, not: " + json);
        }
        for (JsonNode node : nodes) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("an item must be a JSON object, not: " + node);
            }
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (JsonNode node : nodes) {
            items.add(item(PlainJson.item((ObjectNode) node)));
        }
        return new JsonItems(items);
    }

    /** The item of an object in DynamoDB JSON. */
    public static Map<String, AttributeValue> item(ObjectNode typedItem) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        typedItem.fields().forEachRemaining(f -> item.put(f.getKey(), typed(f.getValue())));
        return item;
    }

    private static AttributeValue typed(JsonNode wrapper) {
        if (!wrapper.isObject() || wrapper.size() != 1) {
            throw new IllegalArgumentException("a DynamoDB JSON value has one type key, not: " + wrapper);
        }
        String type = wrapper.fieldNames().next();
        JsonNode v = wrapper.get(type);
        boolean shaped = switch (type) {
            case "S", "B" -> v.isTextual();
            case "N" -> v.isTextual() || v.isNumber();
            case "BOOL" -> v.isBoolean();
            case "NULL" -> v.isBoolean() && v.booleanValue();
            case "M" -> v.isObject();
            case "L" -> v.isArray();
            case "SS", "NS", "BS" -> v.isArray() && !v.isEmpty() && allText(v);
            default -> true;
        };
        if (!shaped) {
            throw new IllegalArgumentException("not a DynamoDB JSON " + type + " value: " + wrapper
                    + " (S, N and B take a string, BOOL true or false, NULL true, M an object, L an array, and SS, "
                    + "NS and BS a non-empty array of strings)");
        }
        return switch (type) {
            case "S" -> AttributeValue.string(v.asText());
            case "N" -> AttributeValue.number(Values.canonical(number(v.asText())));
            case "B" -> AttributeValue.binary(base64(v.asText()));
            case "BOOL" -> AttributeValue.bool(v.asBoolean());
            case "NULL" -> AttributeValue.nul();
            case "M" -> {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                v.fields().forEachRemaining(f -> map.put(f.getKey(), typed(f.getValue())));
                yield new AttributeValue.M(map);
            }
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                v.forEach(e -> list.add(typed(e)));
                yield new AttributeValue.L(list);
            }
            case "SS" -> new AttributeValue.SS(texts(v));
            case "NS" -> new AttributeValue.NS(new LinkedHashSet<>(texts(v).stream()
                    .map(n -> Values.canonical(number(n))).toList()));
            case "BS" -> new AttributeValue.BS(texts(v).stream().map(JsonItems::base64).toList());
            default -> throw new IllegalArgumentException("unknown DynamoDB type " + type);
        };
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: \"" + text + "\"", e);
        }
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: \"" + text + "\"", e);
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new LinkedHashSet<>();
        array.forEach(e -> texts.add(e.asText()));
        return texts;
    }
}
