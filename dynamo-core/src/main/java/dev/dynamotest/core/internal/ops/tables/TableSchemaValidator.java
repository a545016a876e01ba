package dev.dynamotest.core.internal.ops.tables;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;
import static dev.dynamotest.core.internal.schema.Throughputs.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.schema.Throughputs;
import dev.dynamotest.core.internal.schema.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a CreateTable request's key schema, attribute definitions, billing and indexes, and builds the description. */
final class TableSchemaValidator {

    private static final int MAX_LSIS = 5;
    private static final int MAX_GSIS = 20;
    private static final int MAX_PROJECTED = 100;

    /** The stored description of the table the request creates, without streams, encryption and tags. */
    ObjectNode describeNewTable(ObjectNode request, String name, String arn, Instant now) {
        JsonNode keySchema = request.get("KeySchema");
        Map<String, String> types = KeySchemas.attributeDefinitions(request.get("AttributeDefinitions"));
        List<String> tableKeys = KeySchemas.shape(keySchema, "keySchema");
        JsonNode lsis = indexList(request, "LocalSecondaryIndexes");
        JsonNode gsis = indexList(request, "GlobalSecondaryIndexes");
        List<List<String>> lsiKeys = indexShapes(lsis, "localSecondaryIndexes", false);
        List<List<String>> gsiKeys = indexShapes(gsis, "globalSecondaryIndexes", true);
        KeySchemas.order(keySchema);
        checkDefinitions(types, tableKeys, lsiKeys, gsiKeys);

        String billingMode = Json.text(request, "BillingMode");
        String effectiveMode = billingMode == null ? Throughputs.PROVISIONED : billingMode;
        ObjectNode d = NODES.objectNode();
        d.set("AttributeDefinitions", KeySchemas.definitionsNode(types));
        d.put("TableName", name);
        d.set("KeySchema", KeySchemas.node(keySchema));
        d.put("TableStatus", "ACTIVE");
        d.put("CreationDateTime", Times.epochSeconds(now));
        d.set("ProvisionedThroughput", Throughputs.forNewTable(effectiveMode,
                Json.object(request, "ProvisionedThroughput")));
        d.put("TableSizeBytes", 0L);
        d.put("ItemCount", 0L);
        d.put("TableArn", arn);
        d.put("TableId", TableOperations.newTableId());
        if (billingMode != null) {
            ObjectNode summary = d.putObject("BillingModeSummary");
            summary.put("BillingMode", billingMode);
            if (Throughputs.PAY_PER_REQUEST.equals(billingMode)) {
                summary.put("LastUpdateToPayPerRequestDateTime", Times.epochSeconds(now));
            }
        }
        Set<String> indexNames = new HashSet<>();
        if (lsis != null) {
            d.set("LocalSecondaryIndexes", localIndexes(lsis, keySchema, arn, indexNames));
        }
        if (gsis != null) {
            d.set("GlobalSecondaryIndexes", globalIndexes(gsis, effectiveMode, arn, indexNames));
        }
        checkProjectedCount(lsis, gsis);
        ObjectNode onDemand = Throughputs.onDemand(Json.object(request, "OnDemandThroughput"), effectiveMode,
                "table", false);
        if (onDemand != null) {
            d.set("OnDemandThroughput", onDemand);
        }
        String tableClass = Json.text(request, "TableClass");
        if (tableClass != null) {
            d.putObject("TableClassSummary").put("TableClass", tableClass);
        }
        JsonNode warm = Json.object(request, "WarmThroughput");
        if (warm != null) {
            d.set("WarmThroughput", TableUpdates.warmThroughput(warm));
        }
        d.put("DeletionProtectionEnabled", Json.bool(request, "DeletionProtectionEnabled", false));
        return d;
    }

    private static JsonNode indexList(ObjectNode request, String field) {
        JsonNode list = Json.array(request, field);
        if (list != null && list.isEmpty()) {
            throw DynamoException.validation(INVALID + "List of " + field + " is empty");
        }
        return list;
    }

    private static List<List<String>> indexShapes(JsonNode indexes, String path, boolean global) {
        List<List<String>> keys = new ArrayList<>();
        if (indexes != null) {
            int i = 1;
            for (JsonNode index : indexes) {
                keys.add(IndexDefinitions.shape(index, path + "." + i++ + ".member", global));
            }
        }
        return keys;
    }

    private static void checkDefinitions(Map<String, String> types, List<String> tableKeys,
            List<List<String>> lsiKeys, List<List<String>> gsiKeys) {
        Set<String> used = new LinkedHashSet<>(tableKeys);
        KeySchemas.defined(tableKeys, types);
        for (List<String> keys : lsiKeys) {
            KeySchemas.defined(keys, types);
            used.addAll(keys);
        }
        for (List<String> keys : gsiKeys) {
            KeySchemas.defined(keys, types);
            used.addAll(keys);
        }
        if (used.equals(types.keySet())) {
            return;
        }
        if (lsiKeys.isEmpty() && gsiKeys.isEmpty()) {
            throw DynamoException.validation(INVALID + "Number of attributes in KeySchema does not exactly match "
                    + "number of attributes defined in AttributeDefinitions");
        }
        throw DynamoException.validation(INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: "
                + types.keySet() + ", keys used: " + used);
    }

    private static ArrayNode localIndexes(JsonNode lsis, JsonNode tableKeySchema, String arn,
            Set<String> indexNames) {
        if (tableKeySchema.size() < 2) {
            throw DynamoException.validation(INVALID + "Table KeySchema does not have a range key, which is required "
                    + "when specifying a LocalSecondaryIndex");
        }
        if (lsis.size() > MAX_LSIS) {
            throw DynamoException.validation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of "
                    + MAX_LSIS);
        }
        String tableHash = Json.text(tableKeySchema.get(0), "AttributeName");
        ArrayNode out = NODES.arrayNode();
        for (JsonNode lsi : lsis) {
            String name = Json.text(lsi, "IndexName");
            JsonNode keySchema = lsi.get("KeySchema");
            KeySchemas.order(keySchema);
            unique(name, indexNames);
            String indexHash = Json.text(keySchema.get(0), "AttributeName");
            if (!indexHash.equals(tableHash)) {
                throw DynamoException.validation(INVALID + "Index KeySchema does not have the same leading hash key "
                        + "as table KeySchema for index: " + name + ". index hash key: " + indexHash
                        + ", table hash key: " + tableHash);
            }
            if (keySchema.size() < 2) {
                throw DynamoException.validation(INVALID + "Index KeySchema does not have a range key for index: "
                        + name);
            }
            out.add(IndexDefinitions.describe(lsi, arn));
        }
        return out;
    }

    private static ArrayNode globalIndexes(JsonNode gsis, String billingMode, String arn, Set<String> indexNames) {
        if (gsis.size() > MAX_GSIS) {
            throw DynamoException.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of "
                    + MAX_GSIS);
        }
        ArrayNode out = NODES.arrayNode();
        int i = 1;
        for (JsonNode gsi : gsis) {
            String name = Json.text(gsi, "IndexName");
            KeySchemas.globalOrder(gsi.get("KeySchema"));
            unique(name, indexNames);
            out.add(globalIndex(gsi, billingMode, arn, "globalSecondaryIndexes." + i++ + ".member", true));
        }
        return out;
    }

    /** The description of a new global secondary index, for CreateTable and UpdateTable. */
    static ObjectNode globalIndex(JsonNode gsi, String billingMode, String tableArn, String path, boolean atCreation) {
        String name = Json.text(gsi, "IndexName");
        ObjectNode index = IndexDefinitions.describe(gsi, tableArn);
        index.put("IndexStatus", "ACTIVE");
        index.set("ProvisionedThroughput", Throughputs.forNewIndex(billingMode,
                Json.object(gsi, "ProvisionedThroughput"), name, path + ".provisionedThroughput", atCreation));
        ObjectNode onDemand = Throughputs.onDemand(Json.object(gsi, "OnDemandThroughput"), billingMode,
                "index : " + name, false);
        if (onDemand != null) {
            index.set("OnDemandThroughput", onDemand);
        }
        return index;
    }

    private static void unique(String name, Set<String> indexNames) {
        if (!indexNames.add(name)) {
            throw DynamoException.validation(INVALID + "Duplicate index name: " + name);
        }
    }

    private static void checkProjectedCount(JsonNode lsis, JsonNode gsis) {
        int count = 0;
        for (JsonNode list : new JsonNode[] {lsis, gsis}) {
            if (list != null) {
                for (JsonNode index : list) {
                    count += IndexDefinitions.nonKeyAttributeCount(index);
                }
            }
        }
        if (count > MAX_PROJECTED) {
            throw DynamoException.validation(INVALID + "The number of projected attributes in all indexes exceeds "
                    + "the limit of " + MAX_PROJECTED + ", provided: " + count);
        }
    }
}
