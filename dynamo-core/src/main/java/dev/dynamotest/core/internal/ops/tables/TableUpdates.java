package dev.dynamotest.core.internal.ops.tables;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;
import static dev.dynamotest.core.internal.schema.Throughputs.INVALID;
import static dev.dynamotest.core.internal.schema.Throughputs.PAY_PER_REQUEST;
import static dev.dynamotest.core.internal.schema.Throughputs.PROVISIONED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.schema.GlobalTables;
import dev.dynamotest.core.internal.schema.Streams;
import dev.dynamotest.core.internal.schema.TableDescriptions;
import dev.dynamotest.core.internal.schema.TableNames;
import dev.dynamotest.core.internal.schema.Throughputs;
import dev.dynamotest.core.internal.schema.Times;
import dev.dynamotest.core.internal.schema.UpdateLimits;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import java.time.Instant;
import java.util.Map;

/**
 * UpdateTable: billing mode, throughput, stream, encryption, table class, deletion protection and global
 * secondary indexes, with DynamoDB's rules on what one request may combine. Changes take effect at once;
 * the response says UPDATING, the next DescribeTable ACTIVE. On a replica of a global table, the settings that
 * replicas share ({@link ReplicaSettings}) change in every replica.
 */
final class TableUpdates {

    private final EngineContext ctx;
    private final UpdateLimits limits = new UpdateLimits();

    private final GlobalTables globalTables;

    public TableUpdates(EngineContext ctx, GlobalTables globalTables) {
        this.ctx = ctx;
        this.globalTables = globalTables;
    }

    ObjectNode updateTable(String region, ObjectNode request) {
        UpdateTableRequest r = UpdateTableRequest.of(request);
        synchronized (ctx.catalog()) {
            TableMeta table = TableNames.resolve(ctx, region, r.tableName());
            limits.checkNotUpdating(table.arn(), table.name(), ctx.config().clock().now());
            if (r.replicaUpdates() != null) {
                ObjectNode response = NODES.objectNode();
                response.set("TableDescription", globalTables.update(region, table,
                        r.replicaUpdates()));
                return response;
            }
            IndexUpdates indexes = apply(table, r);
            globalTables.sharedUpdates(table, request)
                    .forEach((replica, update) -> apply(replica, UpdateTableRequest.of(update)));
            globalTables.relink(table);
            ObjectNode response = NODES.objectNode();
            TableMeta updated = ctx.table(table.region(), table.name());
            response.set("TableDescription", respond(updated, indexes.transientStatus()));
            return response;
        }
    }

    /**
     * Applies the request (other than ReplicaUpdates) to one table: to the table it names, or to another replica
     * that shares what the request changes.
     */
    private IndexUpdates apply(TableMeta table, UpdateTableRequest r) {
        String region = table.region();
        ObjectNode description = table.description();
        Instant now = ctx.config().clock().now();
        String currentMode = description.path("BillingModeSummary").path("BillingMode").asText(PROVISIONED);
        String newMode = r.billingMode() == null ? currentMode : r.billingMode();
        billing(description, r, currentMode, newMode, now);
        if (r.onDemandThroughput() != null) {
            ObjectNode limits = Throughputs.onDemand(r.onDemandThroughput(), newMode, "table", true);
            JsonNode previous = description.path("OnDemandThroughput");
            for (String member : new String[] {"MaxReadRequestUnits", "MaxWriteRequestUnits"}) {
                if (!r.onDemandThroughput().has(member) && previous.has(member)) {
                    limits.set(member, previous.get(member));
                }
            }
            description.set("OnDemandThroughput", limits);
        }
        if (r.tableClass() != null) {
            ObjectNode summary = description.putObject("TableClassSummary");
            summary.put("TableClass", r.tableClass());
            summary.put("LastUpdateDateTime", Times.epochSeconds(now));
        }
        if (r.deletionProtection() != null) {
            description.put("DeletionProtectionEnabled", r.deletionProtection());
        }
        if (r.warmThroughput() != null) {
            description.set("WarmThroughput", warmThroughput(r.warmThroughput()));
        }
        if (r.streamSpecification() != null) {
            Streams.update(ctx, table, description, r.streamSpecification(), now);
        }
        if (r.sseSpecification() != null) {
            Encryption.apply(description, r.sseSpecification(), region, ctx.config().accountId(), true);
        }
        IndexUpdates indexes = new IndexUpdates(table.name(), description);
        boolean toProvisioned = PROVISIONED.equals(newMode) && !PROVISIONED.equals(currentMode);
        if (r.indexUpdates() != null || toProvisioned) {
            indexes.apply(r.indexUpdates() == null ? NODES.arrayNode() : r.indexUpdates(),
                    r.attributeDefinitions(), newMode, toProvisioned, now);
        }
        if (PAY_PER_REQUEST.equals(newMode) && !PAY_PER_REQUEST.equals(currentMode)) {
            limits.switchToPayPerRequest(table.arn(), now);
        }
        if (r.tableClass() != null && !r.tableClass().equals(table.description().path("TableClassSummary")
                .path("TableClass").asText("STANDARD"))) {
            limits.changeTableClass(table.arn(), now);
        }
        limits.updated(table.arn(), now, ctx.config().tableUpdateDelay());
        TableMeta updated = table.withDescription(description);
        ctx.writes().reindex(table, updated, () -> ctx.catalog().update(updated));
        Streams.publish(ctx, table, updated, now);
        return indexes;
    }

    /** The status DescribeTable gives the table: UPDATING until the configured update delay has passed. */
    String status(TableMeta table) {
        return limits.updating(table.arn(), ctx.config().clock().now()) ? "UPDATING" : "ACTIVE";
    }

    private void billing(ObjectNode description, UpdateTableRequest r, String currentMode, String newMode,
            Instant now) {
        if (r.provisionedThroughput() != null) {
            if (PAY_PER_REQUEST.equals(newMode)) {
                throw DynamoException.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                        + "specified when BillingMode is PAY_PER_REQUEST");
            }
            ObjectNode pt = Throughputs.provisioned(r.provisionedThroughput(), "provisionedThroughput");
            description.set("ProvisionedThroughput", ThroughputChange.apply(description.path("ProvisionedThroughput"),
                    pt, "table", now));
        } else if (PROVISIONED.equals(newMode) && !PROVISIONED.equals(currentMode)) {
            throw DynamoException.validation(INVALID + "ProvisionedThroughput must be specified when BillingMode is "
                    + "PROVISIONED");
        }
        if (r.billingMode() == null) {
            return;
        }
        JsonNode last = description.path("BillingModeSummary").get("LastUpdateToPayPerRequestDateTime");
        ObjectNode summary = description.putObject("BillingModeSummary");
        summary.put("BillingMode", newMode);
        if (last != null) {
            summary.set("LastUpdateToPayPerRequestDateTime", last);
        }
        if (newMode.equals(currentMode)) {
            return;
        }
        description.remove("OnDemandThroughput");
        for (JsonNode gsi : description.path("GlobalSecondaryIndexes")) {
            ((ObjectNode) gsi).remove("OnDemandThroughput");
        }
        if (PAY_PER_REQUEST.equals(newMode)) {
            summary.put("LastUpdateToPayPerRequestDateTime", Times.epochSeconds(now));
            description.set("ProvisionedThroughput", Throughputs.zero());
            for (JsonNode gsi : description.path("GlobalSecondaryIndexes")) {
                ((ObjectNode) gsi).set("ProvisionedThroughput", Throughputs.zero());
            }
        }
    }

    /** A WarmThroughput description from a request's specification, checked as DynamoDB checks it. */
    static ObjectNode warmThroughput(JsonNode spec) {
        Long read = Json.integer(spec, "ReadUnitsPerSecond");
        Long write = Json.integer(spec, "WriteUnitsPerSecond");
        new Constraints()
                .range(read, "warmThroughput.readUnitsPerSecond", 1, Long.MAX_VALUE)
                .range(write, "warmThroughput.writeUnitsPerSecond", 1, Long.MAX_VALUE)
                .check();
        ObjectNode warm = NODES.objectNode();
        if (read != null) {
            warm.put("ReadUnitsPerSecond", read);
        }
        if (write != null) {
            warm.put("WriteUnitsPerSecond", write);
        }
        warm.put("Status", "ACTIVE");
        return warm;
    }

    private ObjectNode respond(TableMeta table, Map<String, String> transientStatus) {
        ObjectNode d = TableDescriptions.live(ctx, table, "UPDATING");
        JsonNode gsis = d.get("GlobalSecondaryIndexes");
        for (Map.Entry<String, String> e : transientStatus.entrySet()) {
            if ("DELETING".equals(e.getValue())) {
                ObjectNode gone = NODES.objectNode();
                gone.put("IndexName", e.getKey());
                gone.put("IndexStatus", "DELETING");
                gone.put("IndexArn", table.arn() + "/index/" + e.getKey());
                (gsis == null ? d.putArray("GlobalSecondaryIndexes") : (ArrayNode) gsis)
                        .add(gone);
                gsis = d.get("GlobalSecondaryIndexes");
                continue;
            }
            for (JsonNode gsi : gsis) {
                if (gsi.path("IndexName").asText().equals(e.getKey())) {
                    ((ObjectNode) gsi).put("IndexStatus", e.getValue());
                    if ("CREATING".equals(e.getValue())) {
                        ((ObjectNode) gsi).put("Backfilling", false);
                    }
                }
            }
        }
        return d;
    }
}
