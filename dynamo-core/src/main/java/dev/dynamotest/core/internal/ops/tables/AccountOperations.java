package dev.dynamotest.core.internal.ops.tables;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Account-level operations: DescribeLimits and DescribeEndpoints. */
public final class AccountOperations {

    public ObjectNode describeLimits(String region, ObjectNode request) {
        ObjectNode response = NODES.objectNode();
        response.put("AccountMaxReadCapacityUnits", 80000);
        response.put("AccountMaxWriteCapacityUnits", 80000);
        response.put("TableMaxReadCapacityUnits", 40000);
        response.put("TableMaxWriteCapacityUnits", 40000);
        return response;
    }

    public ObjectNode describeEndpoints(String region, ObjectNode request, String host) {
        ObjectNode response = NODES.objectNode();
        ObjectNode endpoint = response.putArray("Endpoints").addObject();
        endpoint.put("Address", host);
        endpoint.put("CachePeriodInMinutes", 1440);
        return response;
    }
}
