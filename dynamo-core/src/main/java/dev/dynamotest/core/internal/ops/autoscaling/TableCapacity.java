package dev.dynamotest.core.internal.ops.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads and sets the provisioned capacity of a scalable resource through DescribeTable and UpdateTable, so that
 * auto scaling obeys every rule UpdateTable has (decrease limits, UPDATING status, index throughput).
 */
public final class TableCapacity {

    private static final String CURRENT_GLOBAL_TABLES = "2019.11.21";
    private static final Logger LOG = Logger.getLogger(TableCapacity.class.getName());

    private final Function<DynamoRequest, ObjectNode> operations;

    /** {@code operations} runs a DynamoDB operation (without the request interceptors). */
    public TableCapacity(Function<DynamoRequest, ObjectNode> operations) {
        this.operations = operations;
    }

    /** The resource's provisioned throughput ({@code ReadCapacityUnits}, ...), or null when it has none. */
    public JsonNode throughput(ScalableResource r) {
        JsonNode table = describe(r);
        if (table == null || "PAY_PER_REQUEST".equals(table.path("BillingModeSummary").path("BillingMode").asText())) {
            return null;
        }
        if (r.index() == null) {
            return table.get("ProvisionedThroughput");
        }
        JsonNode gsi = index(table, r.index());
        return gsi == null ? null : gsi.get("ProvisionedThroughput");
    }

    /** The resource's provisioned units of its dimension, or -1 when it has none. */
    public long current(ScalableResource r) {
        JsonNode t = throughput(r);
        return t == null ? -1 : t.path(r.reads() ? "ReadCapacityUnits" : "WriteCapacityUnits").asLong(-1);
    }

    /**
     * Sets the units of the resource's dimension; throws DynamoDB's error when UpdateTable refuses. Write units of a
     * global table's replica (2019.11.21) are shared: every other replica of the table, or of the index, gets the same
     * write units (each through UpdateTable in its region; a replica that refuses keeps its units).
     */
    public void set(ScalableResource r, long units) {
        update(r, units);
        for (String region : sharing(r)) {
            if (!region.equals(r.region())) {
                ScalableResource replica = new ScalableResource(region, r.resourceId(), r.dimension(), r.table(),
                        r.index());
                try {
                    update(replica, units);
                } catch (DynamoException e) {
                    LOG.log(Level.FINE, "replica " + r.resourceId() + " in " + region + " keeps its write units: "
                            + e.getMessage());
                }
            }
        }
    }

    /**
     * The regions whose tables share the resource's units: for write units of a replica of a global table (version
     * 2019.11.21) the region of every replica, else only the resource's own region.
     */
    List<String> sharing(ScalableResource r) {
        if (r.reads()) {
            return List.of(r.region());
        }
        JsonNode table = describe(r);
        if (table == null || !CURRENT_GLOBAL_TABLES.equals(table.path("GlobalTableVersion").asText())) {
            return List.of(r.region());
        }
        Set<String> regions = new LinkedHashSet<>();
        regions.add(r.region());
        for (JsonNode replica : table.path("Replicas")) {
            regions.add(replica.path("RegionName").asText());
        }
        return new ArrayList<>(regions);
    }

    private void update(ScalableResource r, long units) {
        JsonNode t = throughput(r);
        if (t == null) {
            return;
        }
        ObjectNode throughput = JsonNodeFactory.instance.objectNode();
        throughput.put("ReadCapacityUnits", r.reads() ? units : t.path("ReadCapacityUnits").asLong());
        throughput.put("WriteCapacityUnits", r.reads() ? t.path("WriteCapacityUnits").asLong() : units);
        ObjectNode body = body(r);
        if (r.index() == null) {
            body.set("ProvisionedThroughput", throughput);
        } else {
            ObjectNode update = body.putArray("GlobalSecondaryIndexUpdates").addObject().putObject("Update");
            update.put("IndexName", r.index());
            update.set("ProvisionedThroughput", throughput);
        }
        run(r.region(), "UpdateTable", body);
    }

    /** Whether the resource's table (and index) exist. */
    public boolean exists(ScalableResource r) {
        JsonNode table = describe(r);
        return table != null && (r.index() == null || index(table, r.index()) != null);
    }

    /** The table's description, or {@code null} when DescribeTable refuses (the table is gone). */
    private JsonNode describe(ScalableResource r) {
        try {
            return run(r.region(), "DescribeTable", body(r)).path("Table");
        } catch (DynamoException e) {
            return null;
        }
    }

    /** The description of the table's global secondary index of that name, or {@code null}. */
    private static JsonNode index(JsonNode table, String name) {
        for (JsonNode gsi : table.path("GlobalSecondaryIndexes")) {
            if (name.equals(gsi.path("IndexName").asText())) {
                return gsi;
            }
        }
        return null;
    }

    private static ObjectNode body(ScalableResource r) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("TableName", r.table());
        return body;
    }

    private ObjectNode run(String region, String operation, ObjectNode body) {
        return operations.apply(new DynamoRequest(region, operation, body, Map.of()));
    }
}
