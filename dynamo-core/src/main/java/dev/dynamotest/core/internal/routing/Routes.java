package dev.dynamotest.core.internal.routing;

/** Where a family registers its operations, each under its API and name; every family does it this way. */
@FunctionalInterface
public interface Routes {

    void add(Api api, String name, OperationHandler operation);
}
