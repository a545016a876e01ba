package dev.dynamotest.core.internal.ops.globaltables;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;
import static dev.dynamotest.core.internal.schema.Throughputs.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.protocol.ListPage;
import dev.dynamotest.core.internal.routing.Api;
import dev.dynamotest.core.internal.routing.Routes;
import dev.dynamotest.core.internal.schema.TableDescriptions;
import dev.dynamotest.core.internal.schema.Throughputs;
import dev.dynamotest.core.internal.schema.Times;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Global tables version 2017.11.29 (legacy): CreateGlobalTable, DescribeGlobalTable, UpdateGlobalTable,
 * ListGlobalTables and DescribeGlobalTableSettings over tables of the same name that already exist, empty and
 * streamed (NEW_AND_OLD_IMAGES), in each region. The group is kept in each member's description, as for the
 * current version, and replicated the same way; items written in such a table carry the {@code aws:rep:*}
 * attributes that version adds.
 */
public final class LegacyGlobalTables {

    /** Where a legacy global table's creation time is kept in its members' descriptions (never described). */
    public static final String CREATED = TableDescriptions.LEGACY_CREATED;

    private final EngineContext ctx;
    private final Replicator replication;

    public LegacyGlobalTables(EngineContext ctx, Replicator replication) {
        this.ctx = ctx;
        this.replication = replication;
    }

    /** Registers the operations of global tables version 2017.11.29. */
    public void registerIn(Routes routes) {
        routes.add(Api.DYNAMODB, "CreateGlobalTable", this::createGlobalTable);
        routes.add(Api.DYNAMODB, "DescribeGlobalTable", this::describeGlobalTable);
        routes.add(Api.DYNAMODB, "UpdateGlobalTable", this::updateGlobalTable);
        routes.add(Api.DYNAMODB, "ListGlobalTables", this::listGlobalTables);
        routes.add(Api.DYNAMODB, "DescribeGlobalTableSettings", this::describeGlobalTableSettings);
        routes.add(Api.DYNAMODB, "UpdateGlobalTableSettings", this::updateGlobalTableSettings);
    }

    public ObjectNode createGlobalTable(String region, ObjectNode request) {
        String name = globalTableName(request);
        JsonNode group = Json.array(request, "ReplicationGroup");
        new Constraints().notNull(group, "replicationGroup").check();
        Set<String> regions = new LinkedHashSet<>();
        for (JsonNode replica : group) {
            regions.add(Json.text(replica, "RegionName"));
        }
        synchronized (ctx.catalog()) {
            if (find(name) != null) {
                throw new DynamoException("GlobalTableAlreadyExistsException", "Global table with name: '" + name
                        + "' already exists.");
            }
            for (String member : regions) {
                checkJoinable(name, member);
            }
            return linkAll(name, new ArrayList<>(regions), Times.epochSeconds(ctx.config().clock().now()),
                    "CREATING");
        }
    }

    public ObjectNode describeGlobalTable(String region, ObjectNode request) {
        return descriptionResponse(globalTableName(request), "ACTIVE");
    }

    /** Makes every member a replica of the group, then answers with the group's description. */
    private ObjectNode linkAll(String name, List<String> members, BigDecimal created, String status) {
        for (String member : members) {
            link(member, name, members, created);
        }
        return descriptionResponse(name, status);
    }

    private ObjectNode descriptionResponse(String name, String status) {
        ObjectNode response = NODES.objectNode();
        response.set("GlobalTableDescription", describe(name, status));
        return response;
    }

    public ObjectNode updateGlobalTable(String region, ObjectNode request) {
        String name = globalTableName(request);
        JsonNode updates = Json.array(request, "ReplicaUpdates");
        new Constraints().notNull(updates, "replicaUpdates").check();
        synchronized (ctx.catalog()) {
            TableMeta table = existing(name);
            List<String> members = GlobalTableReplicas.group(table);
            BigDecimal created = table.description().path(CREATED).decimalValue();
            for (JsonNode update : updates) {
                if (update.has("Create")) {
                    String target = Json.text(update.get("Create"), "RegionName");
                    if (members.contains(target)) {
                        throw new DynamoException("ReplicaAlreadyExistsException", "Replica already exists: "
                                + target);
                    }
                    checkJoinable(name, target);
                    members.add(target);
                } else if (update.has("Delete")) {
                    String target = Json.text(update.get("Delete"), "RegionName");
                    if (!members.remove(target)) {
                        throw new DynamoException("ReplicaNotFoundException", "Replica not found: " + target);
                    }
                    unlink(target, name);
                } else {
                    throw DynamoException.validation(INVALID + "One of Create or Delete must be specified in each "
                            + "ReplicaUpdate");
                }
            }
            return linkAll(name, members, created, "UPDATING");
        }
    }

    public ObjectNode listGlobalTables(String region, ObjectNode request) {
        String start = Json.text(request, "ExclusiveStartGlobalTableName");
        Long limit = Json.integer(request, "Limit");
        String regionName = Json.text(request, "RegionName");
        new Constraints().range(limit, "limit", 1, 100).check();
        TreeMap<String, List<String>> tables = new TreeMap<>();
        for (String r : ctx.catalog().regions()) {
            for (TableMeta table : ctx.catalog().list(r)) {
                if (GlobalTableReplicas.LEGACY.equals(GlobalTableReplicas.version(table))) {
                    tables.putIfAbsent(table.name(), GlobalTableReplicas.group(table));
                }
            }
        }
        ListPage<Map.Entry<String, List<String>>> page = ListPage.of(tables.entrySet(),
                entry -> (start == null || entry.getKey().compareTo(start) > 0)
                        && (regionName == null || entry.getValue().contains(regionName)),
                limit == null ? Integer.MAX_VALUE : limit.intValue());
        ObjectNode response = NODES.objectNode();
        ArrayNode list = response.putArray("GlobalTables");
        for (var entry : page.elements()) {
            ObjectNode t = list.addObject().put("GlobalTableName", entry.getKey());
            ArrayNode group = t.putArray("ReplicationGroup");
            entry.getValue().stream().sorted().forEach(r -> group.addObject().put("RegionName", r));
        }
        if (page.more()) {
            response.put("LastEvaluatedGlobalTableName", page.lastEvaluated(Map.Entry::getKey));
        }
        return response;
    }

    public ObjectNode describeGlobalTableSettings(String region, ObjectNode request) {
        String name = globalTableName(request);
        TableMeta table = existing(name);
        ObjectNode response = NODES.objectNode().put("GlobalTableName", name);
        ArrayNode settings = response.putArray("ReplicaSettings");
        for (String member : GlobalTableReplicas.group(table).stream().sorted().toList()) {
            ctx.catalog().find(member, name).ifPresent(replica -> settings.add(settings(replica)));
        }
        return response;
    }

    /**
     * Sets the billing mode and write capacity of every replica, and the read capacity of the replicas named in
     * {@code ReplicaSettingsUpdate}; answers the settings as DescribeGlobalTableSettings does.
     */
    public ObjectNode updateGlobalTableSettings(String region, ObjectNode request) {
        String name = globalTableName(request);
        String mode = Json.text(request, "GlobalTableBillingMode");
        Long write = Json.integer(request, "GlobalTableProvisionedWriteCapacityUnits");
        new Constraints().oneOf(mode, "globalTableBillingMode", Throughputs.PROVISIONED, Throughputs.PAY_PER_REQUEST)
                .range(write, "globalTableProvisionedWriteCapacityUnits", 1, Long.MAX_VALUE).check();
        synchronized (ctx.catalog()) {
            List<String> members = GlobalTableReplicas.group(existing(name));
            JsonNode updates = request.path("ReplicaSettingsUpdate");
            for (JsonNode update : updates) {
                String target = Json.text(update, "RegionName");
                if (!members.contains(target)) {
                    throw new DynamoException("ReplicaNotFoundException", "Replica not found: " + target);
                }
            }
            for (String member : members) {
                TableMeta table = ctx.table(member, name);
                ObjectNode d = table.description();
                if (mode != null) {
                    d.putObject("BillingModeSummary").put("BillingMode", mode);
                    if (Throughputs.PAY_PER_REQUEST.equals(mode)) {
                        d.set("ProvisionedThroughput", Throughputs.zero());
                    }
                }
                ObjectNode throughput = d.path("ProvisionedThroughput") instanceof ObjectNode o ? o
                        : d.putObject("ProvisionedThroughput");
                if (write != null) {
                    throughput.put("WriteCapacityUnits", write);
                }
                for (JsonNode update : updates) {
                    Long read = Json.integer(update, "ReplicaProvisionedReadCapacityUnits");
                    if (member.equals(Json.text(update, "RegionName")) && read != null) {
                        throughput.put("ReadCapacityUnits", read);
                    }
                }
                ctx.catalog().update(table.withDescription(d));
            }
            return describeGlobalTableSettings(region, request.deepCopy().retain("GlobalTableName"));
        }
    }

    private static ObjectNode settings(TableMeta table) {
        JsonNode d = table.description();
        ObjectNode s = NODES.objectNode().put("RegionName", table.region()).put("ReplicaStatus", "ACTIVE");
        String mode = d.path("BillingModeSummary").path("BillingMode").asText(Throughputs.PROVISIONED);
        s.putObject("ReplicaBillingModeSummary").put("BillingMode", mode);
        s.put("ReplicaProvisionedReadCapacityUnits", d.path("ProvisionedThroughput").path("ReadCapacityUnits")
                .asLong(0));
        s.put("ReplicaProvisionedWriteCapacityUnits", d.path("ProvisionedThroughput").path("WriteCapacityUnits")
                .asLong(0));
        ArrayNode indexes = s.putArray("ReplicaGlobalSecondaryIndexSettings");
        for (JsonNode index : d.path("GlobalSecondaryIndexes")) {
            indexes.addObject().put("IndexName", index.path("IndexName").asText()).put("IndexStatus", "ACTIVE")
                    .put("ProvisionedReadCapacityUnits", index.path("ProvisionedThroughput")
                            .path("ReadCapacityUnits").asLong(0))
                    .put("ProvisionedWriteCapacityUnits", index.path("ProvisionedThroughput")
                            .path("WriteCapacityUnits").asLong(0));
        }
        return s;
    }

    private static String globalTableName(ObjectNode request) {
        String name = Json.text(request, "GlobalTableName");
        new Constraints().notNull(name, "globalTableName").check();
        new Constraints().name(name, "globalTableName", 255).check();
        return name;
    }

    /** A member of the legacy global table of that name, or {@code null}. */
    private TableMeta find(String name) {
        for (String region : ctx.catalog().regions()) {
            TableMeta table = ctx.catalog().find(region, name).orElse(null);
            if (table != null && GlobalTableReplicas.LEGACY.equals(GlobalTableReplicas.version(table))) {
                return table;
            }
        }
        return null;
    }

    private TableMeta existing(String name) {
        TableMeta table = find(name);
        if (table == null) {
            throw new DynamoException("GlobalTableNotFoundException", "Global table not found: Global table with "
                    + "name: '" + name + "' does not exist.");
        }
        return table;
    }

    private void checkJoinable(String name, String region) {
        TableMeta table = ctx.catalog().find(region, name).orElseThrow(() -> new DynamoException(
                "TableNotFoundException", "Table not found: Table: " + name + " not found in region: " + region));
        JsonNode stream = table.description().path("StreamSpecification");
        if (!stream.path("StreamEnabled").asBoolean(false)
                || !"NEW_AND_OLD_IMAGES".equals(stream.path("StreamViewType").asText())) {
            throw DynamoException.validation(INVALID + "Table: " + name + " in region: " + region + " does not have "
                    + "DynamoDB Streams enabled with StreamViewType NEW_AND_OLD_IMAGES");
        }
        if (GlobalTableReplicas.version(table) != null) {
            throw DynamoException.validation(INVALID + "Table: " + name + " in region: " + region + " is already "
                    + "a replica of a global table");
        }
        if (ctx.items().countAndSize(table)[0] > 0) {
            throw DynamoException.validation(INVALID + "Table: " + name + " in region: " + region + " is not "
                    + "empty; a replica can only be added to an empty global table");
        }
    }

    private void link(String member, String name, List<String> members, BigDecimal created) {
        TableMeta table = ctx.table(member, name);
        ObjectNode d = table.description();
        ArrayNode replicas = d.putArray("Replicas");
        members.stream().filter(r -> !r.equals(member))
                .forEach(r -> replicas.addObject().put("RegionName", r).put("ReplicaStatus", "ACTIVE"));
        d.put("GlobalTableVersion", GlobalTableReplicas.LEGACY);
        d.put(CREATED, created);
        ctx.catalog().update(table.withDescription(d));
    }

    private void unlink(String member, String name) {
        ctx.catalog().find(member, name).ifPresent(table -> {
            ObjectNode d = table.description();
            d.remove("Replicas");
            d.remove("GlobalTableVersion");
            d.remove(CREATED);
            ctx.catalog().update(table.withDescription(d));
            replication.forget(member, name);
        });
    }

    private ObjectNode describe(String name, String status) {
        TableMeta table = existing(name);
        ObjectNode d = NODES.objectNode();
        ArrayNode group = d.putArray("ReplicationGroup");
        GlobalTableReplicas.group(table).stream().sorted().forEach(r -> group.addObject().put("RegionName", r));
        d.put("GlobalTableArn", "arn:aws:dynamodb::" + ctx.config().accountId() + ":global-table/" + name);
        d.set("CreationDateTime", table.description().path(CREATED));
        d.put("GlobalTableStatus", status);
        d.put("GlobalTableName", name);
        return d;
    }
}
