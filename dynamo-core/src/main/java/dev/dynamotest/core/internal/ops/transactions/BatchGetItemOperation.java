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
import dev.dynamotest.core.internal.storage.ItemSize;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.Capacity;
import dev.dynamotest.core.internal.write.CapacityTally;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.internal.write.ItemExpressions;
import dev.dynamotest.core.internal.write.ItemKeys;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * BatchGetItem: up to 100 keys over several tables, each table with its own projection and read consistency.
 * Keys whose items would take the response past 16 MB come back in UnprocessedKeys.
 */
final class BatchGetItemOperation implements OperationHandler {

    static final int MAX_KEYS = 100;
    static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    private final EngineContext ctx;

    /** The request's part for one table, checked. */
    private record TableRead(TableMeta table, ObjectNode keysAndAttributes, List<Map<String, AttributeValue>> keys,
            ItemExpressions expressions, boolean consistent) {
    }

    BatchGetItemOperation(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public ObjectNode execute(String region, ObjectNode request) {
        JsonNode requestItems = Json.object(request, "RequestItems");
        checkShape(requestItems);
        String capacityMode = Capacity.mode(Json.text(request, "ReturnConsumedCapacity"));
        List<TableRead> reads = parse(region, requestItems);
        ObjectNode response = NODES.objectNode();
        ObjectNode responses = response.putObject("Responses");
        ObjectNode unprocessed = response.putObject("UnprocessedKeys");
        CapacityTally capacity = CapacityTally.unitsOnly(capacityMode);
        long bytes = 0;
        int served = 0;
        ThrottlingError firstThrottle = null;
        for (TableRead read : reads) {
            ArrayNode items = responses.putArray(read.table().name());
            ArrayNode unread = null;
            for (Map<String, AttributeValue> key : read.keys()) {
                AttributeValue partitionKey = key.get(read.table().hashKey().name());
                boolean admitted;
                try {
                    admitted = bytes >= MAX_RESPONSE_BYTES
                            || ctx.writes().capacity().admitRead(read.table(), null, partitionKey,
                            Capacity.readUnits(0, read.consistent()));
                } catch (ThrottlingError throttled) {
                    firstThrottle = firstThrottle == null ? throttled : firstThrottle;
                    unread = unread != null ? unread : unprocessedFor(unprocessed, read);
                    unread.add(AttributeValueJson.encodeItem(key));
                    continue;
                }
                Map<String, AttributeValue> item = bytes >= MAX_RESPONSE_BYTES ? null
                        : ctx.items().get(read.table(), StoredKey.of(read.table(), key));
                int size = item == null ? 0 : ItemSize.of(item);
                if (bytes >= MAX_RESPONSE_BYTES || bytes + size > MAX_RESPONSE_BYTES) {
                    bytes = MAX_RESPONSE_BYTES;
                    unread = unread != null ? unread : unprocessedFor(unprocessed, read);
                    unread.add(AttributeValueJson.encodeItem(key));
                    continue;
                }
                double units = Capacity.readUnits(size, read.consistent());
                ctx.writes().capacity().chargeRead(read.table(), null, partitionKey, units, admitted);
                served++;
                capacity.add(read.table().name(), units);
                if (item != null) {
                    Map<String, AttributeValue> projected = read.expressions().project(item);
                    bytes += ItemSize.of(projected);
                    items.add(AttributeValueJson.itemNode(projected));
                }
            }
        }
        if (firstThrottle != null && served == 0) {
            throw firstThrottle;
        }
        capacity.addTo(response);
        return response;
    }

    private static ArrayNode unprocessedFor(ObjectNode unprocessed, TableRead read) {
        ObjectNode again = read.keysAndAttributes().deepCopy();
        unprocessed.set(read.table().name(), again);
        return again.putArray("Keys");
    }

    private static void checkShape(JsonNode requestItems) {
        Constraints constraints = new Constraints().notNull(requestItems, "requestItems");
        int total = 0;
        if (requestItems != null) {
            if (requestItems.isEmpty()) {
                constraints.violation("{}", "requestItems", "Member must have length greater than or equal to 1");
            }
            Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
            while (tables.hasNext()) {
                Map.Entry<String, JsonNode> entry = tables.next();
                if (!entry.getValue().isObject()) {
                    throw Json.unexpected(entry.getValue(), "structure");
                }
                JsonNode keys = Json.array(entry.getValue(), "Keys");
                String path = "requestItems." + entry.getKey() + ".member.keys";
                constraints.notNull(keys, path);
                int size = keys == null ? 0 : keys.size();
                if (keys != null && size < 1) {
                    constraints.violation("[]", path, "Member must have length greater than or equal to 1");
                }
                if (size > MAX_KEYS) {
                    constraints.violation(keys.toString(), path, "Member must have length less than or equal to 100");
                }
                total += size;
            }
        }
        constraints.check();
        if (total > MAX_KEYS) {
            throw DynamoException.validation("Too many items requested for the BatchGetItem call");
        }
    }

    private List<TableRead> parse(String region, JsonNode requestItems) {
        List<TableRead> reads = new ArrayList<>();
        BatchRequests.Duplicates duplicates =
                new BatchRequests.Duplicates("Provided list of item keys contains duplicates");
        Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> entry = tables.next();
            ObjectNode keysAndAttributes = (ObjectNode) entry.getValue();
            ItemExpressions expressions = ItemExpressions.forGet(keysAndAttributes);
            boolean consistent = Json.bool(keysAndAttributes, "ConsistentRead", false);
            TableMeta table = ctx.table(region, entry.getKey());
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (JsonNode keyNode : keysAndAttributes.get("Keys")) {
                Map<String, AttributeValue> key = AttributeValueJson.decodeItem(keyNode);
                ItemKeys.checkKey(table, key);
                duplicates.add(table, key);
                keys.add(key);
            }
            reads.add(new TableRead(table, keysAndAttributes, keys, expressions, consistent));
        }
        return reads;
    }
}
