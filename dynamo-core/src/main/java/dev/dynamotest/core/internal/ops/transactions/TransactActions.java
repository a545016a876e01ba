package dev.dynamotest.core.internal.ops.transactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.internal.write.ItemChange;
import dev.dynamotest.core.internal.write.ItemExpressions;
import dev.dynamotest.core.internal.write.ItemKeys;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the TransactItems of TransactWriteItems and TransactGetItems with DynamoDB's checks: the list length,
 * one action per element, the required members, and at most one action per item.
 */
final class TransactActions {

    static final int MAX_ACTIONS = 100;
    private static final String SAME_ITEM = "Transaction request cannot include multiple operations on one item";
    private static final List<String> WRITE_ACTIONS = List.of("ConditionCheck", "Put", "Delete", "Update");

    /** One Get of TransactGetItems, checked. */
    record Get(TableMeta table, Map<String, AttributeValue> key, ItemExpressions expressions) {
    }

    private TransactActions() {
    }

    /** The changes of a TransactWriteItems request, in request order. */
    static List<ItemChange> writes(EngineContext ctx, String region, JsonNode transactItems) {
        Constraints constraints = listConstraints(transactItems, "TransactWriteItem");
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < transactItems.size(); i++) {
            String action = writeAction(transactItems.get(i));
            actions.add(action);
            JsonNode node = transactItems.get(i).get(action);
            String path = "transactItems." + (i + 1) + ".member." + memberName(action);
            constraints.tableName(Json.text(node, "TableName"), path + ".tableName")
                    .notNull(Json.object(node, action.equals("Put") ? "Item" : "Key"),
                            path + (action.equals("Put") ? ".item" : ".key"))
                    .oneOf(Json.text(node, "ReturnValuesOnConditionCheckFailure"),
                            path + ".returnValuesOnConditionCheckFailure", "ALL_OLD", "NONE");
            if (action.equals("Update")) {
                constraints.notNull(Json.text(node, "UpdateExpression"), path + ".updateExpression");
            }
            if (action.equals("ConditionCheck")) {
                constraints.notNull(Json.text(node, "ConditionExpression"), path + ".conditionExpression");
            }
        }
        constraints.check();
        List<ItemChange> changes = new ArrayList<>();
        BatchRequests.Duplicates duplicates = new BatchRequests.Duplicates(SAME_ITEM);
        for (int i = 0; i < transactItems.size(); i++) {
            ObjectNode node = (ObjectNode) transactItems.get(i).get(actions.get(i));
            ItemChange change = change(ctx, region, actions.get(i), node);
            duplicates.add(change.table(), change.key());
            changes.add(change);
        }
        return changes;
    }

    /** The gets of a TransactGetItems request, in request order. */
    static List<Get> gets(EngineContext ctx, String region, JsonNode transactItems) {
        Constraints constraints = listConstraints(transactItems, "TransactGetItem");
        for (int i = 0; i < transactItems.size(); i++) {
            JsonNode element = element(transactItems.get(i));
            JsonNode get = Json.object(element, "Get");
            String path = "transactItems." + (i + 1) + ".member.get";
            constraints.notNull(get, path);
            if (get != null) {
                constraints.tableName(Json.text(get, "TableName"), path + ".tableName")
                        .notNull(Json.object(get, "Key"), path + ".key");
            }
        }
        constraints.check();
        List<Get> gets = new ArrayList<>();
        BatchRequests.Duplicates duplicates = new BatchRequests.Duplicates(SAME_ITEM);
        for (JsonNode element : transactItems) {
            ObjectNode get = (ObjectNode) element.get("Get");
            Map<String, AttributeValue> key = AttributeValueJson.decodeItem(get.get("Key"));
            ItemExpressions expressions = ItemExpressions.forGet(get);
            TableMeta table = ctx.table(region, Json.text(get, "TableName"));
            ItemKeys.checkKey(table, key);
            duplicates.add(table, key);
            gets.add(new Get(table, key, expressions));
        }
        return gets;
    }

    private static Constraints listConstraints(JsonNode transactItems, String shape) {
        Constraints constraints = new Constraints().notNull(transactItems, "transactItems");
        if (transactItems != null && transactItems.isEmpty()) {
            constraints.violation("[]", "transactItems", "Member must have length greater than or equal to 1");
        }
        if (transactItems != null && transactItems.size() > MAX_ACTIONS) {
            constraints.violation(BatchRequests.renderList(transactItems, shape), "transactItems",
                    "Member must have length less than or equal to 100");
        }
        if (transactItems == null || transactItems.size() > MAX_ACTIONS) {
            constraints.check();
        }
        return constraints;
    }

    private static JsonNode element(JsonNode element) {
        if (!element.isObject()) {
            throw Json.unexpected(element, "structure");
        }
        return element;
    }

    private static String writeAction(JsonNode element) {
        String found = null;
        for (String action : WRITE_ACTIONS) {
            if (Json.object(element(element), action) != null) {
                if (found != null) {
                    found = "";
                    break;
                }
                found = action;
            }
        }
        if (found == null || found.isEmpty()) {
            throw DynamoException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        return found;
    }

    private static String memberName(String action) {
        return Character.toLowerCase(action.charAt(0)) + action.substring(1);
    }

    private static ItemChange change(EngineContext ctx, String region, String action, ObjectNode node) {
        String onFailure = ItemChange.onFailure(node, "returnValuesOnConditionCheckFailure");
        if (action.equals("Put")) {
            Map<String, AttributeValue> item = AttributeValueJson.decodeItem(node.get("Item"));
            ItemExpressions expressions = ItemExpressions.forPut(node);
            return ItemChange.put(ctx.table(region, Json.text(node, "TableName")), item, expressions, onFailure);
        }
        Map<String, AttributeValue> key = AttributeValueJson.decodeItem(node.get("Key"));
        return switch (action) {
            case "Delete" -> {
                ItemExpressions expressions = ItemExpressions.forDelete(node);
                yield ItemChange.delete(ctx.table(region, Json.text(node, "TableName")), key, expressions, onFailure);
            }
            case "Update" -> {
                ItemExpressions expressions = ItemExpressions.forUpdate(node);
                yield ItemChange.update(ctx.table(region, Json.text(node, "TableName")), key, expressions, onFailure);
            }
            default -> {
                ItemExpressions expressions = ItemExpressions.forConditionCheck(node);
                yield ItemChange.check(ctx.table(region, Json.text(node, "TableName")), key, expressions, onFailure);
            }
        };
    }
}
