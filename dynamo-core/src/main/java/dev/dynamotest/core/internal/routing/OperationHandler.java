package dev.dynamotest.core.internal.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One DynamoDB API operation: takes the region and request body, returns the response body (or null). */
@FunctionalInterface
public interface OperationHandler {

    ObjectNode execute(String region, ObjectNode request);
}
