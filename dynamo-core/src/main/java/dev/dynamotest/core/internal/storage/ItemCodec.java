package dev.dynamotest.core.internal.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import dev.dynamotest.core.internal.json.AttributeTypes;
import dev.dynamotest.core.model.AttributeValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/** The compact binary form in which items are stored in H2: a type tag per value, lengths before contents. */
public final class ItemCodec {

    private static final int S = 1;
    private static final int N = 2;
    private static final int B = 3;
    private static final int TRUE = 4;
    private static final int FALSE = 5;
    private static final int NULL = 6;
    private static final int M = 7;
    private static final int L = 8;
    private static final int SS = 9;
    private static final int NS = 10;
    private static final int BS = 11;

    private ItemCodec() {
    }

    public static byte[] encode(Map<String, AttributeValue> item) {
        Out out = new Out();
        writeMap(out, item);
        return out.toByteArray();
    }

    public static Map<String, AttributeValue> decode(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return readMap(new In(data));
        } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new UncheckedIOException(new IOException("corrupt item data", e));
        }
    }

    /**
     * Writes a stored item as DynamoDB JSON, exactly as its decoded attribute values would be written, without
     * decoding it: strings go from their stored UTF-8 to the output.
     */
    public static void writeJson(JsonGenerator g, byte[] data) throws IOException {
        try {
            writeJsonMap(g, new In(data));
        } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new UncheckedIOException(new IOException("corrupt item data", e));
        }
    }

    private static void writeJsonMap(JsonGenerator g, In in) throws IOException {
        int size = in.readInt();
        g.writeStartObject();
        for (int i = 0; i < size; i++) {
            g.writeFieldName(in.readString());
            writeJsonValue(g, in);
        }
        g.writeEndObject();
    }

    private static void writeJsonValue(JsonGenerator g, In in) throws IOException {
        int tag = in.readByte();
        g.writeStartObject();
        switch (tag) {
            case S -> {
                g.writeFieldName(AttributeTypes.S);
                in.writeUtf8(g);
            }
            case N -> {
                g.writeFieldName(AttributeTypes.N);
                in.writeUtf8(g);
            }
            case B -> {
                g.writeFieldName(AttributeTypes.B);
                in.writeBinary(g);
            }
            case TRUE, FALSE -> {
                g.writeFieldName(AttributeTypes.BOOL);
                g.writeBoolean(tag == TRUE);
            }
            case NULL -> {
                g.writeFieldName(AttributeTypes.NULL);
                g.writeBoolean(true);
            }
            case M -> {
                g.writeFieldName(AttributeTypes.M);
                writeJsonMap(g, in);
            }
            case L -> {
                g.writeFieldName(AttributeTypes.L);
                int size = in.readInt();
                g.writeStartArray();
                for (int i = 0; i < size; i++) {
                    writeJsonValue(g, in);
                }
                g.writeEndArray();
            }
            case SS, NS -> {
                g.writeFieldName(tag == SS ? AttributeTypes.SS : AttributeTypes.NS);
                int size = in.readInt();
                g.writeStartArray();
                for (int i = 0; i < size; i++) {
                    in.writeUtf8(g);
                }
                g.writeEndArray();
            }
            case BS -> {
                g.writeFieldName(AttributeTypes.BS);
                int size = in.readInt();
                g.writeStartArray();
                for (int i = 0; i < size; i++) {
                    in.writeBinary(g);
                }
                g.writeEndArray();
            }
            default -> throw new UncheckedIOException(new IOException("corrupt item data: tag " + tag));
        }
        g.writeEndObject();
    }

    private static void writeMap(Out out, Map<String, AttributeValue> map) {
        out.writeInt(map.size());
        for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
            writeString(out, e.getKey());
            write(out, e.getValue());
        }
    }

    private static void write(Out out, AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            out.writeByte(S);
            writeString(out, s.value());
        } else if (value instanceof AttributeValue.N n) {
            out.writeByte(N);
            writeString(out, n.value());
        } else if (value instanceof AttributeValue.B b) {
            out.writeByte(B);
            writeBytes(out, b.unsafeBytes());
        } else if (value instanceof AttributeValue.BOOL b) {
            out.writeByte(b.value() ? TRUE : FALSE);
        } else if (value instanceof AttributeValue.NULL) {
            out.writeByte(NULL);
        } else if (value instanceof AttributeValue.M m) {
            out.writeByte(M);
            writeMap(out, m.value());
        } else if (value instanceof AttributeValue.L l) {
            out.writeByte(L);
            writeAll(out, l.value(), ItemCodec::write);
        } else if (value instanceof AttributeValue.SS ss) {
            out.writeByte(SS);
            writeAll(out, ss.value(), ItemCodec::writeString);
        } else if (value instanceof AttributeValue.NS ns) {
            out.writeByte(NS);
            writeAll(out, ns.value(), ItemCodec::writeString);
        } else if (value instanceof AttributeValue.BS bs) {
            out.writeByte(BS);
            writeAll(out, bs.value(), ItemCodec::writeBytes);
        }
    }

    /** A list or set's elements: their count, then each. */
    private static <T> void writeAll(Out out, Collection<T> elements, BiConsumer<Out, T> writer) {
        out.writeInt(elements.size());
        for (T element : elements) {
            writer.accept(out, element);
        }
    }

    private static void writeString(Out out, String s) {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(Out out, byte[] b) {
        out.writeInt(b.length);
        out.write(b);
    }

    private static Map<String, AttributeValue> readMap(In in) {
        int size = in.readInt();
        Map<String, AttributeValue> map = new LinkedHashMap<>(Math.max(4, size * 2));
        for (int i = 0; i < size; i++) {
            String name = in.readString();
            map.put(name, read(in));
        }
        return map;
    }

    private static AttributeValue read(In in) {
        int tag = in.readByte();
        switch (tag) {
            case S:
                return new AttributeValue.S(in.readString());
            case N:
                return new AttributeValue.N(in.readString());
            case B:
                return new AttributeValue.B(in.readBytes());
            case TRUE:
                return AttributeValue.bool(true);
            case FALSE:
                return AttributeValue.bool(false);
            case NULL:
                return AttributeValue.nul();
            case M:
                return new AttributeValue.M(readMap(in));
            case L:
                return new AttributeValue.L(readAll(in, ArrayList::new, ItemCodec::read));
            case SS:
                return new AttributeValue.SS(readStrings(in));
            case NS:
                return new AttributeValue.NS(readStrings(in));
            case BS:
                return new AttributeValue.BS(readAll(in, ArrayList::new, In::readBytes));
            default:
                throw new UncheckedIOException(new IOException("corrupt item data: tag " + tag));
        }
    }

    private static Set<String> readStrings(In in) {
        return readAll(in, size -> new LinkedHashSet<>(Math.max(4, size * 2)), In::readString);
    }

    /** A list or set's elements, as {@link #writeAll} wrote them, into a collection made for their count. */
    private static <T, C extends Collection<T>> C readAll(In in, IntFunction<C> collection, Function<In, T> reader) {
        int size = in.readInt();
        C elements = collection.apply(size);
        for (int i = 0; i < size; i++) {
            elements.add(reader.apply(in));
        }
        return elements;
    }

    /** A growable big-endian byte writer, without the locking of the JDK's streams. */
    private static final class Out {
        private byte[] bytes = new byte[256];
        private int size;

        void writeByte(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        void writeInt(int v) {
            ensure(4);
            bytes[size++] = (byte) (v >>> 24);
            bytes[size++] = (byte) (v >>> 16);
            bytes[size++] = (byte) (v >>> 8);
            bytes[size++] = (byte) v;
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** A big-endian reader over the bytes of one stored item. */
    private static final class In {
        private final byte[] bytes;
        private int position;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        int readByte() {
            return bytes[position++];
        }

        int readInt() {
            int v = (bytes[position] & 0xFF) << 24 | (bytes[position + 1] & 0xFF) << 16
                    | (bytes[position + 2] & 0xFF) << 8 | bytes[position + 3] & 0xFF;
            position += 4;
            return v;
        }

        String readString() {
            int length = readInt();
            String s = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return s;
        }

        /** Writes the next string, stored as UTF-8, as a JSON string. */
        void writeUtf8(JsonGenerator g) throws IOException {
            int length = checkedLength();
            if (g instanceof UTF8JsonGenerator) {
                g.writeUTF8String(bytes, position, length);
            } else {
                g.writeString(new String(bytes, position, length, StandardCharsets.UTF_8));
            }
            position += length;
        }

        /** Writes the next binary value as a base64 JSON string. */
        void writeBinary(JsonGenerator g) throws IOException {
            int length = checkedLength();
            g.writeBinary(bytes, position, length);
            position += length;
        }

        private int checkedLength() {
            int length = readInt();
            if (length < 0 || length > bytes.length - position) {
                throw new IndexOutOfBoundsException("a length of " + length + " at " + position);
            }
            return length;
        }

        byte[] readBytes() {
            int length = readInt();
            if (length < 0 || length > bytes.length - position) {
                throw new IndexOutOfBoundsException("a length of " + length + " at " + position);
            }
            byte[] b = Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return b;
        }
    }
}
