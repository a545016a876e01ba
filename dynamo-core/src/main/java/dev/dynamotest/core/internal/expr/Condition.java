package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed condition (ConditionExpression, FilterExpression, Expected, QueryFilter, ScanFilter), evaluated
 * against an item as many times as needed. The nested records are the condition's syntax tree.
 */
public interface Condition {

    /** The condition that always holds (an absent or empty condition). */
    Condition ALWAYS = item -> true;

    /** Whether the item satisfies the condition; an empty map stands for "no item". */
    boolean test(Map<String, AttributeValue> item);

    /** The top-level attribute names the condition reads. */
    default Set<String> topLevelAttributes() {
        return ConditionAttributes.of(this);
    }

    /** The six comparison operators. */
    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in an expression. */
        public String symbol() {
            return symbol;
        }

        /** The operator with its operands swapped ({@code a < b} is {@code b > a}). */
        Comparator reversed() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }

        boolean holds(AttributeValue a, AttributeValue b) {
            return switch (this) {
                case EQ -> Values.equal(a, b);
                case NE -> !Values.equal(a, b);
                default -> {
                    if (!Values.comparable(a, b)) {
                        yield false;
                    }
                    int c = Values.compare(a, b);
                    yield switch (this) {
                        case LT -> c < 0;
                        case LE -> c <= 0;
                        case GT -> c > 0;
                        default -> c >= 0;
                    };
                }
            };
        }
    }

    /** {@code a AND b}. */
    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) && right.test(item);
        }
    }

    /** {@code a OR b}. */
    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) || right.test(item);
        }
    }

    /** {@code NOT a}. */
    record Not(Condition inner) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return !inner.test(item);
        }
    }

    /** {@code ( a )}, kept to detect redundant parentheses. */
    record Parens(Condition inner) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return inner.test(item);
        }
    }

    /** {@code a <op> b}. */
    record Comparison(Operand left, Comparator op, Operand right) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return op.holds(left.evaluate(item), right.evaluate(item));
        }
    }

    /** {@code a BETWEEN low AND high}. */
    record Between(Operand value, Operand low, Operand high) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = value.evaluate(item);
            AttributeValue lo = low.evaluate(item);
            AttributeValue hi = high.evaluate(item);
            return Values.comparable(v, lo) && Values.comparable(v, hi)
                    && Values.compare(lo, v) <= 0 && Values.compare(v, hi) <= 0;
        }
    }

    /** {@code a IN (b, c, ...)}. */
    record In(Operand value, List<Operand> candidates) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = value.evaluate(item);
            if (v == null) {
                return false;
            }
            for (Operand candidate : candidates) {
                if (Values.equal(v, candidate.evaluate(item))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code attribute_exists(path)} or {@code attribute_not_exists(path)}. */
    record AttributeExists(Path path, boolean exists) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return (path.find(item) != null) == exists;
        }
    }

    /** {@code attribute_type(a, :type)}. */
    record AttributeType(Operand value, String type) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = value.evaluate(item);
            return v != null && v.type().equals(type);
        }
    }

    /** {@code begins_with(a, b)}. */
    record BeginsWith(Operand value, Operand prefix) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = value.evaluate(item);
            AttributeValue p = prefix.evaluate(item);
            return v != null && p != null && Values.beginsWith(v, p);
        }
    }

    /** {@code contains(a, b)}. */
    record Contains(Operand value, Operand member) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return Values.contains(value.evaluate(item), member.evaluate(item));
        }
    }
}
