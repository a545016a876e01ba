package dev.dynamotest.core.internal.ops.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.routing.OperationCaller;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.internal.write.WritePath;
import dev.dynamotest.core.model.AttributeValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates the new table of a restore (from a backup or a point in time) and fills it through the one write path:
 * the source's key schema, indexes, billing and throughput, with the overrides DynamoDB allows; streams, TTL,
 * tags and deletion protection are not restored, as in DynamoDB.
 */
final class TableRestore {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int BATCH = 500;

    private final EngineContext ctx;
    private final OperationCaller operations;

    TableRestore(EngineContext ctx, OperationCaller operations) {
        this.ctx = ctx;
        this.operations = operations;
    }

    /**
     * Creates {@code target} in the region from the source's stored description and the request's overrides,
     * writes the items, and returns the new table's description with its RestoreSummary, as the restore
     * operations answer.
     */
    ObjectNode restore(String region, String target, JsonNode source, ObjectNode request,
            List<Map<String, AttributeValue>> items, ObjectNode summary) {
        ObjectNode create = createRequest(target, source, request);
        TableMeta created;
        ObjectNode description;
        synchronized (ctx.catalog()) {
            if (ctx.catalog().find(region, target).isPresent()) {
                throw new DynamoException("TableAlreadyExistsException", "Table already exists: " + target);
            }
            description = (ObjectNode) operations.call(region, "CreateTable", create).get("TableDescription");
            TableMeta meta = ctx.table(region, target);
            ObjectNode stored = meta.description();
            ObjectNode restored = summary.deepCopy();
            restored.put("RestoreInProgress", false);
            stored.set("RestoreSummary", restored);
            created = meta.withDescription(stored);
            ctx.catalog().update(created);
        }
        write(created, items);
        ObjectNode inProgress = summary.deepCopy();
        inProgress.put("RestoreInProgress", true);
        description.set("RestoreSummary", inProgress);
        return description;
    }

    private void write(TableMeta table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<WritePath.Write> writes = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + BATCH))) {
                writes.add(new WritePath.Write(table, table.keyOf(item), current -> item, "restore"));
            }
            ctx.writes().apply(writes);
        }
    }

    /** The RestoreSummary of a restore from a table at a time or from a backup. */
    static ObjectNode summary(String sourceTableArn, String sourceBackupArn, Instant restoreTime) {
        ObjectNode s = NODES.objectNode();
        if (sourceBackupArn != null) {
            s.put("SourceBackupArn", sourceBackupArn);
        }
        s.put("SourceTableArn", sourceTableArn);
        s.put("RestoreDateTime", seconds(restoreTime));
        return s;
    }

    static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    private static ObjectNode createRequest(String target, JsonNode source, ObjectNode request) {
        ObjectNode create = NODES.objectNode();
        create.put("TableName", target);
        create.set("KeySchema", source.get("KeySchema"));
        String mode = Json.text(request, "BillingModeOverride");
        if (mode == null) {
            mode = source.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED");
        }
        create.put("BillingMode", mode);
        boolean provisioned = "PROVISIONED".equals(mode);
        JsonNode throughput = Json.object(request, "ProvisionedThroughputOverride");
        if (throughput != null) {
            create.set("ProvisionedThroughput", throughput);
        } else if (provisioned) {
            create.set("ProvisionedThroughput", capacity(source.path("ProvisionedThroughput")));
        }
        JsonNode onDemand = Json.object(request, "OnDemandThroughputOverride");
        if (onDemand != null) {
            create.set("OnDemandThroughput", onDemand);
        } else if (!provisioned && source.has("OnDemandThroughput")) {
            create.set("OnDemandThroughput", source.get("OnDemandThroughput"));
        }
        JsonNode lsis = Json.array(request, "LocalSecondaryIndexOverride");
        lsis = lsis != null ? lsis : indexes(source.path("LocalSecondaryIndexes"), false);
        if (lsis != null && !lsis.isEmpty()) {
            create.set("LocalSecondaryIndexes", lsis);
        }
        JsonNode gsis = Json.array(request, "GlobalSecondaryIndexOverride");
        gsis = gsis != null ? gsis : indexes(source.path("GlobalSecondaryIndexes"), provisioned);
        if (gsis != null && !gsis.isEmpty()) {
            create.set("GlobalSecondaryIndexes", gsis);
        }
        create.set("AttributeDefinitions", definitions(source.path("AttributeDefinitions"), create));
        JsonNode sse = Json.object(request, "SSESpecificationOverride");
        if (sse != null) {
            create.set("SSESpecification", sse);
        } else if ("KMS".equals(source.path("SSEDescription").path("SSEType").asText())) {
            ObjectNode kms = create.putObject("SSESpecification");
            kms.put("Enabled", true);
            kms.put("SSEType", "KMS");
            if (source.path("SSEDescription").has("KMSMasterKeyArn")) {
                kms.put("KMSMasterKeyId", source.path("SSEDescription").path("KMSMasterKeyArn").asText());
            }
        }
        if (source.path("TableClassSummary").has("TableClass")) {
            create.put("TableClass", source.path("TableClassSummary").path("TableClass").asText());
        }
        return create;
    }

    private static ObjectNode capacity(JsonNode throughput) {
        ObjectNode pt = NODES.objectNode();
        pt.put("ReadCapacityUnits", Math.max(1, throughput.path("ReadCapacityUnits").asLong(1)));
        pt.put("WriteCapacityUnits", Math.max(1, throughput.path("WriteCapacityUnits").asLong(1)));
        return pt;
    }

    /** The source's indexes as CreateTable takes them. */
    private static ArrayNode indexes(JsonNode described, boolean provisioned) {
        if (!described.isArray()) {
            return null;
        }
        ArrayNode out = NODES.arrayNode();
        for (JsonNode index : described) {
            ObjectNode o = out.addObject();
            o.set("IndexName", index.get("IndexName"));
            o.set("KeySchema", index.get("KeySchema"));
            o.set("Projection", index.get("Projection"));
            if (provisioned && index.has("ProvisionedThroughput")) {
                o.set("ProvisionedThroughput", capacity(index.get("ProvisionedThroughput")));
            }
            if (!provisioned && index.has("OnDemandThroughput")) {
                o.set("OnDemandThroughput", index.get("OnDemandThroughput"));
            }
        }
        return out;
    }

    /** The source's attribute definitions that the new table's key schemas use. */
    private static ArrayNode definitions(JsonNode sourceDefinitions, ObjectNode create) {
        Set<String> used = new HashSet<>();
        create.path("KeySchema").forEach(k -> used.add(k.path("AttributeName").asText()));
        for (String kind : new String[] {"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
            for (JsonNode index : create.path(kind)) {
                index.path("KeySchema").forEach(k -> used.add(k.path("AttributeName").asText()));
            }
        }
        ArrayNode out = NODES.arrayNode();
        for (JsonNode definition : sourceDefinitions) {
            if (used.contains(definition.path("AttributeName").asText())) {
                out.add(definition);
            }
        }
        return out;
    }
}
