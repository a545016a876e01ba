package dev.dynamotest.core.internal.ops;

import static dev.dynamotest.core.internal.ops.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.storage.TableCatalog;
import dev.dynamotest.core.internal.storage.TableMeta;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The table operations: CreateTable, DescribeTable, ListTables, UpdateTable, DeleteTable. */
public final class TableOperations {

    private final EngineContext ctx;
    private final TableSchemaValidator schemas = new TableSchemaValidator();

    public TableOperations(EngineContext ctx) {
        this.ctx = ctx;
    }

    public ObjectNode createTable(String region, ObjectNode request) {
        String name = Json.text(request, "TableName");
        JsonNode keySchema = Json.array(request, "KeySchema");
        JsonNode attributeDefinitions = Json.array(request, "AttributeDefinitions");
        String billingMode = Json.text(request, "BillingMode");
        new Constraints()
                .tableName(name, "tableName")
                .notNull(keySchema, "keySchema")
                .notNull(attributeDefinitions, "attributeDefinitions")
                .oneOf(billingMode, "billingMode", "PROVISIONED", "PAY_PER_REQUEST")
                .oneOf(Json.text(request, "TableClass"), "tableClass", "STANDARD", "STANDARD_INFREQUENT_ACCESS")
                .check();
        ObjectNode description = schemas.describeNewTable(request, name,
                ctx.tableArn(region, name), ctx.config().clock().now());
        Tags.validate(Json.array(request, "Tags"));
        TableMeta meta = TableCatalog.fromDescription(ctx.catalog().newId(), region, description);
        Streams.apply(meta, description, Json.object(request, "StreamSpecification"), ctx.config().clock().now());
        Tags.initial(description, Json.array(request, "Tags"));
        meta = meta.withDescription(description);
        if (!ctx.catalog().add(meta)) {
            throw DynamoException.resourceInUse("Table already exists: " + name);
        }
        ObjectNode response = NODES.objectNode();
        response.set("TableDescription", TableDescriptions.live(ctx, meta, "CREATING"));
        return response;
    }

    public ObjectNode describeTable(String region, ObjectNode request) {
        String name = Json.text(request, "TableName");
        new Constraints().tableName(name, "tableName").check();
        TableMeta table = ctx.catalog().find(region, name).orElseThrow(() -> DynamoException.resourceNotFound(
                "Requested resource not found: Table: " + name + " not found"));
        ObjectNode response = NODES.objectNode();
        response.set("Table", TableDescriptions.live(ctx, table, "ACTIVE"));
        return response;
    }

    public ObjectNode listTables(String region, ObjectNode request) {
        Long limit = Json.integer(request, "Limit");
        String start = Json.text(request, "ExclusiveStartTableName");
        Constraints constraints = new Constraints().range(limit, "limit", 1, 100);
        if (start != null) {
            constraints.tableName(start, "exclusiveStartTableName");
        }
        constraints.check();
        int max = limit == null ? 100 : limit.intValue();
        ArrayNode names = NODES.arrayNode();
        String last = null;
        List<TableMeta> tables = ctx.catalog().list(region);
        int i = 0;
        for (; i < tables.size(); i++) {
            String tableName = tables.get(i).name();
            if (start != null && tableName.compareTo(start) <= 0) {
                continue;
            }
            if (names.size() == max) {
                break;
            }
            names.add(tableName);
            last = tableName;
        }
        ObjectNode response = NODES.objectNode();
        response.set("TableNames", names);
        if (i < tables.size() && last != null) {
            response.put("LastEvaluatedTableName", last);
        }
        return response;
    }

    public ObjectNode deleteTable(String region, ObjectNode request) {
        String name = Json.text(request, "TableName");
        new Constraints().tableName(name, "tableName").check();
        TableMeta table = ctx.catalog().find(region, name).orElseThrow(() -> DynamoException.resourceNotFound(
                "Requested resource not found: Table: " + name + " not found"));
        if (table.description().path("DeletionProtectionEnabled").asBoolean(false)) {
            throw DynamoException.validation("Resource cannot be deleted as it is currently protected against "
                    + "deletion. Disable deletion protection first.");
        }
        ObjectNode description = TableDescriptions.live(ctx, table, "DELETING");
        ctx.catalog().remove(table);
        ObjectNode response = NODES.objectNode();
        response.set("TableDescription", description);
        return response;
    }

    public ObjectNode updateTable(String region, ObjectNode request) {
        String name = Json.text(request, "TableName");
        String billingMode = Json.text(request, "BillingMode");
        new Constraints()
                .tableName(name, "tableName")
                .oneOf(billingMode, "billingMode", "PROVISIONED", "PAY_PER_REQUEST")
                .oneOf(Json.text(request, "TableClass"), "tableClass", "STANDARD", "STANDARD_INFREQUENT_ACCESS")
                .check();
        TableMeta table = ctx.catalog().find(region, name).orElseThrow(() -> DynamoException.resourceNotFound(
                "Requested resource not found: Table: " + name + " not found"));
        ObjectNode description = table.description();
        boolean changed = false;
        String currentMode = description.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED");
        String newMode = billingMode == null ? currentMode : billingMode;
        JsonNode throughput = Json.object(request, "ProvisionedThroughput");
        if (billingMode != null && !billingMode.equals(currentMode)) {
            changed = true;
        }
        if ("PAY_PER_REQUEST".equals(newMode) && throughput != null) {
            throw DynamoException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits "
                    + "nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        if ("PROVISIONED".equals(newMode) && !"PROVISIONED".equals(currentMode) && throughput == null) {
            throw DynamoException.validation("One or more parameter values were invalid: ProvisionedThroughput "
                    + "must be specified when BillingMode is PROVISIONED");
        }
        if (throughput != null) {
            ObjectNode pt = TableSchemaValidator.throughput(throughput, "provisionedThroughput");
            JsonNode old = description.path("ProvisionedThroughput");
            if (billingMode == null && old.path("ReadCapacityUnits").asLong() == pt.path("ReadCapacityUnits").asLong()
                    && old.path("WriteCapacityUnits").asLong() == pt.path("WriteCapacityUnits").asLong()) {
                throw DynamoException.validation("The provisioned throughput for the table will not change. The "
                        + "requested value equals the current value. Current ReadCapacityUnits provisioned for the "
                        + "table: " + old.path("ReadCapacityUnits").asLong() + ". Requested ReadCapacityUnits: "
                        + pt.path("ReadCapacityUnits").asLong() + ". Current WriteCapacityUnits provisioned for the "
                        + "table: " + old.path("WriteCapacityUnits").asLong() + ". Requested WriteCapacityUnits: "
                        + pt.path("WriteCapacityUnits").asLong() + ". Refer to the Amazon DynamoDB Developer Guide "
                        + "for current limits and how to request higher limits.");
            }
            pt.put("NumberOfDecreasesToday", 0);
            if (old.has("LastIncreaseDateTime")) {
                pt.set("LastIncreaseDateTime", old.get("LastIncreaseDateTime"));
            }
            description.set("ProvisionedThroughput", pt);
            changed = true;
        } else if ("PAY_PER_REQUEST".equals(newMode)) {
            description.set("ProvisionedThroughput", TableSchemaValidator.zeroThroughput());
        }
        if (billingMode != null) {
            ObjectNode summary = description.putObject("BillingModeSummary");
            summary.put("BillingMode", newMode);
            if ("PAY_PER_REQUEST".equals(newMode)) {
                summary.put("LastUpdateToPayPerRequestDateTime", Times.epochSeconds(ctx.config().clock().now()));
            }
        }
        String tableClass = Json.text(request, "TableClass");
        if (tableClass != null) {
            description.putObject("TableClassSummary").put("TableClass", tableClass);
            changed = true;
        }
        if (request.has("DeletionProtectionEnabled")) {
            description.put("DeletionProtectionEnabled", Json.bool(request, "DeletionProtectionEnabled", false));
            changed = true;
        }
        JsonNode streamSpec = Json.object(request, "StreamSpecification");
        if (streamSpec != null) {
            Streams.update(table, description, streamSpec, ctx.config().clock().now());
            changed = true;
        }
        if (request.has("GlobalSecondaryIndexUpdates") || request.has("ReplicaUpdates")
                || request.has("AttributeDefinitions") || request.has("SSESpecification")
                || request.has("OnDemandThroughput") || request.has("WarmThroughput")) {
            changed = true;
        }
        if (!changed) {
            throw DynamoException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        TableMeta updated = table.withDescription(description);
        ctx.catalog().update(updated);
        ObjectNode response = NODES.objectNode();
        response.set("TableDescription", TableDescriptions.live(ctx, updated, "UPDATING"));
        return response;
    }

    static Map<String, String> attributeTypes(JsonNode definitions) {
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode d : definitions) {
            types.put(d.path("AttributeName").asText(), d.path("AttributeType").asText());
        }
        return types;
    }

    static Set<String> names(JsonNode keySchema) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode k : keySchema) {
            names.add(k.path("AttributeName").asText());
        }
        return names;
    }

    static String newTableId() {
        return UUID.randomUUID().toString();
    }
}
