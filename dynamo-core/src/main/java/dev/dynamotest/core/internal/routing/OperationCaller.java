package dev.dynamotest.core.internal.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs an operation by name as the router does, without the interceptor chain: how one family uses another's
 * operation (global tables, restores and imports create tables with CreateTable) without reaching into it.
 */
@FunctionalInterface
public interface OperationCaller {

    ObjectNode call(String region, String operation, ObjectNode body);
}
