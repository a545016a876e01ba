package dev.dynamotest.core.internal.dax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.dynamotest.core.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GetItem, PutItem, UpdateItem and DeleteItem through DAX. Reads are served from the item cache (a miss reads the
 * table, eventually consistent, and caches the item or its absence); a consistent read passes through uncached.
 * Writes go to the engine first and, once it has acknowledged them, write the new item (or its absence) through to
 * the item cache; the query cache is left as it is. Responses are indefinite-length maps from DAX's response
 * parameter numbers, the only form the Java client reads.
 */
final class ItemMethods {

    private static final int ITEM = 0;
    private static final int ATTRIBUTES = 2;

    private final DaxService service;

    ItemMethods(DaxService service) {
        this.service = service;
    }

    /** Arguments: table, key, parameters. */
    byte[] getItem(String region, List<Object> args) throws IOException {
        String table = Cbor.text(args.get(0));
        KeySchema schema = service.schema(region, table);
        ObjectNode key = schema.decode((byte[]) args.get(1));
        Params params = new Params(args.get(2));
        byte[] projection = params.bytes(Params.PROJECTION);
        JsonNode item;
        if (params.consistentRead()) {
            ObjectNode request = request(table).set("Key", key);
            request.put("ConsistentRead", true);
            if (projection != null) {
                Expressions expressions = new Expressions();
                request.put("ProjectionExpression", expressions.projection(projection));
                request.set("ExpressionAttributeNames", expressions.names());
            }
            item = service.execute(region, "GetItem", request).get("Item");
        } else {
            String cacheKey = DaxService.itemKey(region, table, schema, key);
            Optional<Optional<ObjectNode>> cached = service.items().get(cacheKey, Operation.GET_ITEM);
            if (cached.isPresent()) {
                item = cached.get().orElse(null);
            } else {
                ObjectNode read = service.execute(region, "GetItem", request(table).set("Key", key));
                item = read.get("Item");
                cacheItem(cacheKey, item);
            }
        }
        DaxResponse response = DaxResponse.success();
        CBORGenerator out = response.out();
        if (item == null) {
            out.writeStartObject();
        } else {
            out.writeStartObject();
            out.writeFieldId(ITEM);
            if (projection != null) {
                DaxService.writeProjected(out, item, Expressions.projectionPaths(projection));
            } else {
                service.writeAttributes(out, schema, item);
            }
        }
        out.writeEndObject();
        return response.bytes();
    }

    /** Arguments: table, key, non-key attributes, parameters. */
    byte[] putItem(String region, List<Object> args) throws IOException {
        String table = Cbor.text(args.get(0));
        KeySchema schema = service.schema(region, table);
        ObjectNode item = service.item(schema, (byte[]) args.get(1), (byte[]) args.get(2));
        Params params = new Params(args.get(3));
        ObjectNode request = request(table).set("Item", item);
        conditionAndReturnValues(request, params, new Expressions());
        ObjectNode result = service.execute(region, "PutItem", request);
        cacheItem(DaxService.itemKey(region, table, schema, item), item);
        return attributesResponse(schema, result.get("Attributes"));
    }

    /** Arguments: table, key, parameters. */
    byte[] deleteItem(String region, List<Object> args) throws IOException {
        String table = Cbor.text(args.get(0));
        KeySchema schema = service.schema(region, table);
        ObjectNode key = schema.decode((byte[]) args.get(1));
        Params params = new Params(args.get(2));
        ObjectNode request = request(table).set("Key", key);
        conditionAndReturnValues(request, params, new Expressions());
        ObjectNode result = service.execute(region, "DeleteItem", request);
        cacheItem(DaxService.itemKey(region, table, schema, key), null);
        return attributesResponse(schema, result.get("Attributes"));
    }

    /**
     * Arguments: table, key, parameters. To write the new item through, the engine is asked for it (ALL_NEW) when
     * the client asked for nothing or for it; when it asked for old or updated attributes, the item's cache entry
     * is dropped instead, so the next read fetches the new item.
     */
    byte[] updateItem(String region, List<Object> args) throws IOException {
        String table = Cbor.text(args.get(0));
        KeySchema schema = service.schema(region, table);
        ObjectNode key = schema.decode((byte[]) args.get(1));
        Params params = new Params(args.get(2));
        ObjectNode request = request(table).set("Key", key);
        Expressions expressions = new Expressions();
        byte[] update = params.bytes(Params.UPDATE);
        if (update != null) {
            request.put("UpdateExpression", expressions.update(update));
        }
        conditionAndReturnValues(request, params, expressions);
        String asked = params.returnValues();
        boolean newItemReturned = asked.equals("NONE") || asked.equals("ALL_NEW");
        if (newItemReturned) {
            request.put("ReturnValues", "ALL_NEW");
        }
        ObjectNode result = service.execute(region, "UpdateItem", request);
        String cacheKey = DaxService.itemKey(region, table, schema, key);
        JsonNode attributes = result.get("Attributes");
        if (newItemReturned) {
            cacheItem(cacheKey, attributes);
            return attributesResponse(schema, asked.equals("ALL_NEW") ? attributes : null);
        }
        service.items().remove(cacheKey);
        if (attributes != null && asked.startsWith("UPDATED")) {
            return updatedAttributesResponse(attributes);
        }
        return attributesResponse(schema, attributes);
    }

    private void cacheItem(String cacheKey, JsonNode item) {
        ObjectNode copy = item == null ? null : ((ObjectNode) item).deepCopy();
        service.items().put(cacheKey, Optional.ofNullable(copy), DaxService.sizeOf(copy));
    }

    private static void conditionAndReturnValues(ObjectNode request, Params params, Expressions expressions) {
        byte[] condition = params.bytes(Params.CONDITION);
        if (condition != null) {
            request.put("ConditionExpression", expressions.condition(condition, ":c"));
        }
        if (expressions.hasNames()) {
            request.set("ExpressionAttributeNames", expressions.names());
        }
        if (expressions.hasValues()) {
            request.set("ExpressionAttributeValues", expressions.values());
        }
        String returnValues = params.returnValues();
        if (!returnValues.equals("NONE")) {
            request.put("ReturnValues", returnValues);
        }
    }

    private byte[] attributesResponse(KeySchema schema, JsonNode attributes) throws IOException {
        DaxResponse response = DaxResponse.success();
        CBORGenerator out = response.out();
        if (attributes == null) {
            out.writeStartObject();
        } else {
            out.writeStartObject();
            out.writeFieldId(ATTRIBUTES);
            service.writeAttributes(out, schema, attributes);
        }
        out.writeEndObject();
        return response.bytes();
    }

    /** UPDATED_OLD and UPDATED_NEW: a byte string holding a list id, then a map from each name's ordinal. */
    private byte[] updatedAttributesResponse(JsonNode attributes) throws IOException {
        List<String> names = new ArrayList<>();
        attributes.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator inner = Cbor.generator(bytes)) {
            inner.writeNumber(service.lists().idOf(names));
            inner.writeStartObject();
            for (int i = 0; i < names.size(); i++) {
                inner.writeFieldId(i);
                AttributeValues.write(attributes.get(names.get(i)), inner);
            }
            inner.writeEndObject();
        }
        DaxResponse response = DaxResponse.success();
        CBORGenerator out = response.out();
        out.writeStartObject();
        out.writeFieldId(ATTRIBUTES);
        out.writeBinary(bytes.toByteArray());
        out.writeEndObject();
        return response.bytes();
    }

    static ObjectNode request(String table) {
        return AttributeValues.JSON.objectNode().put("TableName", table);
    }
}
