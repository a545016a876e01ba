package dev.dynamotest.core.internal.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.internal.json.JsonTrees;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes a response tree to bytes by walking it with Jackson's streaming generator ({@link JsonTrees}), without the
 * data-binding machinery a whole-tree {@code writeValueAsBytes} sets up for every response, into a buffer kept per
 * thread.
 */
final class JsonTreeWriter {

    private final JsonFactory factory;

    JsonTreeWriter(JsonFactory factory) {
        this.factory = factory;
    }

    byte[] write(JsonNode node) throws IOException {
        return write(node, null);
    }

    /** The response's bytes, its sets shuffled when {@code shuffling} is given. */
    byte[] write(JsonNode node, SetShuffling shuffling) throws IOException {
        Buffer buffer = BUFFERS.get();
        buffer.reset();
        JsonGenerator generator = factory.createGenerator(buffer, JsonEncoding.UTF8);
        try (JsonGenerator g = shuffling == null ? generator : shuffling.wrap(generator)) {
            JsonTrees.write(g, node);
        }
        return buffer.take();
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
}
