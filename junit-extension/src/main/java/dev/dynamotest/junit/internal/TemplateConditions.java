package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The named conditions of a template's {@code Conditions} section, each evaluated once, when first used:
 * {@code Fn::Equals} of two values, {@code Fn::Not} of one condition, {@code Fn::And} and {@code Fn::Or} of 2 to
 * 10 conditions, and {@code Condition} naming another condition, as CloudFormation evaluates them.
 */
final class TemplateConditions {

    private final JsonNode section;
    private final Intrinsics intrinsics;
    private final String where;
    private final Map<String, Boolean> values = new HashMap<>();
    private final Set<String> evaluating = new LinkedHashSet<>();

    TemplateConditions(JsonNode template, Intrinsics intrinsics, String where) {
        this.section = template.path("Conditions");
        this.intrinsics = intrinsics;
        this.where = where;
    }

    /** The value of the named condition; {@code at} says where it is used, for error messages. */
    boolean value(String name, String at) {
        Boolean known = values.get(name);
        if (known != null) {
            return known;
        }
        JsonNode definition = section.get(name);
        if (definition == null) {
            throw new MisuseException(where + ", " + at + ": condition " + name + " is not defined in the "
                    + "template's Conditions section" + (section.isObject() && !section.isEmpty()
                    ? " (defined: " + String.join(", ", (Iterable<String>) section::fieldNames) + ")" : ""));
        }
        if (!evaluating.add(name)) {
            throw new MisuseException(where + ", condition " + name + ": circular dependency between conditions "
                    + String.join(" -> ", evaluating) + " -> " + name);
        }
        boolean value = evaluate(definition, "condition " + name);
        evaluating.remove(name);
        values.put(name, value);
        return value;
    }

    private boolean evaluate(JsonNode node, String at) {
        if (!node.isObject() || node.size() != 1) {
            throw invalid(node, at);
        }
        String function = node.fieldNames().next();
        JsonNode argument = node.get(function);
        return switch (function) {
            case "Fn::Equals" -> equals(argument, at);
            case "Fn::Not" -> {
                if (!argument.isArray() || argument.size() != 1) {
                    throw new MisuseException(where + ", " + at + ": Fn::Not takes a list of one condition, not "
                            + argument);
                }
                yield !evaluate(argument.get(0), at);
            }
            case "Fn::And", "Fn::Or" -> {
                if (!argument.isArray() || argument.size() < 2 || argument.size() > 10) {
                    throw new MisuseException(where + ", " + at + ": " + function + " takes 2 to 10 conditions, not "
                            + argument);
                }
                boolean and = function.equals("Fn::And");
                boolean result = and;
                for (JsonNode condition : argument) {
                    boolean value = evaluate(condition, at);
                    result = and ? result && value : result || value;
                }
                yield result;
            }
            case "Condition" -> {
                if (!argument.isTextual()) {
                    throw new MisuseException(where + ", " + at + ": Condition takes a condition's name, not "
                            + argument);
                }
                yield value(argument.asText(), at);
            }
            default -> throw invalid(node, at);
        };
    }

    private boolean equals(JsonNode argument, String at) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new MisuseException(where + ", " + at + ": Fn::Equals takes [value_1, value_2], not " + argument);
        }
        JsonNode first = intrinsics.resolve(argument.get(0), at);
        JsonNode second = intrinsics.resolve(argument.get(1), at);
        if (first == null || second == null) {
            return first == second;
        }
        if (first.isValueNode() && second.isValueNode()) {
            return first.asText().equals(second.asText());
        }
        return first.equals(second);
    }

    private MisuseException invalid(JsonNode node, String at) {
        return new MisuseException(where + ", " + at + ": a condition is an Fn::Equals, Fn::Not, Fn::And, Fn::Or "
                + "or a Condition naming another condition, not " + node);
    }
}
