package dev.dynamotest.core.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.expr.Condition.Comparator;
import dev.dynamotest.core.internal.expr.SortKeyCondition.Operator;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds conditions from the legacy parameters {@code Expected}, {@code QueryFilter}, {@code ScanFilter} and
 * {@code KeyConditions}: per attribute a {@code ComparisonOperator} with an {@code AttributeValueList}, or (for
 * Expected) a {@code Value} and {@code Exists}, combined by {@code ConditionalOperator}.
 */
public final class LegacyConditions {

    private LegacyConditions() {
    }

    /** The comparison operators of the legacy API. */
    enum Op { EQ, NE, LE, LT, GE, GT, NOT_NULL, NULL, CONTAINS, NOT_CONTAINS, BEGINS_WITH, IN, BETWEEN }

    private static final String OP_ENUM =
            "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]";

    /** The condition of an {@code Expected} parameter; {@code conditionalOperator} may be {@code null}. */
    public static Condition expected(JsonNode expected, String conditionalOperator) {
        boolean or = conditionalOperator(conditionalOperator);
        Condition result = null;
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            Condition c = expectedEntry(e.getKey(), e.getValue());
            result = result == null ? c : or ? new Condition.Or(result, c) : new Condition.And(result, c);
        }
        return result == null ? Condition.ALWAYS : result;
    }

    /**
     * The condition of a {@code QueryFilter} or {@code ScanFilter}; {@code parameter} is the parameter's name
     * as DynamoDB writes it in messages ({@code queryFilter}, {@code scanFilter}).
     */
    public static Condition filter(JsonNode filter, String conditionalOperator, String parameter) {
        boolean or = conditionalOperator(conditionalOperator);
        Condition result = null;
        for (Map.Entry<String, JsonNode> e : filter.properties()) {
            Condition c = comparison(e.getKey(), e.getValue(), parameter);
            result = result == null ? c : or ? new Condition.Or(result, c) : new Condition.And(result, c);
        }
        return result == null ? Condition.ALWAYS : result;
    }

    /** The key condition of a legacy {@code KeyConditions} parameter; {@code rangeKeyName} may be {@code null}. */
    public static KeyCondition keyConditions(JsonNode keyConditions, String hashKeyName, String rangeKeyName) {
        return keyConditions(keyConditions, List.of(hashKeyName), rangeKeyName == null ? List.of()
                : List.of(rangeKeyName));
    }

    /**
     * The key condition of a legacy {@code KeyConditions} parameter against a key schema's partition key attributes
     * and sort key attributes, in key schema order.
     */
    public static KeyCondition keyConditions(JsonNode keyConditions, List<String> hashKeyNames,
            List<String> rangeKeyNames) {
        Map<String, KeyConditionExpression.KeyTerm> byName = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : keyConditions.properties()) {
            String name = e.getKey();
            Op op = operator(e.getValue(), "keyConditions", name);
            List<AttributeValue> values = checkedValues(op, e.getValue());
            Operator sortOp = switch (op) {
                case EQ -> Operator.EQ;
                case LT -> Operator.LT;
                case LE -> Operator.LE;
                case GT -> Operator.GT;
                case GE -> Operator.GE;
                case BETWEEN -> Operator.BETWEEN;
                case BEGINS_WITH -> Operator.BEGINS_WITH;
                default -> throw DynamoException.validation("Attempted conditional constraint is not an indexable"
                        + " operation");
            };
            byName.put(name, new KeyConditionExpression.KeyTerm(name, sortOp, values.get(0),
                    values.size() > 1 ? values.get(1) : null));
        }
        if (byName.size() > Math.max(2, hashKeyNames.size() + rangeKeyNames.size())) {
            throw DynamoException.validation("Conditions can be of length 1 or 2 only");
        }
        return KeyConditionExpression.build(byName, hashKeyNames, rangeKeyNames);
    }

    private static boolean conditionalOperator(String value) {
        if (value == null || value.equals("AND")) {
            return false;
        }
        if (value.equals("OR")) {
            return true;
        }
        throw DynamoException.validation("1 validation error detected: Value '" + value
                + "' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set:"
                + " [OR, AND]");
    }

    private static Condition expectedEntry(String name, JsonNode entry) {
        JsonNode valueNode = present(entry, "Value");
        JsonNode existsNode = present(entry, "Exists");
        if (present(entry, "ComparisonOperator") != null) {
            if (valueNode != null || existsNode != null) {
                throw invalidParameter("Exists and Value cannot be used with ComparisonOperator for Attribute: "
                        + name);
            }
            return comparison(name, entry, "expected");
        }
        if (present(entry, "AttributeValueList") != null) {
            throw invalidParameter("AttributeValueList can only be used with a ComparisonOperator for Attribute: "
                    + name);
        }
        boolean exists = existsNode == null || Json.bool(existsNode);
        if (!exists) {
            if (valueNode != null) {
                throw invalidParameter("Value cannot be used when Exists is false for Attribute: " + name);
            }
            return new Condition.AttributeExists(Path.of(name), false);
        }
        if (valueNode == null) {
            throw invalidParameter("Value must be provided when Exists is "
                    + (existsNode == null ? "null" : "true") + " for Attribute: " + name);
        }
        return new Condition.Comparison(path(name), Comparator.EQ,
                new Operand.ValueOperand(AttributeValueJson.decode(valueNode)));
    }

    private static Condition comparison(String name, JsonNode entry, String parameter) {
        Op op = operator(entry, parameter, name);
        List<AttributeValue> values = checkedValues(op, entry);
        Operand path = path(name);
        List<Operand> operands = new ArrayList<>();
        for (AttributeValue v : values) {
            operands.add(new Operand.ValueOperand(v));
        }
        return switch (op) {
            case EQ -> new Condition.Comparison(path, Comparator.EQ, operands.get(0));
            case NE -> new Condition.Comparison(path, Comparator.NE, operands.get(0));
            case LE -> new Condition.Comparison(path, Comparator.LE, operands.get(0));
            case LT -> new Condition.Comparison(path, Comparator.LT, operands.get(0));
            case GE -> new Condition.Comparison(path, Comparator.GE, operands.get(0));
            case GT -> new Condition.Comparison(path, Comparator.GT, operands.get(0));
            case NOT_NULL -> new Condition.AttributeExists(Path.of(name), true);
            case NULL -> new Condition.AttributeExists(Path.of(name), false);
            case CONTAINS -> new Condition.Contains(path, operands.get(0));
            case NOT_CONTAINS -> new Condition.And(new Condition.AttributeExists(Path.of(name), true),
                    new Condition.Not(new Condition.Contains(path, operands.get(0))));
            case BEGINS_WITH -> new Condition.BeginsWith(path, operands.get(0));
            case IN -> new Condition.In(path, operands);
            case BETWEEN -> new Condition.Between(path, operands.get(0), operands.get(1));
        };
    }

    private static Operand path(String name) {
        return new Operand.PathOperand(Path.of(name));
    }

    private static Op operator(JsonNode entry, String parameter, String name) {
        String text = Json.text(entry, "ComparisonOperator");
        if (text == null) {
            throw DynamoException.validation("1 validation error detected: Value null at '" + parameter + "." + name
                    + ".member.comparisonOperator' failed to satisfy constraint: Member must not be null");
        }
        try {
            return Op.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw DynamoException.validation("1 validation error detected: Value '" + text + "' at '" + parameter
                    + "." + name + ".member.comparisonOperator' failed to satisfy constraint: Member must satisfy"
                    + " enum value set: " + OP_ENUM);
        }
    }

    /** The AttributeValueList, checked against the operator's number and types of arguments. */
    private static List<AttributeValue> checkedValues(Op op, JsonNode entry) {
        List<AttributeValue> values = new ArrayList<>();
        JsonNode list = Json.array(entry, "AttributeValueList");
        if (list != null) {
            for (JsonNode v : list) {
                values.add(AttributeValueJson.decode(v));
            }
        }
        int n = values.size();
        boolean arityOk = switch (op) {
            case NULL, NOT_NULL -> n == 0;
            case BETWEEN -> n == 2;
            case IN -> n >= 1;
            default -> n == 1;
        };
        if (!arityOk) {
            throw invalidParameter("Invalid number of argument(s) for the " + op + " ComparisonOperator");
        }
        for (AttributeValue v : values) {
            boolean typeOk = switch (op) {
                case LE, LT, GE, GT, BETWEEN, IN -> Values.isOrdered(v);
                case BEGINS_WITH -> v instanceof AttributeValue.S || v instanceof AttributeValue.B;
                case CONTAINS, NOT_CONTAINS -> Values.isOrdered(v);
                default -> true;
            };
            if (!typeOk) {
                throw invalidParameter("ComparisonOperator " + op + " is not valid for " + v.type()
                        + " AttributeValue type");
            }
        }
        if (op == Op.IN || op == Op.BETWEEN) {
            for (AttributeValue v : values) {
                if (!v.type().equals(values.get(0).type())) {
                    throw invalidParameter("AttributeValues inside AttributeValueList must be of same type");
                }
            }
        }
        if (op == Op.BETWEEN && Values.compare(values.get(0), values.get(1)) > 0) {
            throw DynamoException.validation("The BETWEEN condition was provided a range where the lower bound is"
                    + " greater than the upper bound");
        }
        return values;
    }

    private static JsonNode present(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private static DynamoException invalidParameter(String detail) {
        return DynamoException.validation("One or more parameter values were invalid: " + detail);
    }
}
