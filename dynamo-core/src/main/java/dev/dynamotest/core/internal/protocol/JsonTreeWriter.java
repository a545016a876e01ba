package dev.dynamotest.core.internal.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes a response tree to bytes by walking it with Jackson's streaming generator, without the data-binding
 * machinery a whole-tree {@code writeValueAsBytes} sets up for every response.
 */
final class JsonTreeWriter {

    private final JsonFactory factory;
    private final ObjectMapper fallback;

    JsonTreeWriter(ObjectMapper mapper) {
        this.factory = mapper.getFactory();
        this.fallback = mapper;
    }

    byte[] write(JsonNode node) throws IOException {
        Buffer buffer = BUFFERS.get();
        buffer.reset();
        try (JsonGenerator g = factory.createGenerator(buffer, JsonEncoding.UTF8)) {
            write(g, node);
        }
        return buffer.take();
    }

    private void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node instanceof ObjectNode object) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                g.writeFieldName(field.getKey());
                write(g, field.getValue());
            }
            g.writeEndObject();
            return;
        }
        if (node instanceof TextNode text) {
            g.writeString(text.textValue());
            return;
        }
        switch (node.getNodeType()) {
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> writeNumber(g, node);
            case POJO -> fallback.writeValue(g, ((POJONode) node).getPojo());
            default -> fallback.writeTree(g, node);
        }
    }

    /** A response body written on this thread: reused from one response to the next unless it grew large. */
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    /** A growable byte buffer; {@link #take} copies out what was written. */
    private static final class Buffer extends OutputStream {

        private static final int INITIAL = 4096;
        /** Beyond this a buffer is not kept for the next response: a thread keeps no more than this. */
        private static final int KEPT = 256 * 1024;

        private byte[] bytes = new byte[INITIAL];
        private int size;

        void reset() {
            size = 0;
        }

        byte[] take() {
            byte[] body = Arrays.copyOf(bytes, size);
            if (bytes.length > KEPT) {
                bytes = new byte[INITIAL];
            }
            size = 0;
            return body;
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    private static void writeNumber(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isInt() || node.isShort()) {
            g.writeNumber(node.intValue());
        } else if (node.isLong()) {
            g.writeNumber(node.longValue());
        } else if (node.isBigDecimal()) {
            g.writeNumber(node.decimalValue());
        } else if (node.isBigInteger()) {
            g.writeNumber(node.bigIntegerValue());
        } else if (node.isFloat()) {
            g.writeNumber(node.floatValue());
        } else {
            g.writeNumber(node.doubleValue());
        }
    }
}
