package dev.dynamotest.core.internal.ops.globaltables;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;
import static dev.dynamotest.core.internal.schema.Throughputs.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.routing.OperationCaller;
import dev.dynamotest.core.internal.schema.GlobalTables;
import dev.dynamotest.core.internal.schema.Streams;
import dev.dynamotest.core.internal.schema.TableDescriptions;
import dev.dynamotest.core.internal.schema.Throughputs;
import dev.dynamotest.core.internal.schema.Times;
import dev.dynamotest.core.internal.storage.ItemStore;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.storage.StoredRow;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.internal.write.LegacyReplicaStamp;
import dev.dynamotest.core.internal.write.WritePath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replica group of a global table: creating a replica in another region (a table with the same schema,
 * backfilled with the existing items), changing and deleting one, and keeping {@code Replicas} and
 * {@code GlobalTableVersion} in the description of every replica. Replication itself is the
 * {@link Replicator}'s.
 */
public final class GlobalTableReplicas implements GlobalTables {

    static final String CURRENT = "2019.11.21";
    public static final String LEGACY = LegacyReplicaStamp.VERSION;
    private static final int BACKFILL_PAGE = 500;

    private final EngineContext ctx;
    private final Replicator replication;
    private final OperationCaller operations;

    /** {@code operations} runs CreateTable for a new replica. */
    public GlobalTableReplicas(EngineContext ctx, Replicator replication, OperationCaller operations) {
        this.ctx = ctx;
        this.replication = replication;
        this.operations = operations;
    }

    /** Every region of the table's replica group, the table's own first. */
    public static List<String> group(TableMeta table) {
        List<String> regions = new ArrayList<>();
        regions.add(table.region());
        regions.addAll(TableDescriptions.replicaRegions(table));
        return regions;
    }

    public static String version(TableMeta table) {
        return table.description().path("GlobalTableVersion").asText(null);
    }

    @Override
    public ObjectNode update(String region, TableMeta table, JsonNode updates) {
        List<Runnable> steps = new ArrayList<>();
        List<String> creating = new ArrayList<>();
        int n = 0;
        for (JsonNode update : updates) {
            n++;
            String path = "replicaUpdates." + n + ".member";
            int actions = (update.has("Create") ? 1 : 0) + (update.has("Update") ? 1 : 0)
                    + (update.has("Delete") ? 1 : 0);
            if (actions != 1) {
                throw DynamoException.validation(INVALID + "One of Create, Update or Delete must be specified in "
                        + "each ReplicationGroupUpdate");
            }
            if (update.has("Create")) {
                String target = regionName(update.get("Create"), path + ".create.regionName");
                checkCreate(table, target);
                creating.add(target);
                steps.add(() -> create(table.name(), region, target, update.get("Create"), CURRENT));
            } else if (update.has("Update")) {
                String target = regionName(update.get("Update"), path + ".update.regionName");
                checkMember(table, target);
                steps.add(() -> updateReplica(table.name(), region, target, update.get("Update")));
            } else {
                String target = regionName(update.get("Delete"), path + ".delete.regionName");
                checkMember(table, target);
                steps.add(() -> delete(table.name(), region, target));
            }
        }
        steps.forEach(Runnable::run);
        TableMeta after = ctx.catalog().find(region, table.name()).orElse(table);
        ObjectNode d = TableDescriptions.live(ctx, after, "UPDATING");
        for (JsonNode replica : d.path("Replicas")) {
            if (creating.contains(replica.path("RegionName").asText())) {
                ((ObjectNode) replica).put("ReplicaStatus", "CREATING");
            }
        }
        return d;
    }

    private static String regionName(JsonNode action, String path) {
        JsonNode name = action.get("RegionName");
        if (name == null || name.isNull()) {
            throw DynamoException.validation("1 validation error detected: Value null at '" + path
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return name.asText();
    }

    private void checkCreate(TableMeta table, String target) {
        if (LEGACY.equals(version(table))) {
            throw DynamoException.validation(INVALID + "Table " + table.name() + " is a global table of version "
                    + LEGACY + "; add its replicas with UpdateGlobalTable");
        }
        JsonNode stream = table.description().path("StreamSpecification");
        if (!stream.path("StreamEnabled").asBoolean(false)
                || !"NEW_AND_OLD_IMAGES".equals(stream.path("StreamViewType").asText())) {
            throw DynamoException.validation(INVALID + "Table must have DynamoDB Streams enabled with "
                    + "StreamViewType NEW_AND_OLD_IMAGES to add a replica: " + table.name());
        }
        if (group(table).contains(target)) {
            throw DynamoException.validation(INVALID + "Replica already exists in region " + target + " for table "
                    + table.name());
        }
        if (ctx.catalog().find(target, table.name()).isPresent()) {
            throw DynamoException.validation("Failed to create a the new replica of table with name: '"
                    + table.name() + "' because one or more replicas already existed as tables.");
        }
    }

    private static void checkMember(TableMeta table, String target) {
        if (!group(table).contains(target)) {
            throw DynamoException.validation(INVALID + "Replica does not exist in region " + target + " for table "
                    + table.name());
        }
    }

    /**
     * Creates the replica in {@code target} with the schema of the table in {@code region}, links every member to
     * it, and copies the existing items into it while no replicated change is delivered.
     */
    public void create(String name, String region, String target, JsonNode spec, String version) {
        TableMeta source = ctx.table(region, name);
        operations.call(target, "CreateTable", createRequest(source, spec));
        List<String> members = group(source);
        members.add(target);
        for (String member : members) {
            link(member, name, members, version);
        }
        shareTimeToLive(region, target, name);
        TableMeta from = ctx.table(region, name);
        TableMeta to = ctx.table(target, name);
        replication.exclusive(() -> backfill(from, to));
    }

    /**
     * Gives a new replica the time to live of the replica it was created from; the expired items are deleted in
     * that one ({@code SweptIn}) and the deletions replicated, as after UpdateTimeToLive on a global table.
     */
    private void shareTimeToLive(String region, String target, String name) {
        TableMeta source = ctx.table(region, name);
        JsonNode ttl = source.description().path(TableDescriptions.LIFECYCLE_FIELD).path("Ttl");
        if (!ttl.path("Enabled").asBoolean(false)) {
            return;
        }
        ObjectNode shared = ((ObjectNode) ttl.deepCopy()).put("SweptIn", ttl.path("SweptIn").asText(region));
        for (TableMeta table : List.of(source, ctx.table(target, name))) {
            ObjectNode d = table.description();
            JsonNode state = d.get(TableDescriptions.LIFECYCLE_FIELD);
            (state instanceof ObjectNode o ? o : d.putObject(TableDescriptions.LIFECYCLE_FIELD)).set("Ttl", shared.deepCopy());
            ctx.catalog().update(table.withDescription(d));
        }
    }

    private void backfill(TableMeta from, TableMeta to) {
        StoredKey after = null;
        while (true) {
            List<StoredRow> page = ctx.items().scan(from, ItemStore.BASE, Integer.MIN_VALUE, Integer.MAX_VALUE, after,
                    BACKFILL_PAGE);
            List<WritePath.Write> writes = new ArrayList<>();
            for (StoredRow row : page) {
                var item = row.item();
                writes.add(new WritePath.Write(to, to.keyOf(item),
                        current -> replication.backfilled(from, to.region(), item), Replicator.ORIGIN));
            }
            if (!writes.isEmpty()) {
                ctx.writes().apply(writes);
            }
            if (page.size() < BACKFILL_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).key();
        }
    }

    /**
     * The CreateTable request of a replica: the source's keys, indexes, billing and on-demand maximum write
     * throughput, with a NEW_AND_OLD stream.
     */
    private static ObjectNode createRequest(TableMeta source, JsonNode spec) {
        ObjectNode d = source.description();
        ObjectNode r = NODES.objectNode();
        r.put("TableName", source.name());
        r.set("KeySchema", d.get("KeySchema"));
        r.set("AttributeDefinitions", d.get("AttributeDefinitions"));
        String mode = d.path("BillingModeSummary").path("BillingMode").asText(Throughputs.PROVISIONED);
        boolean provisioned = Throughputs.PROVISIONED.equals(mode);
        r.put("BillingMode", mode);
        JsonNode override = spec.path("ProvisionedThroughputOverride");
        if (provisioned) {
            r.set("ProvisionedThroughput", capacity(d.path("ProvisionedThroughput"), override));
        }
        if (d.has("LocalSecondaryIndexes")) {
            ArrayNode lsis = r.putArray("LocalSecondaryIndexes");
            for (JsonNode index : d.get("LocalSecondaryIndexes")) {
                lsis.addObject().put("IndexName", index.path("IndexName").asText())
                        .setAll(Map.of("KeySchema", index.get("KeySchema"), "Projection", index.get("Projection")));
            }
        }
        if (d.has("GlobalSecondaryIndexes")) {
            ArrayNode gsis = r.putArray("GlobalSecondaryIndexes");
            for (JsonNode index : d.get("GlobalSecondaryIndexes")) {
                ObjectNode copy = gsis.addObject().put("IndexName", index.path("IndexName").asText());
                copy.set("KeySchema", index.get("KeySchema"));
                copy.set("Projection", index.get("Projection"));
                if (provisioned) {
                    copy.set("ProvisionedThroughput", capacity(index.path("ProvisionedThroughput"),
                            indexOverride(spec, index.path("IndexName").asText())));
                }
            }
        }
        long maxWrite = d.path("OnDemandThroughput").path("MaxWriteRequestUnits").asLong(-1);
        if (!provisioned && maxWrite > 0) {
            r.putObject("OnDemandThroughput").put("MaxWriteRequestUnits", maxWrite);
        }
        r.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", "NEW_AND_OLD_IMAGES");
        String tableClass = spec.path("TableClassOverride").asText(
                d.path("TableClassSummary").path("TableClass").asText(null));
        if (tableClass != null) {
            r.put("TableClass", tableClass);
        }
        return r;
    }

    private static ObjectNode capacity(JsonNode throughput, JsonNode override) {
        return NODES.objectNode()
                .put("ReadCapacityUnits", override.path("ReadCapacityUnits")
                        .asLong(throughput.path("ReadCapacityUnits").asLong(1)))
                .put("WriteCapacityUnits", throughput.path("WriteCapacityUnits").asLong(1));
    }

    private static JsonNode indexOverride(JsonNode spec, String indexName) {
        for (JsonNode index : spec.path("GlobalSecondaryIndexes")) {
            if (indexName.equals(index.path("IndexName").asText())) {
                return index.path("ProvisionedThroughputOverride");
            }
        }
        return NODES.missingNode();
    }

    /** Writes the replica list (every member but itself) and the version into one member's description. */
    private void link(String member, String name, List<String> members, String version) {
        TableMeta table = ctx.table(member, name);
        ObjectNode d = table.description();
        JsonNode previous = d.path("Replicas");
        ArrayNode replicas = NODES.arrayNode();
        for (String region : members) {
            if (region.equals(member)) {
                continue;
            }
            ObjectNode entry = null;
            for (JsonNode old : previous) {
                if (region.equals(old.path("RegionName").asText())) {
                    entry = (ObjectNode) old.deepCopy();
                }
            }
            if (entry == null) {
                entry = describeReplica(region, name);
            }
            replicas.add(entry);
        }
        if (replicas.isEmpty()) {
            d.remove("Replicas");
            d.remove("GlobalTableVersion");
            d.remove(TableDescriptions.LEGACY_CREATED);
        } else {
            d.set("Replicas", replicas);
            d.put("GlobalTableVersion", version);
        }
        ctx.catalog().update(table.withDescription(d));
    }

    private ObjectNode describeReplica(String region, String name) {
        ObjectNode entry = NODES.objectNode().put("RegionName", region).put("ReplicaStatus", "ACTIVE");
        ctx.catalog().find(region, name).ifPresent(t -> {
            JsonNode d = t.description();
            entry.putObject("ReplicaTableClassSummary").put("TableClass",
                    d.path("TableClassSummary").path("TableClass").asText("STANDARD"));
            if (d.has("GlobalSecondaryIndexes")) {
                ArrayNode gsis = entry.putArray("GlobalSecondaryIndexes");
                d.get("GlobalSecondaryIndexes").forEach(i -> gsis.addObject().put("IndexName",
                        i.path("IndexName").asText()));
            }
        });
        return entry;
    }

    private void updateReplica(String name, String region, String target, JsonNode spec) {
        TableMeta table = ctx.table(target, name);
        ObjectNode d = table.description();
        Instant now = ctx.config().clock().now();
        if (spec.hasNonNull("TableClassOverride")) {
            String tableClass = spec.get("TableClassOverride").asText();
            new dev.dynamotest.core.internal.protocol.Constraints().oneOf(tableClass, "tableClassOverride",
                    "STANDARD", "STANDARD_INFREQUENT_ACCESS").check();
            d.putObject("TableClassSummary").put("TableClass", tableClass)
                    .put("LastUpdateDateTime", Times.epochSeconds(now));
        }
        if (spec.has("ProvisionedThroughputOverride") && d.has("ProvisionedThroughput")) {
            long read = spec.path("ProvisionedThroughputOverride").path("ReadCapacityUnits").asLong(
                    d.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong());
            ((ObjectNode) d.get("ProvisionedThroughput")).put("ReadCapacityUnits", read);
        }
        ctx.catalog().update(table.withDescription(d));
        List<String> members = group(ctx.table(region, name));
        for (String member : members) {
            relink(member, name, target);
        }
    }

    /** Refreshes every member's replica list after a change of settings that every replica shares. */
    void relinkAll(String region, String name) {
        List<String> members = group(ctx.table(region, name));
        for (String member : members) {
            for (String changed : members) {
                relink(member, name, changed);
            }
        }
    }

    /** Refreshes the entry for {@code changed} in a member's replica list. */
    private void relink(String member, String name, String changed) {
        if (member.equals(changed)) {
            return;
        }
        TableMeta table = ctx.table(member, name);
        ObjectNode d = table.description();
        for (JsonNode entry : d.path("Replicas")) {
            if (changed.equals(entry.path("RegionName").asText())) {
                ObjectNode fresh = describeReplica(changed, name);
                ((ObjectNode) entry).removeAll();
                ((ObjectNode) entry).setAll(fresh);
            }
        }
        ctx.catalog().update(table.withDescription(d));
    }

    /** Deletes the replica in {@code target} (its table and items) and unlinks it from the other members. */
    public void delete(String name, String region, String target) {
        TableMeta doomed = ctx.table(target, name);
        List<String> members = group(doomed);
        members.remove(target);
        ctx.catalog().remove(doomed);
        Streams.publish(ctx, doomed, null, ctx.config().clock().now());
        replication.forget(target, name);
        String version = version(doomed);
        for (String member : members) {
            if (ctx.catalog().find(member, name).isPresent()) {
                link(member, name, members, version);
            }
        }
    }

    @Override
    public Map<TableMeta, ObjectNode> sharedUpdates(TableMeta table, ObjectNode request) {
        Map<TableMeta, ObjectNode> updates = new LinkedHashMap<>();
        if (!ReplicaSettings.shared(table)) {
            return updates;
        }
        for (String other : group(table)) {
            if (!other.equals(table.region())) {
                TableMeta replica = ctx.table(other, table.name());
                ObjectNode update = ReplicaSettings.requestFor(request, replica);
                if (update != null) {
                    updates.put(replica, update);
                }
            }
        }
        return updates;
    }

    @Override
    public void relink(TableMeta table) {
        if (ReplicaSettings.shared(table)) {
            relinkAll(table.region(), table.name());
        }
    }

    @Override
    public void deleted(TableMeta table) {
        replication.forget(table.region(), table.name());
        List<String> members = group(table);
        members.remove(table.region());
        for (String member : members) {
            if (ctx.catalog().find(member, table.name()).isPresent()) {
                link(member, table.name(), members, version(table));
            }
        }
    }
}
