package dev.dynamotest.core.internal.ops.tables;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.RandomIds;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.protocol.ListPage;
import dev.dynamotest.core.internal.routing.Api;
import dev.dynamotest.core.internal.routing.Routes;
import dev.dynamotest.core.internal.schema.GlobalTables;
import dev.dynamotest.core.internal.schema.Streams;
import dev.dynamotest.core.internal.schema.TableDescriptions;
import dev.dynamotest.core.internal.schema.TableNames;
import dev.dynamotest.core.internal.storage.TableCatalog;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import java.time.Instant;

/** The table operations: CreateTable, DescribeTable, ListTables, UpdateTable, DeleteTable. */
public final class TableOperations {

    private final EngineContext ctx;
    private final TableSchemaValidator schemas = new TableSchemaValidator();
    private final TableUpdates updates;

    private final GlobalTables globalTables;

    public TableOperations(EngineContext ctx, GlobalTables globalTables) {
        this.ctx = ctx;
        this.updates = new TableUpdates(ctx, globalTables);
        this.globalTables = globalTables;
    }

    /** Registers the table operations, the tag operations and DescribeLimits. */
    public void registerIn(Routes routes) {
        Tags tags = new Tags(ctx);
        routes.add(Api.DYNAMODB, "CreateTable", this::createTable);
        routes.add(Api.DYNAMODB, "DescribeTable", this::describeTable);
        routes.add(Api.DYNAMODB, "ListTables", this::listTables);
        routes.add(Api.DYNAMODB, "UpdateTable", this::updateTable);
        routes.add(Api.DYNAMODB, "DeleteTable", this::deleteTable);
        routes.add(Api.DYNAMODB, "TagResource", tags::tagResource);
        routes.add(Api.DYNAMODB, "UntagResource", tags::untagResource);
        routes.add(Api.DYNAMODB, "ListTagsOfResource", tags::listTagsOfResource);
        routes.add(Api.DYNAMODB, "DescribeLimits", new AccountOperations()::describeLimits);
    }

    public ObjectNode createTable(String region, ObjectNode request) {
        String name = Json.text(request, "TableName");
        JsonNode keySchema = Json.array(request, "KeySchema");
        JsonNode attributeDefinitions = Json.array(request, "AttributeDefinitions");
        new Constraints()
                .tableName(name, "tableName")
                .notNull(keySchema, "keySchema")
                .notNull(attributeDefinitions, "attributeDefinitions")
                .oneOf(Json.text(request, "BillingMode"), "billingMode", "PROVISIONED", "PAY_PER_REQUEST")
                .oneOf(Json.text(request, "TableClass"), "tableClass", "STANDARD", "STANDARD_INFREQUENT_ACCESS")
                .check();
        Instant now = ctx.config().clock().now();
        ObjectNode description = schemas.describeNewTable(request, name, ctx.tableArn(region, name), now);
        Tags.validate(Json.array(request, "Tags"));
        TableMeta meta = TableCatalog.fromDescription(ctx.catalog().newId(), region, description);
        Streams.apply(ctx, meta, description, Json.object(request, "StreamSpecification"), now);
        Encryption.apply(description, Json.object(request, "SSESpecification"), region, ctx.config().accountId(),
                false);
        Tags.initial(description, Json.array(request, "Tags"));
        meta = meta.withDescription(description);
        if (!ctx.catalog().add(meta)) {
            throw DynamoException.resourceInUse("Table already exists: " + name);
        }
        Streams.publish(ctx, null, meta, now);
        ObjectNode response = NODES.objectNode();
        response.set("TableDescription", TableDescriptions.live(ctx, meta, "CREATING"));
        return response;
    }

    public ObjectNode describeTable(String region, ObjectNode request) {
        TableMeta table = TableNames.resolve(ctx, region, Json.text(request, "TableName"));
        ObjectNode response = NODES.objectNode();
        response.set("Table", TableDescriptions.live(ctx, table, updates.status(table)));
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
        ListPage<TableMeta> page = ListPage.of(ctx.catalog().list(region),
                table -> start == null || table.name().compareTo(start) > 0, limit == null ? 100 : limit.intValue());
        ObjectNode response = NODES.objectNode();
        ArrayNode names = response.putArray("TableNames");
        page.elements().forEach(table -> names.add(table.name()));
        if (page.more()) {
            response.put("LastEvaluatedTableName", page.lastEvaluated(TableMeta::name));
        }
        return response;
    }

    public ObjectNode deleteTable(String region, ObjectNode request) {
        synchronized (ctx.catalog()) {
            TableMeta table = TableNames.resolve(ctx, region, Json.text(request, "TableName"));
            if (table.description().path("DeletionProtectionEnabled").asBoolean(false)) {
                throw DynamoException.validation("Resource cannot be deleted as it is currently protected against "
                        + "deletion. Disable deletion protection first.");
            }
            ObjectNode description = TableDescriptions.deleting(ctx, table);
            ctx.catalog().remove(table);
            Streams.publish(ctx, table, null, ctx.config().clock().now());
            globalTables.deleted(table);
            ObjectNode response = NODES.objectNode();
            response.set("TableDescription", description);
            return response;
        }
    }

    public ObjectNode updateTable(String region, ObjectNode request) {
        return updates.updateTable(region, request);
    }

    static String newTableId() {
        return RandomIds.uuid().toString();
    }
}
