package dev.dynamotest.core.internal.dax;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CBOR values as the DAX protocol carries them, read into plain Java objects: {@code null}, {@link Boolean},
 * {@link Long}, {@link BigInteger}, {@link BigDecimal}, {@link Double}, {@link String}, {@code byte[]},
 * {@link List}, {@link Map} (keys as text: DAX's integer keys arrive as their decimal text) and {@link Tagged}
 * for the tags DAX defines (sets, document path ordinals). Jackson's CBOR format does the byte work.
 */
final class Cbor {

    /** A value with a CBOR tag that Jackson does not turn into a number itself. */
    record Tagged(int tag, Object value) {
    }

    static final int TAG_DECIMAL = 4;
    static final int TAG_STRING_SET = 3321;
    static final int TAG_NUMBER_SET = 3322;
    static final int TAG_BINARY_SET = 3323;
    static final int TAG_PATH_ORDINAL = 3324;

    private static final CBORFactory FACTORY = CBORFactory.builder().build();

    private Cbor() {
    }

    static CBORParser parser(InputStream in) {
        try {
            return FACTORY.createParser(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CBORParser parser(byte[] bytes) {
        try {
            return FACTORY.createParser(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CBORGenerator generator(ByteArrayOutputStream out) {
        try {
            return FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the next value of the stream, or throws {@link java.io.EOFException} at its end. */
    static Object read(CBORParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new java.io.EOFException("end of the DAX stream");
        }
        return value(parser, token);
    }

    /** Every value of a byte string holding a sequence of CBOR values. */
    static List<Object> readAll(byte[] bytes) {
        List<Object> values = new ArrayList<>();
        try (CBORParser parser = parser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                values.add(value(parser, token));
            }
        } catch (IOException e) {
            throw new DaxProtocolException("malformed CBOR: " + e.getMessage());
        }
        return values;
    }

    private static Object value(CBORParser parser, JsonToken token) throws IOException {
        int tag = parser.getCurrentTag();
        Object value = untagged(parser, token);
        if (tag == TAG_DECIMAL && value instanceof List<?> parts && parts.size() == 2) {
            BigInteger unscaled = parts.get(1) instanceof BigInteger big ? big
                    : BigInteger.valueOf(((Number) parts.get(1)).longValue());
            return new BigDecimal(unscaled, -((Number) parts.get(0)).intValue());
        }
        if (tag == TAG_STRING_SET || tag == TAG_NUMBER_SET || tag == TAG_BINARY_SET || tag == TAG_PATH_ORDINAL) {
            return new Tagged(tag, value);
        }
        return value;
    }

    private static Object untagged(CBORParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_NULL:
                return null;
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_EMBEDDED_OBJECT:
                return parser.getBinaryValue();
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case BIG_INTEGER -> parser.getBigIntegerValue();
                    default -> parser.getLongValue();
                };
            case VALUE_NUMBER_FLOAT:
                return switch (parser.getNumberType()) {
                    case BIG_DECIMAL -> parser.getDecimalValue();
                    default -> parser.getDoubleValue();
                };
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(parser, next));
                }
                return list;
            }
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    map.put(key, value(parser, parser.nextToken()));
                }
                return map;
            }
            default:
                throw new DaxProtocolException("unexpected CBOR token " + token);
        }
    }

    /** Writes a number as DAX does: an integer when it is one, else a decimal fraction (tag 4). */
    static void writeNumber(CBORGenerator out, String number) throws IOException {
        BigDecimal decimal = new BigDecimal(number);
        if (number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0) {
            BigInteger integer = decimal.toBigIntegerExact();
            if (integer.bitLength() < 64) {
                out.writeNumber(integer.longValue());
            } else {
                out.writeNumber(integer);
            }
            return;
        }
        out.writeTag(TAG_DECIMAL);
        out.writeStartArray(null, 2);
        out.writeNumber(-decimal.scale());
        BigInteger unscaled = decimal.unscaledValue();
        if (unscaled.bitLength() < 64) {
            out.writeNumber(unscaled.longValue());
        } else {
            out.writeNumber(unscaled);
        }
        out.writeEndArray();
    }

    /** The decimal text of a CBOR number, as DynamoDB's {@code N} carries it. */
    static String numberText(Object number) {
        if (number instanceof BigDecimal decimal) {
            int scale = decimal.scale();
            return scale >= -40 && scale <= 200 ? decimal.toPlainString() : decimal.toString();
        }
        if (number instanceof Long || number instanceof BigInteger || number instanceof Integer) {
            return number.toString();
        }
        throw new DaxProtocolException("not a number: " + number);
    }

    static int intValue(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new DaxProtocolException("not an integer: " + value);
    }

    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new DaxProtocolException("not text: " + value);
    }
}
