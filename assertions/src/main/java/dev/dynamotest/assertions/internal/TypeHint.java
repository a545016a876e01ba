package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;
import java.util.Optional;

/**
 * Explains a failure that comes from how an expected value was written rather than from the data: a list (a
 * plain-JSON array or a Java {@code List}) where the item holds a set, a string where it holds binary data.
 */
public final class TypeHint {

    private TypeHint() {
    }

    /** The explanation for the first such mismatch within the two values, if there is one. */
    public static Optional<String> of(AttributeValue expected, AttributeValue actual) {
        if (expected instanceof AttributeValue.L && isSet(actual)) {
            String type = type(actual);
            return Optional.of("a list (L) never equals a set (" + type + "): a plain-JSON array and a Java List "
                    + "are lists; write a set as a java.util.Set, or write the whole item in DynamoDB JSON, where a set is {\""
                    + type + "\": [...]}");
        }
        if (expected instanceof AttributeValue.S && actual instanceof AttributeValue.B) {
            return Optional.of("a string (S) never equals binary data (B): a plain-JSON string is a string; write "
                    + "binary data as a byte[], or write the whole item in DynamoDB JSON, where it is {\"B\": \"<base64>\"}");
        }
        if (expected instanceof AttributeValue.M e && actual instanceof AttributeValue.M a) {
            return of(e.value(), a.value());
        }
        if (expected instanceof AttributeValue.L e && actual instanceof AttributeValue.L a
                && e.value().size() == a.value().size()) {
            for (int i = 0; i < e.value().size(); i++) {
                Optional<String> hint = of(e.value().get(i), a.value().get(i));
                if (hint.isPresent()) {
                    return hint;
                }
            }
        }
        return Optional.empty();
    }

    /** The explanation for the first such mismatch between two items' attributes, if there is one. */
    public static Optional<String> of(Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
        for (Map.Entry<String, AttributeValue> e : expected.entrySet()) {
            AttributeValue a = actual.get(e.getKey());
            Optional<String> hint = a == null ? Optional.empty() : of(e.getValue(), a);
            if (hint.isPresent()) {
                return hint;
            }
        }
        return Optional.empty();
    }

    private static boolean isSet(AttributeValue value) {
        return value instanceof AttributeValue.SS || value instanceof AttributeValue.NS
                || value instanceof AttributeValue.BS;
    }

    private static String type(AttributeValue set) {
        return set instanceof AttributeValue.SS ? "SS" : set instanceof AttributeValue.NS ? "NS" : "BS";
    }
}
