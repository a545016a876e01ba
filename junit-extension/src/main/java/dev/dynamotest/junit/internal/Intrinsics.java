package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the CloudFormation intrinsic functions a table definition can be written with: {@code Ref} to a
 * parameter or pseudo parameter, {@code Fn::Sub}, {@code Fn::Join} and {@code Fn::Select}. Anything that
 * needs a deployed stack ({@code Fn::GetAtt}, {@code Fn::ImportValue}, ...) resolves to nothing.
 */
final class Intrinsics {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private final Map<String, String> values;

    /** Intrinsics over the template's parameter defaults, the given values and the pseudo parameters. */
    Intrinsics(JsonNode template, Map<String, String> parameters, String region) {
        values = new HashMap<>();
        template.path("Parameters").fields().forEachRemaining(p -> {
            JsonNode fallback = p.getValue().get("Default");
            if (fallback != null && fallback.isValueNode()) {
                values.put(p.getKey(), fallback.asText());
            }
        });
        values.putAll(parameters);
        values.put("AWS::Region", region);
        values.put("AWS::AccountId", "000000000000");
        values.put("AWS::Partition", "aws");
        values.put("AWS::StackName", "dynamotest");
        values.put("AWS::URLSuffix", "amazonaws.com");
        values.put("AWS::NoValue", null);
    }

    /** Makes {@code Ref} to a resource's logical ID give {@code value} (a table's name, ...). */
    Intrinsics define(String logicalId, String value) {
        values.put(logicalId, value);
        return this;
    }

    /** A copy of the node with intrinsics resolved; {@code null} where one cannot be. */
    JsonNode resolve(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject() && node.size() == 1) {
            String function = node.fieldNames().next();
            if (function.equals("Ref") || function.startsWith("Fn::")) {
                String text = text(function, node.get(function));
                return text == null ? null : NODES.textNode(text);
            }
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = resolve(field.getValue());
                if (value != null) {
                    copy.set(field.getKey(), value);
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> {
                JsonNode value = resolve(element);
                if (value != null) {
                    copy.add(value);
                }
            });
            return copy;
        }
        return node;
    }

    private String text(String function, JsonNode argument) {
        return switch (function) {
            case "Ref" -> values.get(argument.asText());
            case "Fn::Sub" -> substitute(argument);
            case "Fn::Join" -> join(argument);
            case "Fn::Select" -> select(argument);
            default -> null;
        };
    }

    private String substitute(JsonNode argument) {
        String template = argument.isArray() ? argument.path(0).asText() : argument.asText();
        Map<String, String> local = new HashMap<>(values);
        if (argument.isArray()) {
            argument.path(1).fields().forEachRemaining(v -> {
                JsonNode value = resolve(v.getValue());
                local.put(v.getKey(), value == null ? null : value.asText());
            });
        }
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = local.get(matcher.group(1));
            if (value == null) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String join(JsonNode argument) {
        JsonNode parts = resolve(argument.path(1));
        if (parts == null || !parts.isArray() || parts.size() != argument.path(1).size()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            out.append(i == 0 ? "" : argument.path(0).asText()).append(parts.get(i).asText());
        }
        return out.toString();
    }

    private String select(JsonNode argument) {
        JsonNode list = resolve(argument.path(1));
        int index = argument.path(0).asInt(-1);
        return list != null && list.isArray() && index >= 0 && index < list.size() ? list.get(index).asText() : null;
    }
}
