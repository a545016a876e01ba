package dev.dynamotest.core.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DynamoDB attribute value: one record per DynamoDB data type ({@code S}, {@code N}, {@code B},
 * {@code BOOL}, {@code NULL}, {@code M}, {@code L}, {@code SS}, {@code NS}, {@code BS}).
 *
 * <p>Values are immutable. Numbers are held as their canonical DynamoDB text (see {@link #number(String)}),
 * so two numbers are equal exactly when their values are equal; sets compare without regard to order.
 */
public sealed interface AttributeValue {

    /** The DynamoDB type descriptor of this value: {@code "S"}, {@code "N"}, {@code "SS"}, ... */
    String type();

    /** A string value. */
    static S string(String value) {
        return new S(value);
    }

    /** A number value from its text, kept exactly as given; the engine canonicalises numbers it stores. */
    static N number(String value) {
        return new N(value);
    }

    /** A number value. */
    static N number(BigDecimal value) {
        return new N(value.toPlainString());
    }

    /** A binary value. */
    static B binary(byte[] value) {
        return new B(value);
    }

    /** A boolean value. */
    static BOOL bool(boolean value) {
        return value ? BOOL.TRUE : BOOL.FALSE;
    }

    /** The null value. */
    static NULL nul() {
        return NULL.INSTANCE;
    }

    /** {@code S}: a UTF-8 string. */
    record S(String value) implements AttributeValue {
        public S {
            if (value == null) {
                throw new NullPointerException("value");
            }
        }

        @Override
        public String type() {
            return "S";
        }

        @Override
        public String toString() {
            return "S:" + value;
        }
    }

    /** {@code N}: a number, as text. */
    record N(String value) implements AttributeValue {
        public N {
            if (value == null) {
                throw new NullPointerException("value");
            }
        }

        /** This number as a {@link BigDecimal}. */
        public BigDecimal decimal() {
            return new BigDecimal(value);
        }

        @Override
        public String type() {
            return "N";
        }

        @Override
        public String toString() {
            return "N:" + value;
        }
    }

    /** {@code B}: binary data. */
    record B(byte[] value) implements AttributeValue {
        public B {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        /** The bytes without a defensive copy; callers must not modify them. */
        public byte[] unsafeBytes() {
            return value;
        }

        @Override
        public String type() {
            return "B";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof B other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "B:" + java.util.Base64.getEncoder().encodeToString(value);
        }
    }

    /** {@code BOOL}: true or false. */
    record BOOL(boolean value) implements AttributeValue {
        static final BOOL TRUE = new BOOL(true);
        static final BOOL FALSE = new BOOL(false);

        @Override
        public String type() {
            return "BOOL";
        }

        @Override
        public String toString() {
            return "BOOL:" + value;
        }
    }

    /** {@code NULL}: the null value. */
    record NULL() implements AttributeValue {
        static final NULL INSTANCE = new NULL();

        @Override
        public String type() {
            return "NULL";
        }

        @Override
        public String toString() {
            return "NULL";
        }
    }

    /** {@code M}: a map from attribute names to values, in insertion order. */
    record M(Map<String, AttributeValue> value) implements AttributeValue {
        public M {
            value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
        }

        @Override
        public String type() {
            return "M";
        }

        @Override
        public String toString() {
            return "M:" + value;
        }
    }

    /** {@code L}: a list of values. */
    record L(List<AttributeValue> value) implements AttributeValue {
        public L {
            value = Collections.unmodifiableList(new ArrayList<>(value));
        }

        @Override
        public String type() {
            return "L";
        }

        @Override
        public String toString() {
            return "L:" + value;
        }
    }

    /** {@code SS}: a set of strings, in insertion order. */
    record SS(Set<String> value) implements AttributeValue {
        public SS {
            value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
        }

        @Override
        public String type() {
            return "SS";
        }

        @Override
        public String toString() {
            return "SS:" + value;
        }
    }

    /** {@code NS}: a set of numbers (canonical text), in insertion order. */
    record NS(Set<String> value) implements AttributeValue {
        public NS {
            value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
        }

        @Override
        public String type() {
            return "NS";
        }

        @Override
        public String toString() {
            return "NS:" + value;
        }
    }

    /** {@code BS}: a set of binary values, in insertion order. */
    record BS(List<byte[]> value) implements AttributeValue {
        public BS {
            List<byte[]> copy = new ArrayList<>(value.size());
            for (byte[] b : value) {
                copy.add(b.clone());
            }
            value = Collections.unmodifiableList(copy);
        }

        /** Whether this set holds the given bytes. */
        public boolean contains(byte[] bytes) {
            for (byte[] b : value) {
                if (Arrays.equals(b, bytes)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String type() {
            return "BS";
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof BS other) || other.value.size() != value.size()) {
                return false;
            }
            for (byte[] b : value) {
                if (!other.contains(b)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = 0;
            for (byte[] b : value) {
                h += Arrays.hashCode(b);
            }
            return h;
        }

        @Override
        public String toString() {
            return "BS(" + value.size() + ")";
        }
    }
}
