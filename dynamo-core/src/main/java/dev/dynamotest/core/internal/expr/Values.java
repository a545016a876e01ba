package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.internal.CodePoints;
import dev.dynamotest.core.model.AttributeValue;
import java.math.BigDecimal;
import java.util.Arrays;

/** DynamoDB's comparison rules for attribute values: equality, ordering, size and containment. */
final class Values {

    private Values() {
    }

    /** Whether the value is of a type that {@code <}, {@code BETWEEN} and friends accept: N, S or B. */
    static boolean isOrdered(AttributeValue v) {
        return v instanceof AttributeValue.N || v instanceof AttributeValue.S || v instanceof AttributeValue.B;
    }

    /** Whether the value is a set. */
    static boolean isSet(AttributeValue v) {
        return v instanceof AttributeValue.SS || v instanceof AttributeValue.NS || v instanceof AttributeValue.BS;
    }

    /** Equality as DynamoDB defines it: same type and same value; sets without regard to order. */
    static boolean equal(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
            return x.value().equals(y.value()) || x.decimal().compareTo(y.decimal()) == 0;
        }
        return a.equals(b);
    }

    /**
     * Orders two values of the same ordered type: numbers by value, strings by their UTF-8 bytes, binaries by
     * unsigned bytes. Callers check {@link #comparable} first.
     */
    static int compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
            return x.decimal().compareTo(y.decimal());
        }
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
            return CodePoints.compare(x.value(), y.value());
        }
        return Arrays.compareUnsigned(((AttributeValue.B) a).unsafeBytes(), ((AttributeValue.B) b).unsafeBytes());
    }

    /** Whether the two values can be ordered against each other. */
    static boolean comparable(AttributeValue a, AttributeValue b) {
        return a != null && b != null && isOrdered(a) && a.getClass() == b.getClass();
    }

    /** The result of {@code size()}, or {@code null} for types without a size. */
    static AttributeValue size(AttributeValue v) {
        long size;
        if (v instanceof AttributeValue.S s) {
            size = s.value().codePointCount(0, s.value().length());
        } else if (v instanceof AttributeValue.B b) {
            size = b.unsafeBytes().length;
        } else if (v instanceof AttributeValue.SS s) {
            size = s.value().size();
        } else if (v instanceof AttributeValue.NS s) {
            size = s.value().size();
        } else if (v instanceof AttributeValue.BS s) {
            size = s.value().size();
        } else if (v instanceof AttributeValue.L l) {
            size = l.value().size();
        } else if (v instanceof AttributeValue.M m) {
            size = m.value().size();
        } else {
            return null;
        }
        return AttributeValue.number(BigDecimal.valueOf(size));
    }

    /** Whether {@code size()} is defined for the value's type. */
    static boolean hasSize(AttributeValue v) {
        return !(v instanceof AttributeValue.N || v instanceof AttributeValue.BOOL || v instanceof AttributeValue.NULL);
    }

    /** {@code begins_with}: both strings or both binaries, with the second a prefix of the first. */
    static boolean beginsWith(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
            return x.value().startsWith(y.value());
        }
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
            byte[] whole = x.unsafeBytes();
            byte[] prefix = y.unsafeBytes();
            return prefix.length <= whole.length && Arrays.equals(whole, 0, prefix.length, prefix, 0, prefix.length);
        }
        return false;
    }

    /** {@code contains}: a substring of a string or binary, or a member of a set or list. */
    static boolean contains(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
            return x.value().contains(y.value());
        }
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
            return indexOf(x.unsafeBytes(), y.unsafeBytes()) >= 0;
        }
        if (a instanceof AttributeValue.SS x && b instanceof AttributeValue.S y) {
            return x.value().contains(y.value());
        }
        if (a instanceof AttributeValue.NS x && b instanceof AttributeValue.N y) {
            if (x.value().contains(y.value())) {
                return true;
            }
            for (String n : x.value()) {
                if (new BigDecimal(n).compareTo(y.decimal()) == 0) {
                    return true;
                }
            }
            return false;
        }
        if (a instanceof AttributeValue.BS x && b instanceof AttributeValue.B y) {
            return x.contains(y.unsafeBytes());
        }
        if (a instanceof AttributeValue.L l) {
            for (AttributeValue element : l.value()) {
                if (equal(element, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The value as DynamoDB prints it in BETWEEN errors: {@code AttributeValue: {N:2}}. */
    static String describe(AttributeValue v) {
        String body;
        if (v instanceof AttributeValue.S s) {
            body = s.value();
        } else if (v instanceof AttributeValue.N n) {
            body = n.value();
        } else if (v instanceof AttributeValue.B b) {
            body = b.toString().substring(2);
        } else {
            body = v.toString();
        }
        return "AttributeValue: {" + v.type() + ":" + body + "}";
    }
}
