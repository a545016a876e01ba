package dev.dynamotest.core.internal.storage;

import dev.dynamotest.core.model.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An item's size as DynamoDB counts it for the 400 KB limit and for capacity units. */
public final class ItemSize {

    /** DynamoDB's maximum item size. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    /** The size of an item: attribute names plus values. */
    public static int of(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    /** The size of one value. */
    public static int of(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return utf8(s.value());
        }
        if (value instanceof AttributeValue.N n) {
            return number(n.value());
        }
        if (value instanceof AttributeValue.B b) {
            return b.unsafeBytes().length;
        }
        if (value instanceof AttributeValue.BOOL || value instanceof AttributeValue.NULL) {
            return 1;
        }
        if (value instanceof AttributeValue.M m) {
            int size = 3;
            for (Map.Entry<String, AttributeValue> e : m.value().entrySet()) {
                size += 1 + utf8(e.getKey()) + of(e.getValue());
            }
            return size;
        }
        if (value instanceof AttributeValue.L l) {
            int size = 3;
            for (AttributeValue element : l.value()) {
                size += 1 + of(element);
            }
            return size;
        }
        if (value instanceof AttributeValue.SS ss) {
            return ss.value().stream().mapToInt(ItemSize::utf8).sum();
        }
        if (value instanceof AttributeValue.NS ns) {
            return ns.value().stream().mapToInt(ItemSize::number).sum();
        }
        if (value instanceof AttributeValue.BS bs) {
            return bs.value().stream().mapToInt(b -> b.length).sum();
        }
        throw new IllegalArgumentException(value.type());
    }

    private static int number(String canonical) {
        int digits = 0;
        boolean leading = true;
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c >= '1' && c <= '9' || c == '0' && !leading) {
                digits++;
                leading = false;
            }
        }
        // trailing zeros of integers are not significant
        if (canonical.indexOf('.') < 0) {
            for (int i = canonical.length() - 1; i >= 0 && canonical.charAt(i) == '0' && digits > 1; i--) {
                digits--;
            }
        }
        return (digits + 1) / 2 + 1;
    }

    public static int utf8(String s) {
        int n = s.length();
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The UTF-8 length of a string. */
    public static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
