package dev.dynamotest.core.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, and which of them
 * the request's expressions used.
 *
 * <pre>{@code
 * ExpressionContext ctx = new ExpressionContext(names, values);
 * ctx.checkParameters(true);
 * Condition condition = ConditionExpression.parse(text, ctx);
 * ctx.checkAllUsed();
 * }</pre>
 */
public final class ExpressionContext {

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    /** A context over the two maps; either may be {@code null} when the request does not carry it. */
    public ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = names == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(names));
        this.values = values == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A context with neither names nor values. */
    public static ExpressionContext empty() {
        return new ExpressionContext(null, null);
    }

    /** Reads {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} from a request. */
    public static ExpressionContext fromRequest(JsonNode request) {
        Map<String, String> names = null;
        JsonNode namesNode = Json.object(request, "ExpressionAttributeNames");
        if (namesNode != null) {
            names = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : namesNode.properties()) {
                names.put(e.getKey(), Json.text(e.getValue()));
            }
        }
        Map<String, AttributeValue> values = null;
        JsonNode valuesNode = Json.object(request, "ExpressionAttributeValues");
        if (valuesNode != null) {
            values = AttributeValueJson.decodeItem(valuesNode);
        }
        return new ExpressionContext(names, values);
    }

    /** Whether the request carried {@code ExpressionAttributeNames}. */
    public boolean hasNames() {
        return names != null;
    }

    /** Whether the request carried {@code ExpressionAttributeValues}. */
    public boolean hasValues() {
        return values != null;
    }

    /**
     * DynamoDB's checks on the two maps themselves: not empty, only given together with an expression, keys of
     * the form {@code #name} and {@code :value}, and no empty attribute name.
     */
    public void checkParameters(boolean anyExpression) {
        if (names != null && names.isEmpty()) {
            throw DynamoException.validation("ExpressionAttributeNames must not be empty");
        }
        if (values != null && values.isEmpty()) {
            throw DynamoException.validation("ExpressionAttributeValues must not be empty");
        }
        if (!anyExpression && names != null) {
            throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (!anyExpression && values != null) {
            throw DynamoException.validation(
                    "ExpressionAttributeValues can only be specified when using expressions");
        }
        if (names != null) {
            for (Map.Entry<String, String> e : names.entrySet()) {
                if (!isReference(e.getKey(), '#')) {
                    throw DynamoException.validation(
                            "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + e.getKey() + "\"");
                }
                if ("".equals(e.getValue())) {
                    throw DynamoException.validation(
                            "ExpressionAttributeNames contains invalid value: Empty attribute name for key "
                                    + e.getKey());
                }
            }
        }
        if (values != null) {
            for (String key : values.keySet()) {
                if (!isReference(key, ':')) {
                    throw DynamoException.validation(
                            "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
                }
            }
        }
    }

    private static boolean isReference(String key, char prefix) {
        if (key.length() < 2 || key.charAt(0) != prefix) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** The attribute name a {@code #name} reference stands for; marks it used. */
    String name(String reference, String kind) {
        String name = names == null ? null : names.get(reference);
        if (name == null) {
            throw Errors.invalid(kind,
                    "An expression attribute name used in the document path is not defined; attribute name: "
                            + reference);
        }
        usedNames.add(reference);
        return name;
    }

    /** The value a {@code :value} reference stands for; marks it used. */
    AttributeValue value(String reference, String kind) {
        AttributeValue value = values == null ? null : values.get(reference);
        if (value == null) {
            throw Errors.invalid(kind,
                    "An expression attribute value used in expression is not defined; attribute value: " + reference);
        }
        usedValues.add(reference);
        return value;
    }

    /** Throws DynamoDB's error when a name or value was given but no expression used it. */
    public void checkAllUsed() {
        List<String> unusedValues = unused(values == null ? null : values.keySet(), usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
        List<String> unusedNames = unused(names == null ? null : names.keySet(), usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
    }

    private static List<String> unused(Set<String> given, Set<String> used) {
        List<String> unused = new ArrayList<>();
        if (given != null) {
            for (String key : given) {
                if (!used.contains(key)) {
                    unused.add(key);
                }
            }
        }
        return unused;
    }
}
