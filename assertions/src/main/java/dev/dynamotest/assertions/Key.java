package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.Render;
import dev.dynamotest.assertions.internal.Values;
import dev.dynamotest.core.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The key of an item, written compactly: {@code Key.of("pk", "A#1", "sk", 7)}. Values are plain Java values
 * (a String, a Number, a byte[]) or attribute values; numbers compare by value.
 */
public final class Key {

    private final Map<String, AttributeValue> attributes;
    private final List<String> order;

    private Key(Map<String, AttributeValue> attributes) {
        this.attributes = Map.copyOf(attributes);
        this.order = List.copyOf(attributes.keySet());
    }

    /** A key of a table with a partition key only. */
    public static Key of(String partitionKey, Object value) {
        return from(Map.of(partitionKey, value));
    }

    /** A key of a table with a partition key and a sort key. */
    public static Key of(String partitionKey, Object partitionValue, String sortKey, Object sortValue) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put(partitionKey, partitionValue);
        key.put(sortKey, sortValue);
        return from(key);
    }

    /** A key from its attributes, in the order given (partition key first). */
    public static Key from(Map<String, ?> attributes) {
        if (attributes.isEmpty() || attributes.size() > 2) {
            throw new IllegalArgumentException("a key has one or two attributes, not " + attributes.keySet());
        }
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        attributes.forEach((name, value) -> converted.put(Objects.requireNonNull(name, "name"),
                Values.of(Objects.requireNonNull(value, () -> "the value of key attribute " + name))));
        return new Key(converted);
    }

    /** The key attributes as core attribute values. */
    public Map<String, AttributeValue> attributes() {
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        order.forEach(name -> ordered.put(name, attributes.get(name)));
        return ordered;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key other && attributes.equals(other.attributes);
    }

    @Override
    public int hashCode() {
        return attributes.hashCode();
    }

    /** The key as {@code {pk=A#1, sk=7}}. */
    @Override
    public String toString() {
        return Render.key(attributes, order);
    }
}
