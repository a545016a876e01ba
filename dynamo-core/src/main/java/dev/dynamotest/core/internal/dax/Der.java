package dev.dynamotest.core.internal.dax;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The few ASN.1 DER encodings an X.509 certificate is made of (X.690): each value is a tag, its content's length and
 * the content. Only what {@link SelfSignedCertificate} writes is here.
 */
final class Der {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Der() {
    }

    static byte[] sequence(byte[]... elements) {
        return value(0x30, concat(elements));
    }

    static byte[] set(byte[]... elements) {
        return value(0x31, concat(elements));
    }

    static byte[] integer(BigInteger number) {
        return value(0x02, number.toByteArray());
    }

    static byte[] bool(boolean value) {
        return value(0x01, new byte[] {(byte) (value ? 0xff : 0)});
    }

    /** An object identifier from its dotted form, e.g. {@code 2.5.4.3}. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        base128(content, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(content, Long.parseLong(arcs[i]));
        }
        return value(0x06, content.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long arc) {
        int groups = 1;
        while (arc >>> (7 * groups) != 0) {
            groups++;
        }
        for (int i = groups - 1; i >= 0; i--) {
            int bits = (int) (arc >>> (7 * i)) & 0x7f;
            out.write(i == 0 ? bits : bits | 0x80);
        }
    }

    static byte[] utf8(String text) {
        return value(0x0c, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A time as X.509 wants it: UTCTime up to 2049, GeneralizedTime from 2050 (RFC 5280, 4.1.2.5). */
    static byte[] time(Instant instant) {
        boolean utc = instant.atZone(ZoneOffset.UTC).getYear() < 2050;
        String text = (utc ? UTC_TIME : GENERALIZED_TIME).format(instant);
        return value(utc ? 0x17 : 0x18, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** A bit string of whole bytes (no unused bits). */
    static byte[] bitString(byte[] bytes) {
        byte[] content = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return value(0x03, content);
    }

    static byte[] octetString(byte[] bytes) {
        return value(0x04, bytes);
    }

    /** A context-specific constructed value, [number] EXPLICIT. */
    static byte[] explicit(int number, byte[] content) {
        return value(0xa0 | number, content);
    }

    /** A context-specific primitive value, [number] IMPLICIT, e.g. a GeneralName's dNSName (2) or iPAddress (7). */
    static byte[] implicit(int number, byte[] content) {
        return value(0x80 | number, content);
    }

    /** A value: its tag, its length (short form below 128, else long form) and its content. */
    static byte[] value(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
