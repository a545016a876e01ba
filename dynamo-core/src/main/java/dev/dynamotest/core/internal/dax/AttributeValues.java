package dev.dynamotest.core.internal.dax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.dynamotest.core.internal.dax.Cbor.Tagged;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Attribute values between DAX's CBOR form and DynamoDB's JSON form ({@code {"S": "x"}}): strings as text, binaries
 * as byte strings, numbers as CBOR numbers, lists and maps as arrays and maps, sets as tagged arrays.
 */
final class AttributeValues {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AttributeValues() {
    }

    /** The DynamoDB JSON of a decoded CBOR value. */
    static ObjectNode toJson(Object value) {
        ObjectNode av = JSON.objectNode();
        if (value == null) {
            av.put("NULL", true);
        } else if (value instanceof String s) {
            av.put("S", s);
        } else if (value instanceof byte[] bytes) {
            av.put("B", Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof Boolean b) {
            av.put("BOOL", b);
        } else if (value instanceof Number) {
            av.put("N", Cbor.numberText(value));
        } else if (value instanceof List<?> list) {
            ArrayNode items = av.putArray("L");
            list.forEach(item -> items.add(toJson(item)));
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode members = av.putObject("M");
            map.forEach((k, v) -> members.set((String) k, toJson(v)));
        } else if (value instanceof Tagged tagged && tagged.value() instanceof List<?> members) {
            switch (tagged.tag()) {
                case Cbor.TAG_STRING_SET -> {
                    ArrayNode set = av.putArray("SS");
                    members.forEach(m -> set.add(Cbor.text(m)));
                }
                case Cbor.TAG_NUMBER_SET -> {
                    ArrayNode set = av.putArray("NS");
                    members.forEach(m -> set.add(Cbor.numberText(m)));
                }
                case Cbor.TAG_BINARY_SET -> {
                    ArrayNode set = av.putArray("BS");
                    members.forEach(m -> set.add(Base64.getEncoder().encodeToString((byte[]) m)));
                }
                default -> throw new DaxProtocolException("unknown attribute value tag " + tagged.tag());
            }
        } else {
            throw new DaxProtocolException("not an attribute value: " + value);
        }
        return av;
    }

    /** Writes DynamoDB JSON's attribute value as DAX's CBOR. */
    static void write(JsonNode av, CBORGenerator out) throws IOException {
        Map.Entry<String, JsonNode> only = av.fields().next();
        JsonNode v = only.getValue();
        switch (only.getKey()) {
            case "S" -> out.writeString(v.asText());
            case "N" -> Cbor.writeNumber(out, v.asText());
            case "B" -> out.writeBinary(binary(v));
            case "BOOL" -> out.writeBoolean(v.asBoolean());
            case "NULL" -> out.writeNull();
            case "L" -> {
                out.writeStartArray(null, v.size());
                for (JsonNode item : v) {
                    write(item, out);
                }
                out.writeEndArray();
            }
            case "M" -> {
                out.writeStartObject(null, v.size());
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    out.writeFieldName(member.getKey());
                    write(member.getValue(), out);
                }
                out.writeEndObject();
            }
            case "SS" -> {
                out.writeTag(Cbor.TAG_STRING_SET);
                out.writeStartArray(null, v.size());
                for (JsonNode m : v) {
                    out.writeString(m.asText());
                }
                out.writeEndArray();
            }
            case "NS" -> {
                out.writeTag(Cbor.TAG_NUMBER_SET);
                out.writeStartArray(null, v.size());
                for (JsonNode m : v) {
                    Cbor.writeNumber(out, m.asText());
                }
                out.writeEndArray();
            }
            case "BS" -> {
                out.writeTag(Cbor.TAG_BINARY_SET);
                out.writeStartArray(null, v.size());
                for (JsonNode m : v) {
                    out.writeBinary(binary(m));
                }
                out.writeEndArray();
            }
            default -> throw new IllegalStateException("unknown attribute value type " + only.getKey());
        }
    }

    static byte[] binary(JsonNode v) throws IOException {
        return v.isBinary() ? v.binaryValue() : Base64.getDecoder().decode(v.asText());
    }
}
