package dev.dynamotest.core.internal.ops.items;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.routing.Api;
import dev.dynamotest.core.internal.routing.Routes;
import dev.dynamotest.core.internal.storage.ItemSize;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.Capacity;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.internal.write.ItemChange;
import dev.dynamotest.core.internal.write.ItemCollections;
import dev.dynamotest.core.internal.write.ItemExpressions;
import dev.dynamotest.core.internal.write.ItemKeys;
import dev.dynamotest.core.internal.write.WritePath;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;

/** The single-item operations: PutItem, GetItem, UpdateItem, DeleteItem. */
public final class ItemOperations {

    private static final String USER = "user";

    private final EngineContext ctx;

    public ItemOperations(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Registers PutItem, GetItem, UpdateItem and DeleteItem. */
    public void registerIn(Routes routes) {
        routes.add(Api.DYNAMODB, "PutItem", this::putItem);
        routes.add(Api.DYNAMODB, "GetItem", this::getItem);
        routes.add(Api.DYNAMODB, "UpdateItem", this::updateItem);
        routes.add(Api.DYNAMODB, "DeleteItem", this::deleteItem);
    }

    public ObjectNode putItem(String region, ObjectNode request) {
        return write(region, request, SingleItemWrite.PUT);
    }

    public ObjectNode getItem(String region, ObjectNode request) {
        String tableName = Json.text(request, "TableName");
        JsonNode keyNode = Json.object(request, "Key");
        new Constraints().tableName(tableName, "tableName").notNull(keyNode, "key").check();
        String capacityMode = Capacity.mode(Json.text(request, "ReturnConsumedCapacity"));
        boolean consistent = Json.bool(request, "ConsistentRead", false);
        Map<String, AttributeValue> key = AttributeValueJson.decodeItem(keyNode);
        ItemExpressions expressions = ItemExpressions.forGet(request);
        TableMeta table = ctx.table(region, tableName);
        ItemKeys.checkKey(table, key);
        AttributeValue partitionKey = key.get(table.hashKey().name());
        boolean admitted = ctx.writes().capacity().admitRead(table, null, partitionKey,
                Capacity.readUnits(0, consistent));
        Map<String, AttributeValue> item = ctx.items().get(table, StoredKey.of(table, key));
        double units = Capacity.readUnits(size(item), consistent);
        ctx.writes().capacity().chargeRead(table, null, partitionKey, units, admitted);
        ObjectNode response = NODES.objectNode();
        if (item != null) {
            response.set("Item", AttributeValueJson.itemNode(expressions.project(item)));
        }
        putCapacity(response, capacityMode, table, units, true);
        return response;
    }

    public ObjectNode deleteItem(String region, ObjectNode request) {
        return write(region, request, SingleItemWrite.DELETE);
    }

    public ObjectNode updateItem(String region, ObjectNode request) {
        return write(region, request, SingleItemWrite.UPDATE);
    }

    private ObjectNode write(String region, ObjectNode request, SingleItemWrite kind) {
        WriteParameters w = writeParameters(request, kind.payloadField(), kind.payloadPath());
        Map<String, AttributeValue> payload = AttributeValueJson.decodeItem(w.payload());
        ItemExpressions expressions = kind.expressions(request);
        kind.checkReturnValues(w.returnValues());
        TableMeta table = ctx.table(region, w.tableName());
        WritePath.Outcome outcome = ctx.writes().apply(
                kind.change(table, payload, expressions, w.onFailure()).write(USER));
        ObjectNode response = NODES.objectNode();
        putAttributes(response, kind.returned(expressions, w.returnValues(), outcome));
        return finish(response, w, table, outcome, payload);
    }

    /** The parameters every single-item write shares, checked in DynamoDB's order. */
    private record WriteParameters(String tableName, JsonNode payload, String returnValues, String capacityMode,
            ItemCollections collections, String onFailure) {
    }

    private WriteParameters writeParameters(ObjectNode request, String payloadField, String payloadPath) {
        String tableName = Json.text(request, "TableName");
        JsonNode payload = Json.object(request, payloadField);
        String returnValues = Json.text(request, "ReturnValues");
        new Constraints().tableName(tableName, "tableName").notNull(payload, payloadPath)
                .oneOf(returnValues, "returnValues", "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW")
                .check();
        String capacityMode = Capacity.mode(Json.text(request, "ReturnConsumedCapacity"));
        ItemCollections collections = collections(request);
        return new WriteParameters(tableName, payload, returnValues, capacityMode, collections,
                returnValuesOnConditionCheckFailure(request));
    }

    private static void putAttributes(ObjectNode response, Map<String, AttributeValue> attributes) {
        if (attributes != null && !attributes.isEmpty()) {
            response.set("Attributes", AttributeValueJson.encodeItem(attributes));
        }
    }

    private static ObjectNode finish(ObjectNode response, WriteParameters w, TableMeta table, WritePath.Outcome outcome,
            Map<String, AttributeValue> written) {
        ObjectNode consumed = Capacity.consumedWrite(w.capacityMode(), table, outcome.writeUnits(),
                outcome.indexWriteUnits());
        if (consumed != null) {
            response.set("ConsumedCapacity", consumed);
        }
        w.collections().written(table, written);
        w.collections().addSingleTo(response);
        return response;
    }

    private ItemCollections collections(ObjectNode request) {
        return ItemCollections.of(ctx.items(), Json.text(request, "ReturnItemCollectionMetrics"));
    }

    private static String returnValuesOnConditionCheckFailure(ObjectNode request) {
        return ItemChange.onFailure(request, "returnValuesOnConditionCheckFailure");
    }

    private static int size(Map<String, AttributeValue> item) {
        return item == null ? 0 : ItemSize.of(item);
    }

    private static void putCapacity(ObjectNode response, String mode, TableMeta table, double units, boolean read) {
        ObjectNode consumed = Capacity.consumed(mode, table.name(), units, read);
        if (consumed != null) {
            response.set("ConsumedCapacity", consumed);
        }
    }
}
