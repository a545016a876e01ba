package dev.dynamotest.core.internal.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.util.Iterator;
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
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(factory._getBufferRecycler(), 1024)) {
            try (JsonGenerator g = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
                write(g, node);
            }
            return bytes.toByteArray();
        }
    }

    private void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    g.writeFieldName(field.getKey());
                    write(g, field.getValue());
                }
                g.writeEndObject();
            }
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
