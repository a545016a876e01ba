package dev.dynamotest.core.internal.ops.transactions;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.capacity.ThrottlingError;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.routing.OperationHandler;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.Capacity;
import dev.dynamotest.core.internal.write.CapacityTally;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.internal.write.ItemChange;
import dev.dynamotest.core.internal.write.ItemCollections;
import dev.dynamotest.core.internal.write.ItemExpressions;
import dev.dynamotest.core.internal.write.WritePath;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * BatchWriteItem: up to 25 PutRequest and DeleteRequest over several tables. Every request is checked as
 * PutItem or DeleteItem checks it before anything is written; then each item is written on its own through
 * the write path (the batch as a whole is not atomic, as in DynamoDB).
 */
final class BatchWriteItemOperation implements OperationHandler {

    static final int MAX_REQUESTS = 25;
    private static final String USER = "user";
    private static final String LENGTH_CONSTRAINT = "Map value must satisfy constraint: [Member must have length "
            + "less than or equal to 25, Member must have length greater than or equal to 1]";

    private final EngineContext ctx;

    BatchWriteItemOperation(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public ObjectNode execute(String region, ObjectNode request) {
        JsonNode requestItems = Json.object(request, "RequestItems");
        String metrics = Json.text(request, "ReturnItemCollectionMetrics");
        checkShape(requestItems, metrics);
        String capacityMode = Capacity.mode(Json.text(request, "ReturnConsumedCapacity"));
        List<JsonNode> writeRequests = new ArrayList<>();
        List<ItemChange> changes = parse(region, requestItems, writeRequests);
        CapacityTally capacity = new CapacityTally(capacityMode, false);
        ItemCollections collections = ItemCollections.of(ctx.items(), metrics);
        ObjectNode unprocessed = NODES.objectNode();
        ThrottlingError firstThrottle = null;
        int processed = 0;
        for (int i = 0; i < changes.size(); i++) {
            ItemChange change = changes.get(i);
            WritePath.Outcome outcome;
            try {
                outcome = ctx.writes().apply(change.write(USER));
            } catch (ThrottlingError throttled) {
                firstThrottle = firstThrottle == null ? throttled : firstThrottle;
                unprocessedFor(unprocessed, change.table().name()).add(writeRequests.get(i));
                continue;
            }
            processed++;
            capacity.add(change.table().name(), outcome.writeUnits());
            collections.written(change.table(), change.key());
        }
        if (firstThrottle != null && processed == 0) {
            throw firstThrottle;
        }
        ObjectNode response = NODES.objectNode();
        response.set("UnprocessedItems", unprocessed);
        capacity.addTo(response);
        collections.addPerTableTo(response);
        return response;
    }

    private static void checkShape(JsonNode requestItems, String metrics) {
        Constraints constraints = new Constraints().notNull(requestItems, "requestItems")
                .oneOf(metrics, "returnItemCollectionMetrics", "SIZE", "NONE");
        int total = 0;
        if (requestItems != null) {
            if (requestItems.isEmpty()) {
                constraints.violation("{}", "requestItems", "Member must have length greater than or equal to 1");
            }
            for (JsonNode writes : requestItems) {
                if (writes != null && !writes.isNull() && !writes.isArray()) {
                    throw Json.unexpected(writes, "list");
                }
                int size = writes == null || writes.isNull() ? 0 : writes.size();
                if (size < 1 || size > MAX_REQUESTS) {
                    constraints.violation(BatchRequests.renderMap(requestItems, "WriteRequest"), "requestItems",
                            LENGTH_CONSTRAINT);
                }
                total += size;
            }
        }
        constraints.check();
        if (total > MAX_REQUESTS) {
            throw DynamoException.validation("Too many items requested for the BatchWriteItem call");
        }
    }

    private static ArrayNode unprocessedFor(ObjectNode unprocessed, String table) {
        JsonNode list = unprocessed.get(table);
        return list != null ? (ArrayNode) list : unprocessed.putArray(table);
    }

    private List<ItemChange> parse(String region, JsonNode requestItems, List<JsonNode> writeRequests) {
        List<ItemChange> changes = new ArrayList<>();
        BatchRequests.Duplicates duplicates =
                new BatchRequests.Duplicates("Provided list of item keys contains duplicates");
        Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> entry = tables.next();
            TableMeta table = ctx.table(region, entry.getKey());
            for (JsonNode writeRequest : entry.getValue()) {
                ItemChange change = change(table, writeRequest);
                duplicates.add(table, change.key());
                changes.add(change);
                writeRequests.add(writeRequest);
            }
        }
        return changes;
    }

    private static ItemChange change(TableMeta table, JsonNode writeRequest) {
        if (!writeRequest.isObject()) {
            throw Json.unexpected(writeRequest, "structure");
        }
        JsonNode put = Json.object(writeRequest, "PutRequest");
        JsonNode delete = Json.object(writeRequest, "DeleteRequest");
        if ((put == null) == (delete == null)) {
            throw DynamoException.validation("Supplied WriteRequest must contain exactly one of PutRequest or "
                    + "DeleteRequest");
        }
        String path = "requestItems." + table.name() + ".member." + (put != null ? "putRequest.item"
                : "deleteRequest.key");
        JsonNode node = put != null ? Json.object(put, "Item") : Json.object(delete, "Key");
        new Constraints().notNull(node, path).check();
        Map<String, AttributeValue> attributes = AttributeValueJson.decodeItem(node);
        if (put != null) {
            return ItemChange.put(table, attributes, ItemExpressions.forPut((ObjectNode) put), "NONE");
        }
        return ItemChange.delete(table, attributes, ItemExpressions.forDelete((ObjectNode) delete), "NONE");
    }
}
