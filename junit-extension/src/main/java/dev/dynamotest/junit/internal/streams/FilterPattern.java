package dev.dynamotest.junit.internal.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Lambda event filter pattern: a JSON object whose leaves are arrays of accepted values. Fields are ANDed,
 * the values of a leaf ORed; a leaf matches an array in the event when any element matches. Besides plain
 * strings, numbers, booleans and null, a value may be an operator: {@code prefix}, {@code suffix},
 * {@code equals-ignore-case}, {@code anything-but} (a value, a list, or a prefix, suffix or equals-ignore-case),
 * {@code numeric} (one or two comparisons) and {@code exists}.
 */
final class FilterPattern {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID = "Invalid filter pattern definition.";
    private static final Set<String> COMPARISONS = Set.of("=", "<", "<=", ">", ">=");
    private static final Set<String> STRING_OPERATORS = Set.of("prefix", "suffix", "equals-ignore-case");

    private final JsonNode pattern;

    private FilterPattern(JsonNode pattern) {
        this.pattern = pattern;
    }

    /** Parses and checks a pattern; a malformed one fails with Lambda's message. */
    static FilterPattern parse(String pattern) {
        JsonNode root;
        try {
            root = pattern == null ? null : JSON.readTree(pattern);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(INVALID, e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new IllegalArgumentException(INVALID);
        }
        checkObject(root);
        return new FilterPattern(root);
    }

    /** Whether the event (a record as Lambda's JSON) matches. */
    boolean matches(JsonNode event) {
        return matchObject(pattern, event);
    }

    @Override
    public String toString() {
        return pattern.toString();
    }

    private static void checkObject(JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            JsonNode value = it.next().getValue();
            if (value.isObject() && !value.isEmpty()) {
                checkObject(value);
            } else if (value.isArray() && !value.isEmpty()) {
                value.forEach(FilterPattern::checkRule);
            } else {
                throw new IllegalArgumentException(INVALID);
            }
        }
    }

    private static void checkRule(JsonNode rule) {
        if (rule.isTextual() || rule.isNumber() || rule.isBoolean() || rule.isNull()) {
            return;
        }
        if (!rule.isObject() || rule.size() != 1) {
            throw new IllegalArgumentException(INVALID);
        }
        String operator = rule.fieldNames().next();
        JsonNode operand = rule.get(operator);
        boolean valid = switch (operator) {
            case "prefix", "suffix", "equals-ignore-case" -> operand.isTextual();
            case "exists" -> operand.isBoolean();
            case "numeric" -> validNumeric(operand);
            case "anything-but" -> validAnythingBut(operand);
            default -> false;
        };
        if (!valid) {
            throw new IllegalArgumentException(INVALID);
        }
    }

    private static boolean validNumeric(JsonNode operand) {
        if (!operand.isArray() || (operand.size() != 2 && operand.size() != 4)) {
            return false;
        }
        for (int i = 0; i < operand.size(); i += 2) {
            if (!operand.get(i).isTextual() || !COMPARISONS.contains(operand.get(i).asText())
                    || !operand.get(i + 1).isNumber()) {
                return false;
            }
        }
        return operand.size() == 2 || !operand.get(0).asText().equals("=") && !operand.get(2).asText().equals("=");
    }

    private static boolean validAnythingBut(JsonNode operand) {
        if (operand.isTextual() || operand.isNumber()) {
            return true;
        }
        if (operand.isArray()) {
            if (operand.isEmpty()) {
                return false;
            }
            boolean strings = operand.get(0).isTextual();
            for (JsonNode e : operand) {
                if (strings ? !e.isTextual() : !e.isNumber()) {
                    return false;
                }
            }
            return true;
        }
        return operand.isObject() && operand.size() == 1 && STRING_OPERATORS.contains(operand.fieldNames().next())
                && operand.elements().next().isTextual();
    }

    private static boolean matchObject(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = event == null || !event.isObject() ? MissingNode.getInstance()
                    : event.path(field.getKey());
            boolean matched = field.getValue().isObject() ? matchObject(field.getValue(), value)
                    : matchLeaf(field.getValue(), value);
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchLeaf(JsonNode rules, JsonNode value) {
        List<JsonNode> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(values::add);
        } else if (!value.isMissingNode() && !value.isObject()) {
            values.add(value);
        }
        for (JsonNode rule : rules) {
            if (rule.isObject() && rule.has("exists")) {
                if (rule.get("exists").asBoolean() != (!value.isMissingNode() && !value.isObject())) {
                    continue;
                }
                return true;
            }
            for (JsonNode v : values) {
                if (matchRule(rule, v)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchRule(JsonNode rule, JsonNode v) {
        if (rule.isTextual()) {
            return v.isTextual() && v.asText().equals(rule.asText());
        }
        if (rule.isNumber()) {
            return v.isNumber() && v.decimalValue().compareTo(rule.decimalValue()) == 0;
        }
        if (rule.isBoolean()) {
            return v.isBoolean() && v.asBoolean() == rule.asBoolean();
        }
        if (rule.isNull()) {
            return v.isNull();
        }
        String operator = rule.fieldNames().next();
        JsonNode operand = rule.get(operator);
        return switch (operator) {
            case "prefix", "suffix", "equals-ignore-case" -> stringOperator(operator, operand.asText(), v);
            case "numeric" -> numeric(operand, v);
            case "anything-but" -> anythingBut(operand, v);
            default -> false;
        };
    }

    private static boolean stringOperator(String operator, String operand, JsonNode v) {
        if (!v.isTextual()) {
            return false;
        }
        String text = v.asText();
        return switch (operator) {
            case "prefix" -> text.startsWith(operand);
            case "suffix" -> text.endsWith(operand);
            default -> text.equalsIgnoreCase(operand);
        };
    }

    private static boolean numeric(JsonNode operand, JsonNode v) {
        if (!v.isNumber()) {
            return false;
        }
        BigDecimal number = v.decimalValue();
        for (int i = 0; i < operand.size(); i += 2) {
            int c = number.compareTo(operand.get(i + 1).decimalValue());
            boolean ok = switch (operand.get(i).asText()) {
                case "=" -> c == 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean anythingBut(JsonNode operand, JsonNode v) {
        if (operand.isObject()) {
            String operator = operand.fieldNames().next();
            return v.isTextual() && !stringOperator(operator, operand.get(operator).asText(), v);
        }
        if (operand.isArray()) {
            for (JsonNode excluded : operand) {
                if (matchRule(excluded, v)) {
                    return false;
                }
            }
            return v.isTextual() || v.isNumber();
        }
        return (v.isTextual() || v.isNumber()) && !matchRule(operand, v);
    }
}
