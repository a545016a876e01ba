package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * A document path: a top-level attribute name followed by map keys ({@link String}) and list indexes
 * ({@link Integer}), with the names already resolved from {@code #name} references.
 */
record Path(List<Object> elements) {

    /** DynamoDB's limit on the length of an attribute name, in UTF-8 bytes. */
    private static final int MAX_NAME_BYTES = 65535;

    Path {
        elements = List.copyOf(elements);
        for (Object element : elements) {
            if (element instanceof String name && name.length() * 3 > MAX_NAME_BYTES
                    && name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw DynamoException.validation("One or more parameter values are not valid. Attribute name is "
                        + "too large, must be less than 65536 bytes");
            }
        }
    }

    /** A path of one top-level attribute. */
    static Path of(String name) {
        return new Path(List.of(name));
    }

    /** The top-level attribute name. */
    String top() {
        return (String) elements.get(0);
    }

    int size() {
        return elements.size();
    }

    Object element(int i) {
        return elements.get(i);
    }

    /** Whether this path is only a top-level attribute. */
    boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** The value at this path in the item, or {@code null} when the path leads nowhere. */
    AttributeValue find(Map<String, AttributeValue> item) {
        AttributeValue current = item.get(top());
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = step(current, elements.get(i));
        }
        return current;
    }

    /** One step down from a value, or {@code null} when the value has no such member. */
    static AttributeValue step(AttributeValue value, Object element) {
        if (element instanceof String key) {
            return value instanceof AttributeValue.M m ? m.value().get(key) : null;
        }
        int index = (Integer) element;
        if (value instanceof AttributeValue.L l && index < l.value().size()) {
            return l.value().get(index);
        }
        return null;
    }

    /** The path as DynamoDB prints it in messages: {@code [a, b, [1]]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object e = elements.get(i);
            sb.append(e instanceof Integer ? "[" + e + "]" : e);
        }
        return sb.append(']').toString();
    }
}
