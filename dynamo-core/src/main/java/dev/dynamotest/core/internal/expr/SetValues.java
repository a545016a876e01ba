package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Union and difference of DynamoDB sets of the same type. */
final class SetValues {

    private SetValues() {
    }

    /** The union, or {@code null} when the two are not sets of the same type. */
    static AttributeValue union(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.SS x && b instanceof AttributeValue.SS y) {
            Set<String> s = new LinkedHashSet<>(x.value());
            s.addAll(y.value());
            return new AttributeValue.SS(s);
        }
        if (a instanceof AttributeValue.NS x && b instanceof AttributeValue.NS y) {
            Set<String> s = new LinkedHashSet<>(x.value());
            s.addAll(y.value());
            return new AttributeValue.NS(s);
        }
        if (a instanceof AttributeValue.BS x && b instanceof AttributeValue.BS y) {
            List<byte[]> s = new ArrayList<>(x.value());
            for (byte[] bytes : y.value()) {
                if (!x.contains(bytes)) {
                    s.add(bytes);
                }
            }
            return new AttributeValue.BS(s);
        }
        return null;
    }

    /**
     * The elements of {@code a} not in {@code b}, {@code null} when none remain; throws DynamoDB's data type
     * error when the two are not sets of the same type.
     */
    static AttributeValue difference(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.SS x && b instanceof AttributeValue.SS y) {
            Set<String> s = new LinkedHashSet<>(x.value());
            s.removeAll(y.value());
            return s.isEmpty() ? null : new AttributeValue.SS(s);
        }
        if (a instanceof AttributeValue.NS x && b instanceof AttributeValue.NS y) {
            Set<String> s = new LinkedHashSet<>(x.value());
            s.removeAll(y.value());
            return s.isEmpty() ? null : new AttributeValue.NS(s);
        }
        if (a instanceof AttributeValue.BS x && b instanceof AttributeValue.BS y) {
            List<byte[]> s = new ArrayList<>();
            for (byte[] bytes : x.value()) {
                if (!y.contains(bytes)) {
                    s.add(bytes);
                }
            }
            return s.isEmpty() ? null : new AttributeValue.BS(s);
        }
        throw Errors.incorrectDataType();
    }
}
