package dev.dynamotest.core.support;

/** Enables point-in-time recovery on a table, as exports require. */
public final class Pitr {

    private Pitr() {
    }

    public static void enable(LocalEndpoint endpoint, String table) {
        endpoint.client().updateContinuousBackups(r -> r.tableName(table)
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    }
}
