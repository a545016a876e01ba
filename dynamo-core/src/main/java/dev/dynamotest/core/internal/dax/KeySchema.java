package dev.dynamotest.core.internal.dax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A table's primary key as the DAX client learns it with {@code defineKeySchema}, and the key encoding it implies.
 * A partition key alone travels raw (a string's UTF-8 bytes, a binary's bytes) or, for a number, as a CBOR number.
 * With a sort key, the partition key is a CBOR value followed by the sort key raw: UTF-8 or bytes, or a number in
 * {@link LexDecimal}. The whole key is one CBOR byte string.
 */
record KeySchema(String partitionKey, String partitionType, String sortKey, String sortType) {

    boolean hasSortKey() {
        return sortKey != null;
    }

    boolean isKeyAttribute(String name) {
        return name.equals(partitionKey) || name.equals(sortKey);
    }

    /** The key attributes (DynamoDB JSON) that the encoded key holds. */
    ObjectNode decode(byte[] key) {
        ObjectNode out = AttributeValues.JSON.objectNode();
        if (!hasSortKey()) {
            out.set(partitionKey, raw(partitionType, key, 0, partitionKey));
            return out;
        }
        try (CBORParser parser = Cbor.parser(key)) {
            Object partition = Cbor.read(parser);
            int end = (int) parser.currentLocation().getByteOffset();
            out.set(partitionKey, AttributeValues.toJson(partition));
            out.set(sortKey, raw(sortType, key, end, sortKey));
            return out;
        } catch (IOException e) {
            throw new DaxProtocolException("malformed key: " + e.getMessage());
        }
    }

    private static ObjectNode raw(String type, byte[] key, int from, String name) {
        ObjectNode av = AttributeValues.JSON.objectNode();
        byte[] bytes = Arrays.copyOfRange(key, from, key.length);
        switch (type) {
            case "S" -> av.put("S", new String(bytes, StandardCharsets.UTF_8));
            case "B" -> av.put("B", Base64.getEncoder().encodeToString(bytes));
            case "N" -> {
                if (from == 0) {
                    List<Object> values = Cbor.readAll(bytes);
                    av.put("N", Cbor.numberText(values.get(0)));
                } else {
                    av.put("N", Cbor.numberText(LexDecimal.decode(bytes, 0)));
                }
            }
            default -> throw new DaxProtocolException("key attribute " + name + " has type " + type);
        }
        return av;
    }

    /** The encoded key of an item (or a key) in DynamoDB JSON. */
    byte[] encode(JsonNode item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            JsonNode partition = item.get(partitionKey);
            if (!hasSortKey()) {
                writeRaw(partitionType, partition, out, true);
                return out.toByteArray();
            }
            try (CBORGenerator gen = Cbor.generator(out)) {
                AttributeValues.write(partition, gen);
            }
            writeRaw(sortType, item.get(sortKey), out, false);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRaw(String type, JsonNode av, ByteArrayOutputStream out, boolean alone)
            throws IOException {
        switch (type) {
            case "S" -> out.write(av.get("S").asText().getBytes(StandardCharsets.UTF_8));
            case "B" -> out.write(AttributeValues.binary(av.get("B")));
            case "N" -> {
                if (alone) {
                    try (CBORGenerator gen = Cbor.generator(out)) {
                        Cbor.writeNumber(gen, av.get("N").asText());
                    }
                } else {
                    LexDecimal.encode(new BigDecimal(av.get("N").asText()), out);
                }
            }
            default -> throw new IllegalStateException("key type " + type);
        }
    }
}
