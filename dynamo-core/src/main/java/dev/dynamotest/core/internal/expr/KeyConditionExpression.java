package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.expr.Condition.Comparator;
import dev.dynamotest.core.internal.expr.SortKeyCondition.Operator;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a {@code KeyConditionExpression} with the condition grammar (as DynamoDB does) and then checks it is
 * a key condition: {@code =} on each partition key attribute, at most one condition per sort key attribute,
 * equalities on the sort key attributes before the last one named.
 *
 * <pre>{@code
 * KeyCondition k = KeyConditionExpression.parse("pk = :p AND begins_with(sk, :s)", ctx, "pk", "sk");
 * }</pre>
 */
public final class KeyConditionExpression {

    /** The kind name DynamoDB uses in KeyConditionExpression errors. */
    public static final String KIND = "KeyConditionExpression";

    private KeyConditionExpression() {
    }

    /** Parses and checks the expression against the key names; {@code rangeKeyName} may be {@code null}. */
    public static KeyCondition parse(String text, ExpressionContext ctx, String hashKeyName, String rangeKeyName) {
        return parse(text, ctx, List.of(hashKeyName), rangeKeyName == null ? List.of() : List.of(rangeKeyName));
    }

    /**
     * Parses and checks the expression against a key schema's partition key attributes and sort key attributes
     * (in key schema order; several for a global secondary index with multi-attribute keys).
     */
    public static KeyCondition parse(String text, ExpressionContext ctx, List<String> hashKeyNames,
            List<String> rangeKeyNames) {
        Condition parsed = new ConditionParser(text, ctx, KIND).parse();
        List<Condition> terms = new ArrayList<>();
        flatten(parsed, terms);
        Map<String, KeyTerm> byName = new LinkedHashMap<>();
        for (Condition term : terms) {
            KeyTerm key = keyTerm(term);
            if (byName.put(key.name, key) != null) {
                throw DynamoException.validation("KeyConditionExpressions must only contain one condition per key");
            }
        }
        return build(byName, hashKeyNames, rangeKeyNames);
    }

    /** One condition on one key attribute. */
    record KeyTerm(String name, Operator operator, AttributeValue value, AttributeValue upper) {
    }

    /** Checks the conditions name a single-attribute key schema and builds the key condition. */
    static KeyCondition build(Map<String, KeyTerm> byName, String hashKeyName, String rangeKeyName) {
        return build(byName, List.of(hashKeyName), rangeKeyName == null ? List.of() : List.of(rangeKeyName));
    }

    /**
     * Checks the conditions name the key schema and builds the key condition: equality on every partition key
     * attribute; on the sort key attributes, read left to right, equality on a prefix of them and optionally any
     * sort key condition on the one after it, skipping none.
     */
    static KeyCondition build(Map<String, KeyTerm> byName, List<String> hashKeyNames, List<String> rangeKeyNames) {
        int keyCount = hashKeyNames.size() + rangeKeyNames.size();
        for (String name : byName.keySet()) {
            if (!hashKeyNames.contains(name) && !rangeKeyNames.contains(name)) {
                if (byName.size() > Math.max(2, keyCount)) {
                    throw DynamoException.validation("Conditions can be of length 1 or 2 only");
                }
                boolean wholePartition = byName.keySet().containsAll(hashKeyNames);
                String missedRange = rangeKeyNames.stream().filter(r -> !byName.containsKey(r)).findFirst()
                        .orElse(null);
                if (wholePartition && missedRange != null) {
                    throw DynamoException.validation("Query condition missed key schema element: " + missedRange);
                }
                if (wholePartition) {
                    throw DynamoException.validation("Query key condition not supported");
                }
            }
        }
        List<AttributeValue> hashValues = new ArrayList<>();
        for (String hashKeyName : hashKeyNames) {
            KeyTerm hash = byName.get(hashKeyName);
            if (hash == null) {
                throw DynamoException.validation("Query condition missed key schema element: " + hashKeyName);
            }
            if (hash.operator != Operator.EQ) {
                throw DynamoException.validation("Query key condition not supported");
            }
            hashValues.add(hash.value);
        }
        int last = -1;
        for (int i = 0; i < rangeKeyNames.size(); i++) {
            if (byName.containsKey(rangeKeyNames.get(i))) {
                last = i;
            }
        }
        List<SortKeyCondition> sort = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            KeyTerm range = byName.get(rangeKeyNames.get(i));
            if (range == null) {
                throw DynamoException.validation("Query condition missed key schema element: "
                        + rangeKeyNames.get(i));
            }
            if (i < last && range.operator != Operator.EQ) {
                throw DynamoException.validation("Query key condition not supported");
            }
            sort.add(new SortKeyCondition(range.name, range.operator, range.value, range.upper));
        }
        return new KeyCondition(hashKeyNames, hashValues, sort);
    }

    private static void flatten(Condition c, List<Condition> out) {
        if (c instanceof Condition.Parens p) {
            flatten(p.inner(), out);
        } else if (c instanceof Condition.And and) {
            flatten(and.left(), out);
            flatten(and.right(), out);
        } else {
            out.add(c);
        }
    }

    private static KeyTerm keyTerm(Condition c) {
        if (c instanceof Condition.Comparison cmp) {
            if (cmp.op() == Comparator.NE) {
                throw invalidOperator("<>");
            }
            boolean pathLeft = cmp.left() instanceof Operand.PathOperand;
            Operand path = pathLeft ? cmp.left() : cmp.right();
            Operand value = pathLeft ? cmp.right() : cmp.left();
            Comparator op = pathLeft ? cmp.op() : cmp.op().reversed();
            return new KeyTerm(keyName(path, value), operator(op), value.constant(), null);
        }
        if (c instanceof Condition.Between b) {
            String name = keyName(b.value(), b.low());
            keyName(b.value(), b.high());
            return new KeyTerm(name, Operator.BETWEEN, b.low().constant(), b.high().constant());
        }
        if (c instanceof Condition.BeginsWith bw) {
            return new KeyTerm(keyName(bw.value(), bw.prefix()), Operator.BEGINS_WITH, bw.prefix().constant(), null);
        }
        String operator;
        if (c instanceof Condition.Or) {
            operator = "OR";
        } else if (c instanceof Condition.Not) {
            operator = "NOT";
        } else if (c instanceof Condition.In) {
            operator = "IN";
        } else if (c instanceof Condition.AttributeExists e) {
            operator = e.exists() ? "attribute_exists" : "attribute_not_exists";
        } else if (c instanceof Condition.AttributeType) {
            operator = "attribute_type";
        } else {
            operator = "contains";
        }
        throw invalidOperator(operator);
    }

    private static String keyName(Operand path, Operand value) {
        if (!(path instanceof Operand.PathOperand p)) {
            throw DynamoException.validation(value instanceof Operand.ValueOperand
                    ? "Invalid condition in KeyConditionExpression: No key attribute specified"
                    : "Invalid condition in KeyConditionExpression: Invalid operand: size");
        }
        if (!(value instanceof Operand.ValueOperand)) {
            throw DynamoException.validation(value instanceof Operand.PathOperand
                    ? "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition"
                    : "Invalid condition in KeyConditionExpression: Invalid operand: size");
        }
        if (!p.path().isTopLevel()) {
            throw Errors.invalid(KIND, "KeyConditionExpressions cannot have conditions on nested attributes");
        }
        return p.path().top();
    }

    private static Operator operator(Comparator c) {
        return switch (c) {
            case EQ -> Operator.EQ;
            case LT -> Operator.LT;
            case LE -> Operator.LE;
            case GT -> Operator.GT;
            default -> Operator.GE;
        };
    }

    private static DynamoException invalidOperator(String operator) {
        return DynamoException.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }
}
