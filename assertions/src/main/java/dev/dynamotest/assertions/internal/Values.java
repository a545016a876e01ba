package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.model.AttributeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;

/** Converts plain Java values and SDK v2 attribute values into the core's {@link AttributeValue}s. */
public final class Values {

    private Values() {
    }

    /** The DynamoDB value of a plain Java value, an SDK v2 attribute value or a core attribute value. */
    public static AttributeValue of(Object value) {
        if (value == null) {
            return AttributeValue.nul();
        } else if (value instanceof AttributeValue core) {
            return core;
        } else if (value instanceof software.amazon.awssdk.services.dynamodb.model.AttributeValue sdk) {
            return SdkValues.toCore(sdk);
        } else if (value instanceof String s) {
            return AttributeValue.string(s);
        } else if (value instanceof Number n) {
            return AttributeValue.number(canonical(decimal(n)));
        } else if (value instanceof Boolean b) {
            return AttributeValue.bool(b);
        } else if (value instanceof Map<?, ?> map) {
            return new AttributeValue.M(item(map));
        } else if (value instanceof Set<?> set) {
            return set(set);
        } else if (value instanceof Collection<?> list) {
            return new AttributeValue.L(list.stream().map(Values::of).toList());
        } else if (bytes(value) != null) {
            return AttributeValue.binary(bytes(value));
        }
        throw new IllegalArgumentException("cannot compare a " + value.getClass().getName() + " with a DynamoDB value;"
                + " use a String, Number, Boolean, byte[], List, Map, Set or AttributeValue");
    }

    /** An item (attribute name to value) from a map of plain Java values or attribute values. */
    public static Map<String, AttributeValue> item(Map<?, ?> attributes) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        attributes.forEach((name, value) -> item.put(String.valueOf(name), of(value)));
        return item;
    }

    /** A number's canonical DynamoDB text: no exponent, no trailing zeros. */
    public static String canonical(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        } else if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        } else if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return new BigDecimal(n.toString());
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        } else if (value instanceof SdkBytes b) {
            return b.asByteArray();
        } else if (value instanceof ByteBuffer b) {
            byte[] copy = new byte[b.remaining()];
            b.duplicate().get(copy);
            return copy;
        }
        return null;
    }

    private static AttributeValue set(Set<?> set) {
        if (set.isEmpty()) {
            throw new IllegalArgumentException("a DynamoDB set cannot be empty");
        }
        if (set.stream().allMatch(String.class::isInstance)) {
            return new AttributeValue.SS(new LinkedHashSet<>(set.stream().map(String.class::cast).toList()));
        } else if (set.stream().allMatch(Number.class::isInstance)) {
            return new AttributeValue.NS(new LinkedHashSet<>(set.stream()
                    .map(n -> canonical(decimal((Number) n))).toList()));
        } else if (set.stream().allMatch(e -> bytes(e) != null)) {
            List<byte[]> values = new ArrayList<>();
            set.forEach(e -> values.add(bytes(e)));
            return new AttributeValue.BS(values);
        }
        throw new IllegalArgumentException("a DynamoDB set holds only strings, only numbers or only binary values: "
                + set);
    }
}
