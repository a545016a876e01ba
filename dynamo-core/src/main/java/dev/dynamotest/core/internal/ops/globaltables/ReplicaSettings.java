package dev.dynamotest.core.internal.ops.globaltables;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.storage.TableMeta;

/**
 * The settings that every replica of a global table (version 2019.11.21) shares, as DynamoDB keeps them in step:
 * an UpdateTable on one replica carries its billing mode, write capacity (of the table and of each index),
 * on-demand maximum write throughput, warm throughput, global secondary indexes (created and deleted), stream
 * specification and encryption to every other replica. Read capacity, maximum read throughput, table class and
 * deletion protection stay each replica's own (as do tags, point-in-time recovery and contributor insights,
 * which UpdateTable does not set).
 */
final class ReplicaSettings {

    private ReplicaSettings() {
    }

    /** Whether the table is a replica of a global table whose replicas share their settings. */
    static boolean shared(TableMeta table) {
        return GlobalTableReplicas.CURRENT.equals(GlobalTableReplicas.version(table))
                && GlobalTableReplicas.group(table).size() > 1;
    }

    /**
     * The UpdateTable request that brings {@code replica} in step with {@code request} (made on another replica),
     * or null when the request changes nothing that replicas share.
     */
    static ObjectNode requestFor(ObjectNode request, TableMeta replica) {
        JsonNode d = replica.description();
        ObjectNode shared = NODES.objectNode().put("TableName", replica.name());
        boolean any = false;
        if (request.hasNonNull("BillingMode")) {
            shared.set("BillingMode", request.get("BillingMode"));
            any = true;
        }
        JsonNode throughput = request.get("ProvisionedThroughput");
        if (throughput != null && !throughput.isNull()) {
            ObjectNode pt = throughput(throughput, d.path("ProvisionedThroughput"));
            if (!same(pt, d.path("ProvisionedThroughput")) || request.hasNonNull("BillingMode")) {
                shared.set("ProvisionedThroughput", pt);
                any = true;
            }
        }
        JsonNode onDemand = request.path("OnDemandThroughput");
        if (onDemand.has("MaxWriteRequestUnits")) {
            shared.putObject("OnDemandThroughput").set("MaxWriteRequestUnits", onDemand.get("MaxWriteRequestUnits"));
            any = true;
        }
        ArrayNode indexUpdates = indexUpdates(request.path("GlobalSecondaryIndexUpdates"), d,
                request.hasNonNull("BillingMode"));
        if (!indexUpdates.isEmpty()) {
            shared.set("GlobalSecondaryIndexUpdates", indexUpdates);
            if (request.has("AttributeDefinitions")) {
                shared.set("AttributeDefinitions", request.get("AttributeDefinitions"));
            }
            any = true;
        }
        for (String member : new String[] {"StreamSpecification", "SSESpecification", "WarmThroughput"}) {
            if (request.hasNonNull(member)) {
                shared.set(member, request.get(member));
                any = true;
            }
        }
        return any ? shared : null;
    }

    /**
     * Index creations and deletions as they are; index throughput updates with the replica's own read units and
     * without a maximum read throughput, left out when that leaves them nothing to change.
     */
    private static ArrayNode indexUpdates(JsonNode updates, JsonNode d, boolean billingChange) {
        ArrayNode shared = NODES.arrayNode();
        for (JsonNode update : updates) {
            JsonNode spec = update.get("Update");
            if (spec == null || spec.isNull()) {
                shared.add(update);
                continue;
            }
            JsonNode current = NODES.missingNode();
            for (JsonNode gsi : d.path("GlobalSecondaryIndexes")) {
                if (gsi.path("IndexName").asText().equals(spec.path("IndexName").asText())) {
                    current = gsi.path("ProvisionedThroughput");
                }
            }
            ObjectNode copy = spec.deepCopy();
            copy.remove("OnDemandThroughput");
            if (spec.path("OnDemandThroughput").has("MaxWriteRequestUnits")) {
                copy.putObject("OnDemandThroughput").set("MaxWriteRequestUnits",
                        spec.get("OnDemandThroughput").get("MaxWriteRequestUnits"));
            }
            JsonNode throughput = spec.get("ProvisionedThroughput");
            if (throughput != null && !throughput.isNull()) {
                ObjectNode pt = throughput(throughput, current);
                if (same(pt, current) && !billingChange) {
                    copy.remove("ProvisionedThroughput");
                } else {
                    copy.set("ProvisionedThroughput", pt);
                }
            }
            if (copy.has("ProvisionedThroughput") || copy.has("OnDemandThroughput")) {
                shared.addObject().set("Update", copy);
            }
        }
        return shared;
    }

    /** The requested write units with the replica's read units (the requested ones where it has none). */
    private static ObjectNode throughput(JsonNode requested, JsonNode current) {
        long read = current.path("ReadCapacityUnits").asLong(0);
        ObjectNode pt = requested.deepCopy();
        if (read > 0) {
            pt.put("ReadCapacityUnits", read);
        }
        return pt;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.path("ReadCapacityUnits").asLong(0) == b.path("ReadCapacityUnits").asLong(0)
                && a.path("WriteCapacityUnits").asLong(0) == b.path("WriteCapacityUnits").asLong(0);
    }
}
