package dev.dynamotest.core.internal.storage;

import dev.dynamotest.core.model.AttributeValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            writeMap(out, item);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, AttributeValue> decode(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return readMap(new DataInputStream(new ByteArrayInputStream(data)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeMap(DataOutputStream out, Map<String, AttributeValue> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
            writeString(out, e.getKey());
            write(out, e.getValue());
        }
    }

    private static void write(DataOutputStream out, AttributeValue value) throws IOException {
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
            out.writeInt(l.value().size());
            for (AttributeValue element : l.value()) {
                write(out, element);
            }
        } else if (value instanceof AttributeValue.SS ss) {
            out.writeByte(SS);
            writeStrings(out, ss.value());
        } else if (value instanceof AttributeValue.NS ns) {
            out.writeByte(NS);
            writeStrings(out, ns.value());
        } else if (value instanceof AttributeValue.BS bs) {
            out.writeByte(BS);
            out.writeInt(bs.value().size());
            for (byte[] b : bs.value()) {
                writeBytes(out, b);
            }
        }
    }

    private static void writeStrings(DataOutputStream out, Set<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeString(out, s);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static Map<String, AttributeValue> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, AttributeValue> map = new LinkedHashMap<>(Math.max(4, size * 2));
        for (int i = 0; i < size; i++) {
            String name = readString(in);
            map.put(name, read(in));
        }
        return map;
    }

    private static AttributeValue read(DataInputStream in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case S:
                return new AttributeValue.S(readString(in));
            case N:
                return new AttributeValue.N(readString(in));
            case B:
                return new AttributeValue.B(readBytes(in));
            case TRUE:
                return AttributeValue.bool(true);
            case FALSE:
                return AttributeValue.bool(false);
            case NULL:
                return AttributeValue.nul();
            case M:
                return new AttributeValue.M(readMap(in));
            case L: {
                int size = in.readInt();
                List<AttributeValue> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                return new AttributeValue.L(list);
            }
            case SS:
                return new AttributeValue.SS(readStrings(in));
            case NS:
                return new AttributeValue.NS(readStrings(in));
            case BS: {
                int size = in.readInt();
                List<byte[]> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readBytes(in));
                }
                return new AttributeValue.BS(list);
            }
            default:
                throw new IOException("corrupt item data: tag " + tag);
        }
    }

    private static Set<String> readStrings(DataInputStream in) throws IOException {
        int size = in.readInt();
        Set<String> set = new LinkedHashSet<>(Math.max(4, size * 2));
        for (int i = 0; i < size; i++) {
            set.add(readString(in));
        }
        return set;
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }
}
