package dev.dynamotest.core.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.DynamoException;

/** Typed reads of request JSON that fail as DynamoDB's protocol layer does when a value has the wrong shape. */
public final class Json {

    private Json() {
    }

    /** A string field, or {@code null} when absent or JSON null. */
    public static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : text(node);
    }

    /** A string value; a number or boolean is taken as its text, as DynamoDB's parser does. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw unexpected(node, "string");
    }

    /**
     * A string element of a list: as {@link #text(JsonNode)}, but a JSON {@code null}, which a list member cannot be
     * absent as, is refused with a SerializationException.
     */
    public static String element(JsonNode node) {
        if (node == null || node.isNull()) {
            throw unexpected(node, "string");
        }
        return text(node);
    }

    /** A boolean value. */
    public static boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && ("true".equals(node.textValue()) || "false".equals(node.textValue()))) {
            return Boolean.parseBoolean(node.textValue());
        }
        throw unexpected(node, "boolean");
    }

    /** A boolean field, or the default when absent. */
    public static boolean bool(JsonNode parent, String field, boolean absent) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? absent : bool(node);
    }

    /** An integer field, or {@code null} when absent. */
    public static Long integer(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue());
            } catch (NumberFormatException e) {
                throw unexpected(node, "integer");
            }
        }
        throw unexpected(node, "integer");
    }

    /** An object field, or {@code null} when absent. */
    public static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw unexpected(node, "structure");
        }
        return node;
    }

    /** An array field, or {@code null} when absent. */
    public static JsonNode array(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw unexpected(node, "list");
        }
        return node;
    }

    /** The SerializationException DynamoDB sends when a JSON value is not of the expected kind. */
    public static DynamoException unexpected(JsonNode node, String expected) {
        String found;
        if (node == null || node.isNull()) {
            found = "null";
        } else if (node.isObject()) {
            return DynamoException.serialization("Start of structure or map found where not expected.");
        } else if (node.isArray()) {
            return DynamoException.serialization("Start of list found where not expected");
        } else if (node.isNumber()) {
            found = "NUMBER_VALUE";
        } else if (node.isBoolean()) {
            found = "BOOLEAN_VALUE";
        } else {
            found = "STRING_VALUE";
        }
        return DynamoException.serialization("Unexpected value type in payload: " + found + " where " + expected
                + " was expected");
    }
}
