package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.model.AttributeValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DynamoDB value equality: values of the same type, numbers by value, sets without order, lists in order. A list
 * never equals a set and a string never equals binary data, however they are written (see {@link PlainJson});
 * {@link TypeHint} says how to write the one that was meant.
 */
public final class ValueEquality {

    private ValueEquality() {
    }

    public static boolean equal(AttributeValue expected, AttributeValue actual) {
        if (expected instanceof AttributeValue.N e && actual instanceof AttributeValue.N a) {
            return e.decimal().compareTo(a.decimal()) == 0;
        } else if (expected instanceof AttributeValue.NS e && actual instanceof AttributeValue.NS a) {
            return numbers(e.value()).equals(numbers(a.value()));
        } else if (expected instanceof AttributeValue.M e && actual instanceof AttributeValue.M a) {
            return items(e.value(), a.value());
        } else if (expected instanceof AttributeValue.L e && actual instanceof AttributeValue.L a) {
            return lists(e.value(), a.value());
        }
        return expected.equals(actual);
    }

    /** Whether two items hold the same attributes with equal values. */
    public static boolean items(Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
        if (!expected.keySet().equals(actual.keySet())) {
            return false;
        }
        return expected.entrySet().stream().allMatch(e -> equal(e.getValue(), actual.get(e.getKey())));
    }

    private static boolean lists(List<AttributeValue> expected, List<AttributeValue> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!equal(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Set<BigDecimal> numbers(Set<String> texts) {
        return texts.stream().map(t -> new BigDecimal(t).stripTrailingZeros()).collect(Collectors.toSet());
    }
}
