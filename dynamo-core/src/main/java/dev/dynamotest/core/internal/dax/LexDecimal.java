package dev.dynamotest.core.internal.dax;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;

/**
 * DAX's order-preserving encoding of a number sort key: the bytes of two numbers compare (unsigned) as the numbers
 * do. One header byte carries the sign and the decimal exponent (four more bytes when it is beyond +-62), then the
 * significand's base-1000 digits, 10 bits each, offset by 12 (negated for negative numbers), then a terminator
 * digit saying how many decimal digits the last group holds; zero is the single byte {@code 0x80}.
 */
final class LexDecimal {

    private static final BigInteger THOUSAND = BigInteger.valueOf(1000);
    private static final int POSITIVE_OFFSET = 12;
    private static final int NEGATIVE_OFFSET = 999 + 12;

    private LexDecimal() {
    }

    static void encode(BigDecimal number, ByteArrayOutputStream out) {
        if (number.signum() == 0) {
            out.write(0x80);
            return;
        }
        int precision = number.precision();
        int exponent = precision - number.scale();
        boolean negative = number.signum() < 0;
        if (exponent >= -0x3e && exponent < 0x3e) {
            out.write(negative ? 0x3f - exponent : exponent + 0xc0);
        } else if (negative) {
            out.write(exponent < 0 ? 0x7e : 0x01);
            writeInt(out, exponent ^ 0x7fffffff);
        } else {
            out.write(exponent < 0 ? 0x81 : 0xfe);
            writeInt(out, exponent ^ 0x80000000);
        }
        BigInteger significand = number.unscaledValue();
        int terminator;
        switch (precision % 3) {
            case 1 -> {
                terminator = 0;
                significand = significand.multiply(BigInteger.valueOf(100));
            }
            case 2 -> {
                terminator = 1;
                significand = significand.multiply(BigInteger.TEN);
            }
            default -> terminator = 2;
        }
        int offset = negative ? NEGATIVE_OFFSET : POSITIVE_OFFSET;
        if (negative) {
            terminator = 1023 - terminator;
        }
        ArrayDeque<Integer> digits = new ArrayDeque<>();
        while (significand.signum() != 0) {
            BigInteger[] qr = significand.divideAndRemainder(THOUSAND);
            digits.addFirst(qr[1].intValue() + offset);
            significand = qr[0];
        }
        digits.addLast(terminator);
        int accumulator = 0;
        int bits = 0;
        for (int digit : digits) {
            accumulator = (accumulator << 10) | digit;
            bits += 10;
            while (bits >= 8) {
                bits -= 8;
                out.write((accumulator >>> bits) & 0xff);
            }
        }
        if (bits > 0) {
            out.write((accumulator << (8 - bits)) & 0xff);
        }
    }

    /** Decodes the number that fills {@code bytes} from {@code from} to the end. */
    static BigDecimal decode(byte[] bytes, int from) {
        int at = from;
        int header = bytes[at++] & 0xff;
        int offset;
        int exponent;
        switch (header) {
            case 0x7f, 0x80 -> {
                return BigDecimal.ZERO;
            }
            case 0x01, 0x7e -> {
                offset = NEGATIVE_OFFSET;
                exponent = readInt(bytes, at) ^ 0x7fffffff;
                at += 4;
            }
            case 0x81, 0xfe -> {
                offset = POSITIVE_OFFSET;
                exponent = readInt(bytes, at) ^ 0x80000000;
                at += 4;
            }
            default -> {
                if (header == 0x00 || header == 0xff) {
                    throw new DaxProtocolException("a number key holds no number");
                }
                if (header >= 0x82) {
                    offset = POSITIVE_OFFSET;
                    exponent = header - 0xc0;
                } else {
                    offset = NEGATIVE_OFFSET;
                    exponent = 0x3f - header;
                }
            }
        }
        BigInteger significand = BigInteger.ZERO;
        int precision = 0;
        int accumulator = 0;
        int bits = 0;
        Integer pending = null;
        while (true) {
            if (at >= bytes.length) {
                throw new DaxProtocolException("a number key ends before its terminator");
            }
            accumulator = (accumulator << 8) | (bytes[at++] & 0xff);
            bits += 8;
            if (bits < 10) {
                continue;
            }
            int digit = (accumulator >>> (bits - 10)) & 0x3ff;
            bits -= 10;
            accumulator &= (1 << bits) - 1;
            int lastDigits = switch (digit) {
                case 0, 1023 -> 1;
                case 1, 1022 -> 2;
                case 2, 1021 -> 3;
                default -> 0;
            };
            if (lastDigits > 0) {
                int group = pending == null ? 0 : pending;
                int divisor = lastDigits == 1 ? 100 : lastDigits == 2 ? 10 : 1;
                significand = significand.multiply(BigInteger.TEN.pow(lastDigits))
                        .add(BigInteger.valueOf(group / divisor));
                precision += lastDigits;
                break;
            }
            if (pending != null) {
                significand = significand.multiply(THOUSAND).add(BigInteger.valueOf(pending));
                precision += 3;
            }
            pending = digit - offset;
        }
        return new BigDecimal(significand, precision - exponent);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }
}
