package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.model.AttributeValue;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DynamoDB value equality: numbers by value, sets without order. Lenient comparison also lets a list match a
 * set with the same elements and a base64 string match binary data, for expectations written in plain JSON,
 * which has neither sets nor binary.
 */
public final class ValueEquality {

    private ValueEquality() {
    }

    public static boolean equal(AttributeValue expected, AttributeValue actual, boolean lenient) {
        if (expected instanceof AttributeValue.N e && actual instanceof AttributeValue.N a) {
            return e.decimal().compareTo(a.decimal()) == 0;
        } else if (expected instanceof AttributeValue.NS e && actual instanceof AttributeValue.NS a) {
            return numbers(e.value()).equals(numbers(a.value()));
        } else if (expected instanceof AttributeValue.M e && actual instanceof AttributeValue.M a) {
            return items(e.value(), a.value(), lenient);
        } else if (expected instanceof AttributeValue.L e && actual instanceof AttributeValue.L a) {
            return lists(e.value(), a.value(), lenient);
        } else if (lenient && expected instanceof AttributeValue.L e) {
            return listMatchesSet(e.value(), actual);
        } else if (lenient && expected instanceof AttributeValue.S e && actual instanceof AttributeValue.B) {
            return base64(e.value()) && equal(AttributeValue.binary(Base64.getDecoder().decode(e.value())), actual,
                    false);
        }
        return expected.equals(actual);
    }

    /** Whether two items hold the same attributes with equal values. */
    public static boolean items(Map<String, AttributeValue> expected, Map<String, AttributeValue> actual,
            boolean lenient) {
        if (!expected.keySet().equals(actual.keySet())) {
            return false;
        }
        return expected.entrySet().stream().allMatch(e -> equal(e.getValue(), actual.get(e.getKey()), lenient));
    }

    private static boolean lists(List<AttributeValue> expected, List<AttributeValue> actual, boolean lenient) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!equal(expected.get(i), actual.get(i), lenient)) {
                return false;
            }
        }
        return true;
    }

    private static boolean listMatchesSet(List<AttributeValue> expected, AttributeValue actual) {
        AttributeValue asSet;
        try {
            if (actual instanceof AttributeValue.SS) {
                asSet = Values.of(expected.stream().map(v -> ((AttributeValue.S) v).value())
                        .collect(Collectors.toSet()));
            } else if (actual instanceof AttributeValue.NS) {
                asSet = Values.of(expected.stream().map(v -> ((AttributeValue.N) v).decimal())
                        .collect(Collectors.toSet()));
            } else if (actual instanceof AttributeValue.BS) {
                asSet = Values.of(expected.stream().map(v -> Base64.getDecoder().decode(((AttributeValue.S) v).value()))
                        .collect(Collectors.toSet()));
            } else {
                return false;
            }
        } catch (ClassCastException | IllegalArgumentException e) {
            return false;
        }
        return expected.size() == setSize(actual) && equal(asSet, actual, false);
    }

    private static int setSize(AttributeValue set) {
        if (set instanceof AttributeValue.SS ss) {
            return ss.value().size();
        } else if (set instanceof AttributeValue.NS ns) {
            return ns.value().size();
        }
        return ((AttributeValue.BS) set).value().size();
    }

    private static Set<BigDecimal> numbers(Set<String> texts) {
        return texts.stream().map(t -> new BigDecimal(t).stripTrailingZeros()).collect(Collectors.toSet());
    }

    private static boolean base64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
