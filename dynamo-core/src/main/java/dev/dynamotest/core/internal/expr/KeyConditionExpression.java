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
 * a key condition: partition key {@code =}, at most one sort key condition.
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
        return build(byName, hashKeyName, rangeKeyName);
    }

    /** One condition on one key attribute. */
    record KeyTerm(String name, Operator operator, AttributeValue value, AttributeValue upper) {
    }

    /** Checks the conditions name the key schema and builds the key condition. */
    static KeyCondition build(Map<String, KeyTerm> byName, String hashKeyName, String rangeKeyName) {
        for (String name : byName.keySet()) {
            if (!name.equals(hashKeyName) && !name.equals(rangeKeyName)) {
                if (byName.size() > 2) {
                    throw DynamoException.validation("Conditions can be of length 1 or 2 only");
                }
                if (rangeKeyName != null && byName.containsKey(hashKeyName)) {
                    throw DynamoException.validation("Query condition missed key schema element: " + rangeKeyName);
                }
                if (byName.containsKey(hashKeyName)) {
                    throw DynamoException.validation("Query key condition not supported");
                }
            }
        }
        KeyTerm hash = byName.get(hashKeyName);
        if (hash == null) {
            throw DynamoException.validation("Query condition missed key schema element: " + hashKeyName);
        }
        if (hash.operator != Operator.EQ) {
            throw DynamoException.validation("Query key condition not supported");
        }
        KeyTerm range = rangeKeyName == null ? null : byName.get(rangeKeyName);
        SortKeyCondition sort = range == null ? null
                : new SortKeyCondition(range.name, range.operator, range.value, range.upper);
        return new KeyCondition(hashKeyName, hash.value, sort);
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
