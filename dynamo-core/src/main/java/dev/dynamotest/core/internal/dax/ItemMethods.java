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
    private static final int CONSUMED_CAPACITY = 1;
    private static final int ATTRIBUTES = 2;
    private static final int ITEM_COLLECTION_METRICS = 3;

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
        JsonNode consumed;
        if (params.consistentRead()) {
            ObjectNode request = request(table).set("Key", key);
            request.put("ConsistentRead", true);
            if (projection != null) {
                Expressions expressions = new Expressions();
                request.put("ProjectionExpression", expressions.projection(projection));
                request.set("ExpressionAttributeNames", expressions.names());
            }
            params.askForConsumption(request);
            ObjectNode result = service.execute(region, "GetItem", request);
            item = result.get("Item");
            consumed = result.get("ConsumedCapacity");
        } else {
            String cacheKey = DaxService.itemKey(region, table, schema, key);
            Optional<Optional<ObjectNode>> cached = service.items().get(cacheKey, Operation.GET_ITEM);
            if (cached.isPresent()) {
                item = cached.get().orElse(null);
                String mode = params.returnConsumedCapacity();
                consumed = mode.equals("NONE") ? null : Consumption.none(table, mode);
            } else {
                ObjectNode request = request(table).set("Key", key);
                params.askForConsumption(request);
                ObjectNode read = service.execute(region, "GetItem", request);
                item = read.get("Item");
                consumed = read.get("ConsumedCapacity");
                cacheItem(cacheKey, item);
            }
        }
        DaxResponse response = DaxResponse.success();
        CBORGenerator out = response.out();
        out.writeStartObject();
        if (item != null) {
            out.writeFieldId(ITEM);
            if (projection != null) {
                DaxService.writeProjected(out, item, Expressions.projectionPaths(projection));
            } else {
                service.writeAttributes(out, schema, item);
            }
        }
        if (consumed != null) {
            out.writeFieldId(CONSUMED_CAPACITY);
            Consumption.write(out, consumed);
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
        return attributesResponse(schema, result.get("Attributes"), result);
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
        return attributesResponse(schema, result.get("Attributes"), result);
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
            return attributesResponse(schema, asked.equals("ALL_NEW") ? attributes : null, result);
        }
        service.items().remove(cacheKey);
        if (attributes != null && asked.startsWith("UPDATED")) {
            return updatedAttributesResponse(attributes, result);
        }
        return attributesResponse(schema, attributes, result);
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
        params.askForConsumption(request);
    }

    private byte[] attributesResponse(KeySchema schema, JsonNode attributes, JsonNode result) throws IOException {
        DaxResponse response = DaxResponse.success();
        CBORGenerator out = response.out();
        out.writeStartObject();
        if (attributes != null) {
            out.writeFieldId(ATTRIBUTES);
            service.writeAttributes(out, schema, attributes);
        }
        writeConsumption(out, result);
        out.writeEndObject();
        return response.bytes();
    }

    /** The write's ConsumedCapacity and ItemCollectionMetrics, when the engine answered them (the client asked). */
    private static void writeConsumption(CBORGenerator out, JsonNode result) throws IOException {
        JsonNode consumed = result.get("ConsumedCapacity");
        if (consumed != null) {
            out.writeFieldId(CONSUMED_CAPACITY);
            Consumption.write(out, consumed);
        }
        JsonNode metrics = result.get("ItemCollectionMetrics");
        if (metrics != null) {
            out.writeFieldId(ITEM_COLLECTION_METRICS);
            Consumption.writeItemCollectionMetrics(out, metrics);
        }
    }

    /** UPDATED_OLD and UPDATED_NEW: a byte string holding a list id, then a map from each name's ordinal. */
    private byte[] updatedAttributesResponse(JsonNode attributes, JsonNode result) throws IOException {
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
        writeConsumption(out, result);
        out.writeEndObject();
        return response.bytes();
    }

    static ObjectNode request(String table) {
        return AttributeValues.JSON.objectNode().put("TableName", table);
    }
}
