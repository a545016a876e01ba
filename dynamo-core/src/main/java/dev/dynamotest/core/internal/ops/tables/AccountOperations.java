package dev.dynamotest.core.internal.ops.tables;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The account-level operation DescribeLimits (DescribeEndpoints is the router's: it answers from the headers). */
public final class AccountOperations {

    public ObjectNode describeLimits(String region, ObjectNode request) {
        ObjectNode response = NODES.objectNode();
        response.put("AccountMaxReadCapacityUnits", 80000);
        response.put("AccountMaxWriteCapacityUnits", 80000);
        response.put("TableMaxReadCapacityUnits", 40000);
        response.put("TableMaxWriteCapacityUnits", 40000);
        return response;
    }
}
