package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.model.AttributeValue;

/**
 * The sort key part of a query's key condition: {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=},
 * {@code BETWEEN} (with {@link #upper()}) or {@code begins_with}.
 */
public record SortKeyCondition(String name, Operator operator, AttributeValue value, AttributeValue upper) {

    /** The operators a sort key condition may use. */
    public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** Whether a sort key value satisfies the condition. */
    public boolean test(AttributeValue sortValue) {
        if (operator == Operator.BEGINS_WITH) {
            return sortValue != null && Values.beginsWith(sortValue, value);
        }
        if (!Values.comparable(sortValue, value)) {
            return false;
        }
        int c = Values.compare(sortValue, value);
        return switch (operator) {
            case EQ -> c == 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> c >= 0 && Values.comparable(sortValue, upper) && Values.compare(sortValue, upper) <= 0;
        };
    }
}
