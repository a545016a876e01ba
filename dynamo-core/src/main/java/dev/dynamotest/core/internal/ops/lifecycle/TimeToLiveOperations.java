package dev.dynamotest.core.internal.ops.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.schema.TableNames;
import dev.dynamotest.core.internal.schema.TableDescriptions;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import java.time.Duration;
import java.time.Instant;

/**
 * UpdateTimeToLive and DescribeTimeToLive. Enabling takes effect at once (ENABLED); disabling shows DISABLING
 * for the settling window, an hour of engine time, within which DynamoDB refuses a further change. On a replica
 * of a global table (version 2019.11.21) the change applies to every replica.
 */
final class TimeToLiveOperations {

    /** How long a TTL change takes to settle; a second change within it is refused, as in DynamoDB. */
    static final Duration SETTLING = Duration.ofHours(1);
    /** The version of global tables whose replicas share their TTL setting. */
    private static final String GLOBAL_TABLES = "2019.11.21";

    private final EngineContext ctx;
    private final TtlSweeper sweeper;

    TimeToLiveOperations(EngineContext ctx, TtlSweeper sweeper) {
        this.ctx = ctx;
        this.sweeper = sweeper;
    }

    /** The TTL attribute of a table with TTL enabled, else {@code null}. */
    static String attribute(TableMeta table) {
        JsonNode ttl = LifecycleState.of(table).path("Ttl");
        return ttl.path("Enabled").asBoolean(false) ? ttl.path("AttributeName").asText(null) : null;
    }

    ObjectNode updateTimeToLive(String region, ObjectNode request) {
        String name = Json.text(request, "TableName");
        JsonNode spec = Json.object(request, "TimeToLiveSpecification");
        String attribute = null;
        Boolean enabled = null;
        if (spec != null) {
            JsonNode attributeNode = spec.get("AttributeName");
            if (attributeNode != null && !attributeNode.isNull() && !attributeNode.isTextual()) {
                throw Json.unexpected(attributeNode, "string");
            }
            attribute = Json.text(spec, "AttributeName");
            JsonNode flag = spec.get("Enabled");
            enabled = flag == null || flag.isNull() ? null : Json.bool(flag);
        }
        Constraints constraints = new Constraints().notNull(name, "tableName")
                .notNull(spec, "timeToLiveSpecification");
        if (spec != null) {
            constraints.notNull(enabled, "timeToLiveSpecification.enabled")
                    .notNull(attribute, "timeToLiveSpecification.attributeName")
                    .length(attribute, "timeToLiveSpecification.attributeName", 1, 255);
        }
        constraints.check();
        TableMeta table = TableNames.resolve(ctx, region, name);
        Instant now = ctx.config().clock().now();
        JsonNode current = LifecycleState.of(table).path("Ttl");
        boolean isEnabled = current.path("Enabled").asBoolean(false);
        String currentAttribute = current.path("AttributeName").asText(null);
        if (isEnabled && enabled && attribute.equals(currentAttribute)) {
            throw DynamoException.validation("TimeToLive is already enabled");
        }
        if (isEnabled && !attribute.equals(currentAttribute)) {
            throw DynamoException.validation("TimeToLive is active on a different AttributeName: current "
                    + "AttributeName is " + currentAttribute);
        }
        if (!isEnabled && !enabled && !settling(current, now)) {
            throw DynamoException.validation("TimeToLive is already disabled");
        }
        if (settling(current, now)) {
            throw DynamoException.validation("Time to live has been modified multiple times within a fixed "
                    + "interval");
        }
        boolean enable = enabled;
        String newAttribute = attribute;
        apply(table, enable, newAttribute, table.region(), now);
        if (GLOBAL_TABLES.equals(table.description().path("GlobalTableVersion").asText())) {
            for (String replica : TableDescriptions.replicaRegions(table)) {
                ctx.catalog().find(replica, table.name()).ifPresent(t -> apply(t, enable, newAttribute,
                        table.region(), now));
            }
        }
        ObjectNode response = TableRestore.NODES.objectNode();
        ObjectNode echoed = response.putObject("TimeToLiveSpecification");
        echoed.put("Enabled", enable);
        echoed.put("AttributeName", newAttribute);
        return response;
    }

    /**
     * The region whose replica deletes the expired items of a global table (the one where TTL was changed; the
     * other replicas receive its deletions by replication, as in DynamoDB), or null when each table sweeps itself.
     */
    static String sweptIn(TableMeta table) {
        return LifecycleState.of(table).path("Ttl").path("SweptIn").asText(null);
    }

    /** Sets the table's TTL, and starts or stops its sweeping. */
    private void apply(TableMeta table, boolean enable, String attribute, String sweptIn, Instant now) {
        TableMeta updated = LifecycleState.update(ctx, table, state -> {
            ObjectNode ttl = state.putObject("Ttl");
            ttl.put("Enabled", enable);
            ttl.put("AttributeName", attribute);
            if (!TableDescriptions.replicaRegions(table).isEmpty()) {
                ttl.put("SweptIn", sweptIn);
            }
            ttl.put("ChangedMicros", LifecycleState.micros(now));
        });
        if (enable) {
            sweeper.enabled(updated);
        } else {
            sweeper.disabled(updated);
        }
    }

    ObjectNode describeTimeToLive(String region, ObjectNode request) {
        String name = Json.text(request, "TableName");
        new Constraints().notNull(name, "tableName").check();
        TableMeta table = TableNames.resolve(ctx, region, name);
        JsonNode ttl = LifecycleState.of(table).path("Ttl");
        ObjectNode response = TableRestore.NODES.objectNode();
        ObjectNode description = response.putObject("TimeToLiveDescription");
        if (ttl.path("Enabled").asBoolean(false)) {
            description.put("TimeToLiveStatus", "ENABLED");
            description.put("AttributeName", ttl.path("AttributeName").asText());
        } else if (ttl.has("AttributeName") && settling(ttl, ctx.config().clock().now())) {
            description.put("TimeToLiveStatus", "DISABLING");
            description.put("AttributeName", ttl.path("AttributeName").asText());
        } else {
            description.put("TimeToLiveStatus", "DISABLED");
        }
        return response;
    }

    private static boolean settling(JsonNode ttl, Instant now) {
        if (!ttl.has("ChangedMicros")) {
            return false;
        }
        Instant changed = LifecycleState.instant(ttl.path("ChangedMicros").asLong());
        return now.isBefore(changed.plus(SETTLING)) && !now.isBefore(changed);
    }
}
