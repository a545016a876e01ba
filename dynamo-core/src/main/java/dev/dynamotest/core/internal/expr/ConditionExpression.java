package dev.dynamotest.core.internal.expr;

/**
 * Parses a {@code ConditionExpression} or {@code FilterExpression} into a {@link Condition}.
 *
 * <pre>{@code
 * Condition c = ConditionExpression.parse("attribute_not_exists(pk) OR #v < :max", ctx);
 * boolean ok = c.test(currentItem);
 * }</pre>
 */
public final class ConditionExpression {

    /** The kind name DynamoDB uses in ConditionExpression errors. */
    public static final String CONDITION = "ConditionExpression";
    /** The kind name DynamoDB uses in FilterExpression errors. */
    public static final String FILTER = "FilterExpression";

    private ConditionExpression() {
    }

    /** Parses a ConditionExpression. */
    public static Condition parse(String text, ExpressionContext ctx) {
        return parse(text, ctx, CONDITION);
    }

    /** Parses a condition whose errors name the given kind ({@link #CONDITION} or {@link #FILTER}). */
    public static Condition parse(String text, ExpressionContext ctx, String kind) {
        return new ConditionParser(text, ctx, kind).parse();
    }
}
