package dev.dynamotest.core.internal.dax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.dynamotest.core.Operation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BatchGetItem and BatchWriteItem through DAX. A batch read takes each key it can from the item cache and reads the
 * rest from the table in one BatchGetItem (eventually consistent, whole items), caching what it found and, as
 * negative entries, what it did not; a table read with ConsistentRead passes through. A batch write writes its
 * processed requests through to the item cache.
 */
final class BatchMethods {

    private final DaxService service;

    BatchMethods(DaxService service) {
        this.service = service;
    }

    private record TableRead(String table, KeySchema schema, boolean consistent, byte[] projection,
            List<ObjectNode> keys, List<JsonNode> found) {
    }

    /** Arguments: a map from table to [consistent read, projection, keys], then parameters. */
    byte[] batchGetItem(String region, List<Object> args) throws IOException {
        Map<?, ?> requested = (Map<?, ?>) args.get(0);
        List<TableRead> reads = new ArrayList<>();
        ObjectNode requestItems = AttributeValues.JSON.objectNode();
        for (Map.Entry<?, ?> entry : requested.entrySet()) {
            String table = (String) entry.getKey();
            List<?> spec = (List<?>) entry.getValue();
            boolean consistent = Boolean.TRUE.equals(spec.get(0)) || (spec.get(0) instanceof Number n
                    && n.intValue() == 1);
            byte[] projection = spec.get(1) instanceof byte[] bytes ? bytes : null;
            KeySchema schema = service.schema(region, table);
            TableRead read = new TableRead(table, schema, consistent, projection, new ArrayList<>(),
                    new ArrayList<>());
            ArrayNode misses = AttributeValues.JSON.arrayNode();
            for (Object encoded : (List<?>) spec.get(2)) {
                ObjectNode key = schema.decode((byte[]) encoded);
                read.keys().add(key);
                Optional<Optional<ObjectNode>> cached = consistent ? Optional.empty()
                        : service.items().get(DaxService.itemKey(region, table, schema, key), Operation.BATCH_GET_ITEM);
                if (cached.isPresent()) {
                    cached.get().ifPresent(read.found()::add);
                } else {
                    misses.add(key);
                }
            }
            reads.add(read);
            if (!misses.isEmpty()) {
                ObjectNode tableRequest = requestItems.putObject(table);
                tableRequest.set("Keys", misses);
                if (consistent) {
                    tableRequest.put("ConsistentRead", true);
                    if (projection != null) {
                        Expressions expressions = new Expressions();
                        tableRequest.put("ProjectionExpression", expressions.projection(projection));
                        tableRequest.set("ExpressionAttributeNames", expressions.names());
                    }
                }
            }
        }
        JsonNode unprocessed = AttributeValues.JSON.objectNode();
        Params params = new Params(args.get(1));
        String capacityMode = params.returnConsumedCapacity();
        Map<String, JsonNode> consumed = new LinkedHashMap<>();
        if (!capacityMode.equals("NONE")) {
            reads.forEach(read -> consumed.put(read.table(), Consumption.none(read.table(), capacityMode)));
        }
        if (requestItems.size() > 0) {
            ObjectNode request = AttributeValues.JSON.objectNode();
            request.set("RequestItems", requestItems);
            params.askForConsumption(request);
            ObjectNode result = service.execute(region, "BatchGetItem", request);
            result.path("ConsumedCapacity").forEach(c -> consumed.put(c.path("TableName").asText(), c));
            unprocessed = result.path("UnprocessedKeys");
            for (TableRead read : reads) {
                JsonNode items = result.path("Responses").path(read.table());
                JsonNode requestedKeys = requestItems.path(read.table()).path("Keys");
                JsonNode notRead = unprocessed.path(read.table()).path("Keys");
                for (JsonNode key : requestedKeys) {
                    if (read.consistent() || contains(notRead, key)) {
                        continue;
                    }
                    JsonNode item = find(items, read.schema(), key);
                    service.items().put(DaxService.itemKey(region, read.table(), read.schema(), key),
                            Optional.ofNullable(item == null ? null : ((ObjectNode) item).deepCopy()),
                            DaxService.sizeOf(item));
                }
                items.forEach(read.found()::add);
            }
        }
        DaxResponse response = DaxResponse.success();
        CBORGenerator out = response.out();
        out.writeStartArray(null, 2);
        out.writeStartObject(null, reads.size());
        for (TableRead read : reads) {
            out.writeFieldName(read.table());
            if (read.projection() != null) {
                List<List<Object>> paths = Expressions.projectionPaths(read.projection());
                out.writeStartArray(null, read.found().size());
                for (JsonNode item : read.found()) {
                    DaxService.writeProjected(out, item, paths);
                }
            } else {
                out.writeStartArray(null, 2 * read.found().size());
                for (JsonNode item : read.found()) {
                    out.writeBinary(read.schema().encode(item));
                    service.writeAttributes(out, read.schema(), item);
                }
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        Map<String, JsonNode> left = new LinkedHashMap<>();
        unprocessed.fields().forEachRemaining(e -> left.put(e.getKey(), e.getValue().path("Keys")));
        out.writeStartObject(null, left.size());
        for (Map.Entry<String, JsonNode> table : left.entrySet()) {
            KeySchema schema = service.schema(region, table.getKey());
            out.writeFieldName(table.getKey());
            out.writeStartArray(null, table.getValue().size());
            for (JsonNode key : table.getValue()) {
                out.writeBinary(schema.encode(key));
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        out.writeEndArray();
        writeCapacities(out, consumed.values());
        return response.bytes();
    }

    private static void writeCapacities(CBORGenerator out, Collection<JsonNode> capacities) throws IOException {
        out.writeStartArray(null, capacities.size());
        for (JsonNode capacity : capacities) {
            Consumption.write(out, capacity);
        }
        out.writeEndArray();
    }

    /** Arguments: a map from table to [key, attributes or null (a delete), ...], then parameters. */
    byte[] batchWriteItem(String region, List<Object> args) throws IOException {
        Map<?, ?> requested = (Map<?, ?>) args.get(0);
        ObjectNode requestItems = AttributeValues.JSON.objectNode();
        for (Map.Entry<?, ?> entry : requested.entrySet()) {
            String table = (String) entry.getKey();
            KeySchema schema = service.schema(region, table);
            List<?> writes = (List<?>) entry.getValue();
            ArrayNode tableWrites = requestItems.putArray(table);
            for (int i = 0; i + 1 < writes.size(); i += 2) {
                byte[] key = (byte[]) writes.get(i);
                if (writes.get(i + 1) instanceof byte[] attributes) {
                    tableWrites.addObject().putObject("PutRequest").set("Item", service.item(schema, key,
                            attributes));
                } else {
                    tableWrites.addObject().putObject("DeleteRequest").set("Key", schema.decode(key));
                }
            }
        }
        ObjectNode request = AttributeValues.JSON.objectNode();
        request.set("RequestItems", requestItems);
        new Params(args.get(1)).askForConsumption(request);
        ObjectNode result = service.execute(region, "BatchWriteItem", request);
        JsonNode unprocessed = result.path("UnprocessedItems");
        for (var it = requestItems.fields(); it.hasNext(); ) {
            var table = it.next();
            KeySchema schema = service.schema(region, table.getKey());
            for (JsonNode write : table.getValue()) {
                if (contains(unprocessed.path(table.getKey()), write)) {
                    continue;
                }
                JsonNode item = write.path("PutRequest").path("Item");
                JsonNode key = item.isMissingNode() ? write.path("DeleteRequest").path("Key") : item;
                service.items().put(DaxService.itemKey(region, table.getKey(), schema, key),
                        Optional.ofNullable(item.isMissingNode() ? null : ((ObjectNode) item).deepCopy()),
                        DaxService.sizeOf(item.isMissingNode() ? null : item));
            }
        }
        DaxResponse response = DaxResponse.success();
        CBORGenerator out = response.out();
        out.writeStartObject(null, unprocessed.size());
        for (var it = unprocessed.fields(); it.hasNext(); ) {
            var table = it.next();
            KeySchema schema = service.schema(region, table.getKey());
            out.writeFieldName(table.getKey());
            out.writeStartArray(null, 2 * table.getValue().size());
            for (JsonNode write : table.getValue()) {
                JsonNode item = write.path("PutRequest").path("Item");
                if (item.isMissingNode()) {
                    out.writeBinary(schema.encode(write.path("DeleteRequest").path("Key")));
                    out.writeNull();
                } else {
                    out.writeBinary(schema.encode(item));
                    service.writeAttributes(out, schema, item);
                }
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        List<JsonNode> capacities = new ArrayList<>();
        result.path("ConsumedCapacity").forEach(capacities::add);
        writeCapacities(out, capacities);
        writeItemCollectionMetrics(out, result.path("ItemCollectionMetrics"));
        return response.bytes();
    }

    /** A map from table name to the array of its item collections' metrics. */
    static void writeItemCollectionMetrics(CBORGenerator out, JsonNode metrics) throws IOException {
        out.writeStartObject(null, metrics.size());
        for (var it = metrics.fields(); it.hasNext(); ) {
            var table = it.next();
            out.writeFieldName(table.getKey());
            out.writeStartArray(null, table.getValue().size());
            for (JsonNode collection : table.getValue()) {
                Consumption.writeItemCollectionMetrics(out, collection);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private static boolean contains(JsonNode list, JsonNode value) {
        for (JsonNode element : list) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode find(JsonNode items, KeySchema schema, JsonNode key) {
        String wanted = DaxService.itemKey("", "", schema, key);
        for (JsonNode item : items) {
            if (DaxService.itemKey("", "", schema, item).equals(wanted)) {
                return item;
            }
        }
        return null;
    }
}
