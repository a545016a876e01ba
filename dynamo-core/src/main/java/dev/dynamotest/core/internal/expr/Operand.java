package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.internal.Numbers;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** A value inside an expression: a document path, a {@code :value}, a function call or {@code a + b}. */
sealed interface Operand {

    /** The operand's value against the item, or {@code null} when it has none (a missing attribute). */
    AttributeValue evaluate(Map<String, AttributeValue> item);

    /** The value known at parse time, or {@code null} when it depends on the item. */
    default AttributeValue constant() {
        return null;
    }

    /** A document path into the item. */
    record PathOperand(Path path) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return path.find(item);
        }
    }

    /** A value from {@code ExpressionAttributeValues}. */
    record ValueOperand(AttributeValue value) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return value;
        }

        @Override
        public AttributeValue constant() {
            return value;
        }
    }

    /** {@code size(x)}: a number, or nothing when x has no size. */
    record Size(Operand argument) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            AttributeValue v = argument.evaluate(item);
            return v == null ? null : Values.size(v);
        }

        @Override
        public AttributeValue constant() {
            AttributeValue v = argument.constant();
            return v == null ? null : Values.size(v);
        }
    }

    /** {@code if_not_exists(path, value)} of an update expression. */
    record IfNotExists(Path path, Operand fallback) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            AttributeValue v = path.find(item);
            return v != null ? v : UpdateValues.require(fallback.evaluate(item));
        }
    }

    /** {@code list_append(a, b)} of an update expression. */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return combine(first, second, item, AttributeValue.L.class, (x, y) -> {
                List<AttributeValue> joined = new ArrayList<>(x.value());
                joined.addAll(y.value());
                return new AttributeValue.L(joined);
            });
        }
    }

    /** {@code a + b} or {@code a - b} of an update expression, on numbers. */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return combine(left, right, item, AttributeValue.N.class, (x, y) -> AttributeValue.number(
                    Numbers.format(plus ? Numbers.add(x.decimal(), y.decimal())
                            : Numbers.subtract(x.decimal(), y.decimal()))));
        }
    }

    /**
     * An update's operation on two operands: both evaluated against the item, each required to exist and to be of
     * {@code type} (else DynamoDB's incorrect data type error), then combined.
     */
    private static <T extends AttributeValue> AttributeValue combine(Operand first, Operand second,
            Map<String, AttributeValue> item, Class<T> type, BiFunction<T, T, AttributeValue> operation) {
        AttributeValue a = UpdateValues.require(first.evaluate(item));
        AttributeValue b = UpdateValues.require(second.evaluate(item));
        if (!type.isInstance(a) || !type.isInstance(b)) {
            throw Errors.incorrectDataType();
        }
        return operation.apply(type.cast(a), type.cast(b));
    }
}
