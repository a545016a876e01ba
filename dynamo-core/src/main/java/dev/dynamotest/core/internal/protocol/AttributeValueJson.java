package dev.dynamotest.core.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.Numbers;
import dev.dynamotest.core.internal.json.AttributeTypes;
import dev.dynamotest.core.model.AttributeValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes attribute values in DynamoDB's JSON form ({@code {"S": "x"}}, {@code {"N": "1"}}, ...),
 * with DynamoDB's validation of the value shapes.
 */
public final class AttributeValueJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AttributeValueJson() {
    }

    /** How deep maps and lists may nest inside one attribute value (the item itself is the 32nd level). */
    private static final int MAX_NESTING = 31;

    /** Decodes an item (a JSON object of attribute values). */
    public static Map<String, AttributeValue> decodeItem(JsonNode node) {
        return decodeItem(node, 0);
    }

    private static Map<String, AttributeValue> decodeItem(JsonNode node, int depth) {
        if (node == null || node.isNull()) {
            return new LinkedHashMap<>();
        }
        if (!node.isObject()) {
            throw Json.unexpected(node, "map");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            item.put(field.getKey(), decode(field.getValue(), depth));
        }
        return item;
    }

    /** Decodes one attribute value, checking it as DynamoDB does. */
    public static AttributeValue decode(JsonNode node) {
        return decode(node, 0);
    }

    private static AttributeValue decode(JsonNode node, int depth) {
        if (node == null || !node.isObject()) {
            throw Json.unexpected(node, "structure");
        }
        String type = null;
        JsonNode value = null;
        int count = 0;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                continue;
            }
            count++;
            type = field.getKey();
            value = field.getValue();
        }
        if (count == 0) {
            throw DynamoException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (count > 1) {
            throw DynamoException.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        return switch (type) {
            case "S" -> new AttributeValue.S(string(value));
            case "N" -> new AttributeValue.N(Numbers.canonical(string(value)));
            case "B" -> new AttributeValue.B(base64(string(value)));
            case "BOOL" -> AttributeValue.bool(bool(value));
            case "NULL" -> {
                if (!bool(value)) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: Null attribute value types must have the value of true");
                }
                yield AttributeValue.nul();
            }
            case "M" -> new AttributeValue.M(decodeItem(value, nested(depth)));
            case "L" -> {
                if (!value.isArray()) {
                    throw Json.unexpected(value, "list");
                }
                List<AttributeValue> list = new ArrayList<>(value.size());
                for (JsonNode element : value) {
                    list.add(decode(element, nested(depth)));
                }
                yield new AttributeValue.L(list);
            }
            case "SS" -> new AttributeValue.SS(stringSet(value, "An string set ", false));
            case "NS" -> new AttributeValue.NS(stringSet(value, "An number set ", true));
            case "BS" -> binarySet(value);
            default -> throw DynamoException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        };
    }

    /**
     * The text of a string member (S, N, B and the elements of sets): DynamoDB's parser takes a JSON string there and
     * nothing else, not even a number ({@code {"N": 123}}).
     */
    private static String string(JsonNode node) {
        if (node != null && node.isTextual()) {
            return node.textValue();
        }
        if (node != null && node.isNumber()) {
            throw DynamoException.serialization("NUMBER_VALUE cannot be converted to String");
        }
        if (node != null && node.isBoolean()) {
            throw DynamoException.serialization("BOOLEAN_VALUE cannot be converted to String");
        }
        throw Json.unexpected(node, "string");
    }

    /** The value of a boolean member (BOOL, NULL): a JSON boolean, not its text. */
    private static boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw Json.unexpected(node, "boolean");
    }

    private static int nested(int depth) {
        if (depth + 1 > MAX_NESTING) {
            throw DynamoException.validation("Nesting Levels have exceeded supported limits: Attributes in the item "
                    + "have nested levels beyond supported limit");
        }
        return depth + 1;
    }

    private static Set<String> stringSet(JsonNode value, String emptyName, boolean numbers) {
        if (!value.isArray()) {
            throw Json.unexpected(value, "list");
        }
        if (value.isEmpty()) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: " + emptyName + " may not be empty");
        }
        Set<String> set = new LinkedHashSet<>();
        List<String> input = new ArrayList<>();
        boolean duplicate = false;
        for (JsonNode element : value) {
            String text = string(element);
            input.add(text);
            if (!set.add(numbers ? Numbers.canonical(text) : text)) {
                duplicate = true;
            }
        }
        if (duplicate) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Input collection " + input + " contains duplicates.");
        }
        return set;
    }

    private static AttributeValue.BS binarySet(JsonNode value) {
        if (!value.isArray()) {
            throw Json.unexpected(value, "list");
        }
        if (value.isEmpty()) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Binary sets should not be empty");
        }
        List<byte[]> list = new ArrayList<>();
        List<String> input = new ArrayList<>();
        for (JsonNode element : value) {
            String text = string(element);
            byte[] bytes = base64(text);
            input.add(text);
            if (new AttributeValue.BS(list).contains(bytes)) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: Input collection " + input + " contains duplicates.");
            }
            list.add(bytes);
        }
        return new AttributeValue.BS(list);
    }

    /** Decodes base64 as DynamoDB does: padding is required. */
    public static byte[] base64(String text) {
        if (text.length() % 4 != 0) {
            throw DynamoException.serialization(
                    "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw DynamoException.serialization("Invalid Base64 encoding: " + e.getMessage());
        }
    }

    /**
     * An item as a JSON object of attribute values that the response writer streams straight from {@code item},
     * which must not change afterwards; for the items of read responses.
     */
    public static ObjectNode itemNode(Map<String, AttributeValue> item) {
        return ItemNode.of(item);
    }

    /** An item as a JSON object that the response writer streams straight from its stored form ({@code ItemCodec}). */
    public static ObjectNode storedItemNode(byte[] stored) {
        return ItemNode.ofStored(stored);
    }

    /** Writes an item as {@link #encodeItem} would encode it, without building its tree. */
    static void write(JsonGenerator g, Map<String, AttributeValue> item) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            g.writeFieldName(e.getKey());
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, AttributeValue value) throws IOException {
        g.writeStartObject();
        if (value instanceof AttributeValue.S s) {
            g.writeFieldName(AttributeTypes.S);
            g.writeString(s.value());
        } else if (value instanceof AttributeValue.N n) {
            g.writeFieldName(AttributeTypes.N);
            g.writeString(n.value());
        } else if (value instanceof AttributeValue.B b) {
            g.writeFieldName(AttributeTypes.B);
            g.writeString(Base64.getEncoder().encodeToString(b.unsafeBytes()));
        } else if (value instanceof AttributeValue.BOOL b) {
            g.writeFieldName(AttributeTypes.BOOL);
            g.writeBoolean(b.value());
        } else if (value instanceof AttributeValue.NULL) {
            g.writeFieldName(AttributeTypes.NULL);
            g.writeBoolean(true);
        } else if (value instanceof AttributeValue.M m) {
            g.writeFieldName(AttributeTypes.M);
            write(g, m.value());
        } else if (value instanceof AttributeValue.L l) {
            writeArray(g, AttributeTypes.L, l.value(), AttributeValueJson::write);
        } else if (value instanceof AttributeValue.SS ss) {
            writeArray(g, AttributeTypes.SS, ss.value(), JsonGenerator::writeString);
        } else if (value instanceof AttributeValue.NS ns) {
            writeArray(g, AttributeTypes.NS, ns.value(), JsonGenerator::writeString);
        } else if (value instanceof AttributeValue.BS bs) {
            writeArray(g, AttributeTypes.BS, bs.value(),
                    (out, b) -> out.writeString(Base64.getEncoder().encodeToString(b)));
        }
        g.writeEndObject();
    }

    /** Writes one element of a list or set. */
    private interface ElementWriter<T> {
        void write(JsonGenerator g, T element) throws IOException;
    }

    /** A list or set value: its type, then its elements in an array. */
    private static <T> void writeArray(JsonGenerator g, SerializableString type, Iterable<T> elements,
            ElementWriter<T> writer) throws IOException {
        g.writeFieldName(type);
        g.writeStartArray();
        for (T element : elements) {
            writer.write(g, element);
        }
        g.writeEndArray();
    }

    /** Encodes an item as a JSON object of attribute values. */
    public static ObjectNode encodeItem(Map<String, AttributeValue> item) {
        ObjectNode node = new ObjectNode(NODES, new LinkedHashMap<>(capacity(item.size())));
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            node.set(e.getKey(), encode(e.getValue()));
        }
        return node;
    }

    /** Encodes one attribute value. */
    public static ObjectNode encode(AttributeValue value) {
        ObjectNode node = new ObjectNode(NODES, new LinkedHashMap<>(2));
        if (value instanceof AttributeValue.S s) {
            node.put("S", s.value());
        } else if (value instanceof AttributeValue.N n) {
            node.put("N", n.value());
        } else if (value instanceof AttributeValue.B b) {
            node.put("B", Base64.getEncoder().encodeToString(b.unsafeBytes()));
        } else if (value instanceof AttributeValue.BOOL b) {
            node.put("BOOL", b.value());
        } else if (value instanceof AttributeValue.NULL) {
            node.put("NULL", true);
        } else if (value instanceof AttributeValue.M m) {
            node.set("M", encodeItem(m.value()));
        } else if (value instanceof AttributeValue.L l) {
            ArrayNode array = node.putArray("L");
            for (AttributeValue element : l.value()) {
                array.add(encode(element));
            }
        } else if (value instanceof AttributeValue.SS ss) {
            ArrayNode array = node.putArray("SS");
            ss.value().forEach(array::add);
        } else if (value instanceof AttributeValue.NS ns) {
            ArrayNode array = node.putArray("NS");
            ns.value().forEach(array::add);
        } else if (value instanceof AttributeValue.BS bs) {
            ArrayNode array = node.putArray("BS");
            for (byte[] b : bs.value()) {
                array.add(Base64.getEncoder().encodeToString(b));
            }
        }
        return node;
    }

    /** A hash map capacity that holds {@code size} entries without growing. */
    private static int capacity(int size) {
        return size < 3 ? size + 1 : (int) (size / 0.75f) + 1;
    }
}
