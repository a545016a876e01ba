package dev.dynamotest.core.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code SetOrder.SHUFFLED}: the elements of every set in a response written in a random order, a new one for each
 * response, drawn from the seed (the n-th response of an engine always gets the same orders).
 *
 * <p>It works on the generator the response is written to, whichever writer feeds it (a tree, an item's values or
 * its stored form): an array that follows a field named SS, NS or BS is a set (an attribute name is always followed
 * by an object), so its elements, all strings, are held back and written shuffled when the array ends.
 */
final class SetShuffling {

    private final long seed;
    private final AtomicLong responses = new AtomicLong();

    SetShuffling(long seed) {
        this.seed = seed;
    }

    /** The generator for the next response, writing to {@code g}. */
    JsonGenerator wrap(JsonGenerator g) {
        long n = responses.getAndIncrement();
        return new Generator(g, new Random(seed ^ (n * 0x9E3779B97F4A7C15L)));
    }

    /** One element of a set, written once its place is drawn. */
    private interface Element {
        void writeTo(JsonGenerator g) throws IOException;
    }

    private static final class Generator extends JsonGeneratorDelegate {
        private final Random random;
        private boolean setField;
        private List<Element> held;

        Generator(JsonGenerator g, Random random) {
            super(g, false);
            this.random = random;
        }

        @Override
        public void writeFieldName(String name) throws IOException {
            setField = isSetType(name);
            super.writeFieldName(name);
        }

        @Override
        public void writeFieldName(SerializableString name) throws IOException {
            setField = isSetType(name.getValue());
            super.writeFieldName(name);
        }

        private static boolean isSetType(String name) {
            return name.length() == 2 && name.charAt(1) == 'S'
                    && (name.charAt(0) == 'S' || name.charAt(0) == 'N' || name.charAt(0) == 'B');
        }

        @Override
        public void writeStartArray() throws IOException {
            startArray();
            super.writeStartArray();
        }

        @Override
        public void writeStartArray(Object forValue) throws IOException {
            startArray();
            super.writeStartArray(forValue);
        }

        @Override
        public void writeStartArray(Object forValue, int size) throws IOException {
            startArray();
            super.writeStartArray(forValue, size);
        }

        private void startArray() {
            held = setField ? new ArrayList<>() : null;
            setField = false;
        }

        @Override
        public void writeEndArray() throws IOException {
            if (held != null) {
                List<Element> elements = held;
                held = null;
                Collections.shuffle(elements, random);
                for (Element element : elements) {
                    element.writeTo(delegate);
                }
            }
            super.writeEndArray();
        }

        @Override
        public void writeStartObject() throws IOException {
            setField = false;
            super.writeStartObject();
        }

        @Override
        public void writeString(String text) throws IOException {
            if (held != null) {
                held.add(g -> g.writeString(text));
            } else {
                setField = false;
                super.writeString(text);
            }
        }

        @Override
        public void writeString(char[] text, int offset, int len) throws IOException {
            writeString(new String(text, offset, len));
        }

        @Override
        public void writeString(SerializableString text) throws IOException {
            writeString(text.getValue());
        }

        @Override
        public void writeUTF8String(byte[] text, int offset, int length) throws IOException {
            writeString(new String(text, offset, length, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void writeBinary(com.fasterxml.jackson.core.Base64Variant variant, byte[] data, int offset, int len)
                throws IOException {
            if (held != null) {
                byte[] copy = java.util.Arrays.copyOfRange(data, offset, offset + len);
                held.add(g -> g.writeBinary(variant, copy, 0, copy.length));
            } else {
                setField = false;
                super.writeBinary(variant, data, offset, len);
            }
        }
    }
}
