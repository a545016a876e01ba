package dev.dynamotest.core.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.internal.write.LegacyReplicaStamp;
import java.util.ArrayList;
import java.util.List;

/** Turns a stored table description into what DescribeTable and friends return: live counts, status. */
public final class TableDescriptions {

    /** Where a stored description keeps the table's tags; DescribeTable leaves it out. */
    public static final String TAGS_FIELD = "__Tags";
    /** Where a stored description keeps TTL, backup and recovery state; DescribeTable leaves it out. */
    public static final String LIFECYCLE_FIELD = "__Lifecycle";
    /** When a global table of version 2017.11.29 was created; DescribeTable leaves it out. */
    public static final String LEGACY_CREATED = "__GlobalTableCreated";
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What DeleteTable describes: DynamoDB leaves out the schema, the indexes and the creation time. */
    private static final String[] KEPT_ON_DELETE = {"TableName", "TableStatus", "ProvisionedThroughput",
        "TableSizeBytes", "ItemCount", "TableArn", "TableId", "BillingModeSummary", "StreamSpecification",
        "LatestStreamLabel", "LatestStreamArn", "SSEDescription", "TableClassSummary", "DeletionProtectionEnabled",
        "OnDemandThroughput"};

    private TableDescriptions() {
    }

    /**
     * The description with live item count and size and the given status. A table being created describes
     * its global secondary indexes as being created too.
     */
    public static ObjectNode live(EngineContext ctx, TableMeta table, String status) {
        ObjectNode d = table.description();
        long[] countAndSize = ctx.items().countAndSize(table);
        d.remove(TAGS_FIELD);
        d.remove(LIFECYCLE_FIELD);
        if (LegacyReplicaStamp.VERSION.equals(d.path("GlobalTableVersion").asText())) {
            d.remove("Replicas");
            d.remove("GlobalTableVersion");
            d.remove(LEGACY_CREATED);
        }
        d.put("TableStatus", status);
        d.put("ItemCount", countAndSize[0]);
        d.put("TableSizeBytes", countAndSize[1]);
        java.time.Instant now = ctx.config().clock().now();
        UpdateLimits.describeDecreases(d.get("ProvisionedThroughput"), now);
        for (JsonNode gsi : d.path("GlobalSecondaryIndexes")) {
            UpdateLimits.describeDecreases(gsi.get("ProvisionedThroughput"), now);
        }
        for (String kind : new String[] {"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
            JsonNode indexes = d.get(kind);
            if (indexes instanceof ArrayNode array) {
                for (JsonNode index : array) {
                    ObjectNode o = (ObjectNode) index;
                    long[] indexCountAndSize = ctx.items().countAndSize(table, o.path("IndexName").asText());
                    o.put("IndexSizeBytes", indexCountAndSize[1]);
                    o.put("ItemCount", indexCountAndSize[0]);
                    if ("CREATING".equals(status) && o.has("IndexStatus")) {
                        o.put("IndexStatus", "CREATING");
                    }
                }
            }
        }
        return d;
    }

    /** The regions of the other replicas of a global table, as its stored description lists them. */
    public static List<String> replicaRegions(TableMeta table) {
        List<String> regions = new ArrayList<>();
        table.description().path("Replicas").forEach(r -> regions.add(r.path("RegionName").asText()));
        return regions;
    }

    /** The description DeleteTable returns. */
    public static ObjectNode deleting(EngineContext ctx, TableMeta table) {
        ObjectNode full = live(ctx, table, "DELETING");
        ObjectNode d = NODES.objectNode();
        for (String field : KEPT_ON_DELETE) {
            if (full.has(field)) {
                d.set(field, full.get(field));
            }
        }
        return d;
    }
}
