package dev.dynamotest.core.internal.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and sets the provisioned capacity of a scalable resource through DescribeTable and UpdateTable, so that
 * auto scaling obeys every rule UpdateTable has (decrease limits, UPDATING status, index throughput).
 */
final class TableCapacity {

    private final Function<DynamoRequest, ObjectNode> operations;

    /** {@code operations} runs a DynamoDB operation (without the request interceptors). */
    TableCapacity(Function<DynamoRequest, ObjectNode> operations) {
        this.operations = operations;
    }

    /** The resource's provisioned throughput ({@code ReadCapacityUnits}, ...), or null when it has none. */
    JsonNode throughput(ScalableResource r) {
        JsonNode table;
        try {
            table = run(r.region(), "DescribeTable", body(r)).path("Table");
        } catch (DynamoException e) {
            return null;
        }
        if ("PAY_PER_REQUEST".equals(table.path("BillingModeSummary").path("BillingMode").asText())) {
            return null;
        }
        if (r.index() == null) {
            return table.get("ProvisionedThroughput");
        }
        for (JsonNode gsi : table.path("GlobalSecondaryIndexes")) {
            if (r.index().equals(gsi.path("IndexName").asText())) {
                return gsi.get("ProvisionedThroughput");
            }
        }
        return null;
    }

    /** The resource's provisioned units of its dimension, or -1 when it has none. */
    long current(ScalableResource r) {
        JsonNode t = throughput(r);
        return t == null ? -1 : t.path(r.reads() ? "ReadCapacityUnits" : "WriteCapacityUnits").asLong(-1);
    }

    /** Sets the units of the resource's dimension; throws DynamoDB's error when UpdateTable refuses. */
    void set(ScalableResource r, long units) {
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
    boolean exists(ScalableResource r) {
        try {
            JsonNode table = run(r.region(), "DescribeTable", body(r)).path("Table");
            if (r.index() == null) {
                return true;
            }
            for (JsonNode gsi : table.path("GlobalSecondaryIndexes")) {
                if (r.index().equals(gsi.path("IndexName").asText())) {
                    return true;
                }
            }
            return false;
        } catch (DynamoException e) {
            return false;
        }
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
