package dev.dynamotest.core.internal.storage;

import dev.dynamotest.core.model.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Encodes key values (S, N, B) into bytes whose unsigned order is DynamoDB's order of the values:
 * strings by UTF-8 bytes, binaries by bytes, numbers by value. A Query is then one range of an H2 index.
 */
public final class KeyCodec {

    private static final byte NEGATIVE = 0x01;
    private static final byte ZERO = 0x02;
    private static final byte POSITIVE = 0x03;

    private KeyCodec() {
    }

    /** The order-preserving bytes of a key value. */
    public static byte[] encode(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return s.value().getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof AttributeValue.B b) {
            return b.unsafeBytes();
        }
        if (value instanceof AttributeValue.N n) {
            return encodeNumber(n.decimal());
        }
        throw new IllegalArgumentException("not a key type: " + value.type());
    }

    /**
     * The order-preserving bytes of several key values taken in turn (a multi-attribute key of a global secondary
     * index): each value's bytes are made prefix-free (numbers already are; strings and binaries escape 0x00 as
     * 0x00 0xFF and end with 0x00 0x01), so comparing the concatenations compares the values one after another.
     * A single value keeps the plain bytes of {@link #encode}, so stored single-attribute keys stay as they are.
     */
    public static byte[] encode(List<AttributeValue> values) {
        if (values.size() == 1) {
            return encode(values.get(0));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AttributeValue value : values) {
            component(value, true, out);
        }
        return out.toByteArray();
    }

    /**
     * The bytes of one value inside a multi-attribute key; without the terminator ({@code terminated} false) the
     * bytes of a string or binary are a prefix of the bytes of every value that begins with it.
     */
    public static void component(AttributeValue value, boolean terminated, ByteArrayOutputStream out) {
        if (value instanceof AttributeValue.N n) {
            out.writeBytes(encodeNumber(n.decimal()));
            return;
        }
        for (byte b : encode(value)) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        if (terminated) {
            out.write(0);
            out.write(1);
        }
    }

    /** Decodes bytes made by {@link #encode} back into a value of the given key type. */
    public static AttributeValue decode(byte[] bytes, String type) {
        return switch (type) {
            case "S" -> new AttributeValue.S(new String(bytes, StandardCharsets.UTF_8));
            case "B" -> new AttributeValue.B(bytes);
            case "N" -> AttributeValue.number(decodeNumber(bytes));
            default -> throw new IllegalArgumentException("not a key type: " + type);
        };
    }

    /**
     * Numbers: a sign byte, then for non-zero values the decimal exponent (biased, 2 bytes) and the
     * digits as bytes 1..10 closed by 0; negative values have exponent and digits inverted.
     */
    static byte[] encodeNumber(BigDecimal value) {
        if (value.signum() == 0) {
            return new byte[] {ZERO};
        }
        BigDecimal abs = value.abs().stripTrailingZeros();
        String digits = abs.unscaledValue().toString();
        int exponent = digits.length() - abs.scale(); // value = 0.d1d2... x 10^exponent
        boolean negative = value.signum() < 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(digits.length() + 4);
        out.write(negative ? NEGATIVE : POSITIVE);
        int biased = exponent + 0x4000;
        out.write(flip((biased >> 8) & 0xFF, negative));
        out.write(flip(biased & 0xFF, negative));
        for (int i = 0; i < digits.length(); i++) {
            out.write(flip(digits.charAt(i) - '0' + 1, negative));
        }
        out.write(flip(0, negative));
        return out.toByteArray();
    }

    private static int flip(int b, boolean negative) {
        return negative ? (~b) & 0xFF : b;
    }

    static BigDecimal decodeNumber(byte[] bytes) {
        if (bytes[0] == ZERO) {
            return BigDecimal.ZERO;
        }
        boolean negative = bytes[0] == NEGATIVE;
        int biased = (flip(bytes[1] & 0xFF, negative) << 8) | flip(bytes[2] & 0xFF, negative);
        int exponent = biased - 0x4000;
        StringBuilder digits = new StringBuilder();
        for (int i = 3; i < bytes.length; i++) {
            int d = flip(bytes[i] & 0xFF, negative);
            if (d == 0) {
                break;
            }
            digits.append((char) ('0' + d - 1));
        }
        BigDecimal unscaled = new BigDecimal(new java.math.BigInteger(digits.toString()),
                digits.length() - exponent);
        return negative ? unscaled.negate() : unscaled;
    }

    /** The hash that spreads partition keys (DynamoDB's Scan order and parallel-scan segments follow it). */
    public static int partitionHash(byte[] partitionKey) {
        byte[] md5 = MD5.get().digest(partitionKey);
        return ((md5[0] & 0xFF) << 24) | ((md5[1] & 0xFF) << 16) | ((md5[2] & 0xFF) << 8) | (md5[3] & 0xFF);
    }

    /** One MD5 digest per thread: looking the algorithm up for every key cost more than the hash itself. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
