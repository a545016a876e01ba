package dev.dynamotest.core.internal.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads a request body into a JSON tree with Jackson's streaming parser, without the data-binding machinery that
 * {@code ObjectMapper.readTree} sets up for every call. It builds the same tree as {@code readTree} for the bodies
 * clients send (objects, arrays, strings, integers, booleans, nulls); for anything else (a floating-point number,
 * a duplicate field, trailing content, malformed JSON) it answers {@code null}, so that the caller reads the body
 * with {@code readTree} and its exact results and error messages.
 */
final class JsonTreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonFactory factory;

    JsonTreeReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** The tree of a well-formed body of the kinds above, or {@code null} when {@code readTree} must decide. */
    JsonNode read(byte[] body) {
        try (JsonParser p = factory.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode root = value(p, first);
            if (root == null || p.nextToken() != null) {
                return null;
            }
            return root;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return object(p);
            case START_ARRAY:
                return array(p);
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                return null;
        }
    }

    private static ObjectNode object(JsonParser p) throws IOException {
        ObjectNode node = NODES.objectNode();
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonNode child = value(p, p.nextToken());
            if (child == null || node.replace(name, child) != null) {
                return null;
            }
        }
        return p.currentToken() == JsonToken.END_OBJECT ? node : null;
    }

    private static ArrayNode array(JsonParser p) throws IOException {
        ArrayNode node = NODES.arrayNode();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                return null;
            }
            JsonNode child = value(p, token);
            if (child == null) {
                return null;
            }
            node.add(child);
        }
        return node;
    }
}
