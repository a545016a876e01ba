package dev.dynamotest.core.internal.dax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.dynamotest.core.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Query and Scan through DAX. Their results are served from the query cache, keyed by the whole request; writes
 * never invalidate it, so a cached result stays as it was until its time to live passes. A consistent read passes
 * through uncached. A result served from the query cache consumes no capacity: its ConsumedCapacity (when asked
 * for) is zero, and the one the table read consumed is never cached with it.
 */
final class ScanMethods {

    private static final int CONSUMED_CAPACITY = 1;
    private static final int ITEMS = 7;
    private static final int COUNT = 8;
    private static final int LAST_EVALUATED_KEY = 9;
    private static final int SCANNED_COUNT = 10;

    private final DaxService service;

    ScanMethods(DaxService service) {
        this.service = service;
    }

    /** Arguments: table, key condition, parameters. */
    byte[] query(String region, List<Object> args) throws IOException {
        return cached(region, "Query", args, () -> {
            String table = Cbor.text(args.get(0));
            Expressions expressions = new Expressions();
            ObjectNode request = ItemMethods.request(table);
            request.put("KeyConditionExpression", expressions.condition((byte[]) args.get(1), ":k"));
            return run(region, "Query", table, request, new Params(args.get(2)), expressions);
        });
    }

    /** Arguments: table, parameters. */
    byte[] scan(String region, List<Object> args) throws IOException {
        return cached(region, "Scan", args, () -> {
            String table = Cbor.text(args.get(0));
            return run(region, "Scan", table, ItemMethods.request(table), new Params(args.get(1)),
                    new Expressions());
        });
    }

    private interface Call {
        Result run() throws IOException;
    }

    /** A response without its ConsumedCapacity (what the query cache keeps), and the capacity the read consumed. */
    private record Result(byte[] response, JsonNode consumed) {
    }

    private byte[] cached(String region, String operation, List<Object> args, Call call) throws IOException {
        Params params = new Params(args.get(args.size() - 1));
        if (params.consistentRead()) {
            Result result = call.run();
            return withCapacity(result.response(), result.consumed());
        }
        StringBuilder key = new StringBuilder(region).append('\0').append(operation);
        for (Object arg : args) {
            canonical(arg, key.append('\0'));
        }
        String cacheKey = key.toString();
        Optional<byte[]> hit = service.queries().get(cacheKey, Operation.of(operation));
        if (hit.isPresent()) {
            String mode = params.returnConsumedCapacity();
            return withCapacity(hit.get(),
                    mode.equals("NONE") ? null : Consumption.none(Cbor.text(args.get(0)), mode));
        }
        Result result = call.run();
        byte[] response = result.response();
        service.queries().put(cacheKey, DaxService.queryGroup(region, Cbor.text(args.get(0))), response,
                64L + cacheKey.length() + response.length);
        return withCapacity(response, result.consumed());
    }

    /** The response with a ConsumedCapacity entry added at the end of its (indefinite-length) map. */
    private static byte[] withCapacity(byte[] response, JsonNode consumed) throws IOException {
        if (consumed == null) {
            return response;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(response.length + 64);
        bytes.write(response, 0, response.length - 1);
        bytes.write(CONSUMED_CAPACITY);
        try (CBORGenerator out = Cbor.generator(bytes)) {
            Consumption.write(out, consumed);
        }
        bytes.write(response[response.length - 1]);
        return bytes.toByteArray();
    }

    private Result run(String region, String operation, String table, ObjectNode request, Params params,
            Expressions expressions) throws IOException {
        KeySchema schema = service.schema(region, table);
        byte[] index = params.bytes(Params.INDEX_NAME);
        if (index != null) {
            request.put("IndexName", Cbor.text(index));
        }
        byte[] filter = params.bytes(Params.FILTER);
        if (filter != null) {
            request.put("FilterExpression", expressions.condition(filter, ":f"));
        }
        byte[] projection = params.bytes(Params.PROJECTION);
        if (projection != null) {
            request.put("ProjectionExpression", expressions.projection(projection));
        }
        if (expressions.hasNames()) {
            request.set("ExpressionAttributeNames", expressions.names());
        }
        if (expressions.hasValues()) {
            request.set("ExpressionAttributeValues", expressions.values());
        }
        if (params.has(Params.CONSISTENT_READ)) {
            request.put("ConsistentRead", params.consistentRead());
        }
        if (params.has(Params.LIMIT)) {
            request.put("Limit", Cbor.intValue(params.get(Params.LIMIT)));
        }
        if (params.has(Params.SCAN_INDEX_FORWARD)) {
            request.put("ScanIndexForward", Cbor.intValue(params.get(Params.SCAN_INDEX_FORWARD)) == 1);
        }
        if (params.has(Params.SELECT)) {
            request.put("Select", params.select());
        }
        if (params.has(Params.SEGMENT)) {
            request.put("Segment", Cbor.intValue(params.get(Params.SEGMENT)));
        }
        if (params.has(Params.TOTAL_SEGMENTS)) {
            request.put("TotalSegments", Cbor.intValue(params.get(Params.TOTAL_SEGMENTS)));
        }
        byte[] startKey = params.bytes(Params.EXCLUSIVE_START_KEY);
        if (startKey != null) {
            request.set("ExclusiveStartKey", index == null ? schema.decode(startKey) : compoundKey(startKey));
        }
        params.askForConsumption(request);
        ObjectNode result = service.execute(region, operation, request);
        return new Result(response(schema, result, index != null,
                projection == null ? null : Expressions.projectionPaths(projection)), result.get("ConsumedCapacity"));
    }

    private byte[] response(KeySchema schema, ObjectNode result, boolean indexed, List<List<Object>> projection)
            throws IOException {
        DaxResponse response = DaxResponse.success();
        CBORGenerator out = response.out();
        JsonNode items = result.get("Items");
        JsonNode lastKey = result.get("LastEvaluatedKey");
        out.writeStartObject();
        if (items != null) {
            out.writeFieldId(ITEMS);
            out.writeStartArray(null, items.size());
            for (JsonNode item : items) {
                if (projection != null) {
                    DaxService.writeProjected(out, item, projection);
                } else {
                    out.writeStartArray(null, 2);
                    out.writeBinary(schema.encode(item));
                    service.writeAttributes(out, schema, item);
                    out.writeEndArray();
                }
            }
            out.writeEndArray();
        }
        out.writeFieldId(COUNT);
        out.writeNumber(result.path("Count").asInt());
        out.writeFieldId(SCANNED_COUNT);
        out.writeNumber(result.path("ScannedCount").asInt());
        if (lastKey != null) {
            out.writeFieldId(LAST_EVALUATED_KEY);
            out.writeBinary(indexed ? encodeCompoundKey(lastKey) : schema.encode(lastKey));
        }
        out.writeEndObject();
        return response.bytes();
    }

    /** An index's start key: a byte string holding an indefinite-length map of the key attributes. */
    private static ObjectNode compoundKey(byte[] bytes) {
        Object map = Cbor.readAll(bytes).get(0);
        if (!(map instanceof Map<?, ?> attributes)) {
            throw new DaxProtocolException("an index start key is not a map");
        }
        ObjectNode key = AttributeValues.JSON.objectNode();
        attributes.forEach((name, value) -> key.set((String) name, AttributeValues.toJson(value)));
        return key;
    }

    private static byte[] encodeCompoundKey(JsonNode key) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator out = Cbor.generator(bytes)) {
            out.writeStartObject();
            for (var it = key.fields(); it.hasNext(); ) {
                var attribute = it.next();
                out.writeFieldName(attribute.getKey());
                AttributeValues.write(attribute.getValue(), out);
            }
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** A text that two requests share exactly when they are the same request (map entries in key order). */
    private static void canonical(Object value, StringBuilder out) {
        if (value instanceof byte[] bytes) {
            out.append("b'").append(HexFormat.of().formatHex(bytes)).append('\'');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            new TreeMap<>(map).forEach((k, v) -> {
                out.append(k).append('=');
                canonical(v, out);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(v -> {
                canonical(v, out);
                out.append(',');
            });
            out.append(']');
        } else if (value instanceof Cbor.Tagged tagged) {
            out.append('#').append(tagged.tag());
            canonical(tagged.value(), out);
        } else if (value instanceof String s) {
            out.append('"').append(s.replace("\"", "\\\"")).append('"');
        } else {
            out.append(value);
        }
    }
}
