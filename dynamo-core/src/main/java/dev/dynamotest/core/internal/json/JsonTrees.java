package dev.dynamotest.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Reads and writes JSON trees with Jackson's streaming parser and generator only. {@code ObjectMapper.readTree} and
 * {@code JsonNode.toString()} build the same trees and text, but bring up Jackson's data binding (about 300 classes)
 * on first use, which the engine's cold start can do without.
 *
 * <p>{@link #read} follows {@code readTree}'s defaults: a repeated field keeps its last value, and a number with a
 * fraction or an exponent becomes a {@code double} node. {@link #readExact} gives up on both instead. Writing takes
 * the tree's node kinds as they are.
 */
public final class JsonTrees {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** The tree of a JSON text; a missing-node for an empty one. */
    public static JsonNode read(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return root(p);
        }
    }

    /**
     * The tree of a request body, read exactly: the tree {@code readTree} builds for the bodies clients send
     * (objects, arrays, strings, integers, booleans, nulls). For anything else (a floating-point number, a duplicate
     * field, trailing content, malformed JSON) it answers {@code null}, so that the caller can read the body with
     * {@code readTree} for its exact results and error messages.
     */
    public static JsonNode readExact(JsonFactory factory, byte[] body) {
        try (JsonParser p = factory.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode root = value(p, first, true);
            return root == null || p.nextToken() != null ? null : root;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** The compact JSON text of a tree, as {@code JsonNode.toString()} gives it. */
    public static String write(JsonNode node) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * A node that can write itself to a generator faster than a walk of its tree would, unless its tree was built or
     * changed since; then {@link #writeTo} returns false and the tree is walked.
     */
    public interface Streamed {

        /** Writes the node and returns true, or writes nothing and returns false. */
        boolean writeTo(JsonGenerator g) throws IOException;
    }

    /** Writes a tree to a generator, field by field (objects and strings, the most common, checked first). */
    public static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node instanceof Streamed streamed && streamed.writeTo(g)) {
            return;
        }
        if (node instanceof ObjectNode object) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                g.writeFieldName(field.getKey());
                write(g, field.getValue());
            }
            g.writeEndObject();
            return;
        }
        if (node instanceof TextNode text) {
            g.writeString(text.textValue());
            return;
        }
        switch (node.getNodeType()) {
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> writeNumber(g, node);
            case BINARY -> g.writeBinary(node.binaryValue());
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node as JSON");
        }
    }

    private static void writeNumber(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isInt() || node.isShort()) {
            g.writeNumber(node.intValue());
        } else if (node.isLong()) {
            g.writeNumber(node.longValue());
        } else if (node.isBigDecimal()) {
            g.writeNumber(node.decimalValue());
        } else if (node.isBigInteger()) {
            g.writeNumber(node.bigIntegerValue());
        } else if (node.isFloat()) {
            g.writeNumber(node.floatValue());
        } else {
            g.writeNumber(node.doubleValue());
        }
    }

    private static JsonNode root(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        return first == null ? NODES.missingNode() : value(p, first, false);
    }

    /**
     * The node of the value that starts at {@code token}. Read leniently, as {@code readTree}'s defaults do, a
     * fraction or an exponent makes a {@code double} node and a repeated field keeps its last value; read exactly,
     * both give {@code null}, as does a token that starts no value.
     */
    private static JsonNode value(JsonParser p, JsonToken token, boolean exact) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(p, exact);
            case START_ARRAY -> array(p, exact);
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> exact ? null : NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> {
                if (exact) {
                    yield null;
                }
                throw new IOException("unexpected " + token + " in JSON");
            }
        };
    }

    private static ObjectNode object(JsonParser p, boolean exact) throws IOException {
        ObjectNode node = NODES.objectNode();
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonNode child = value(p, p.nextToken(), exact);
            if (child == null || node.replace(name, child) != null && exact) {
                return null;
            }
        }
        return !exact || p.currentToken() == JsonToken.END_OBJECT ? node : null;
    }

    private static ArrayNode array(JsonParser p, boolean exact) throws IOException {
        ArrayNode node = NODES.arrayNode();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                if (exact) {
                    return null;
                }
                throw new IOException("unexpected end of JSON in an array");
            }
            JsonNode child = value(p, token, exact);
            if (child == null) {
                return null;
            }
            node.add(child);
        }
        return node;
    }
}
