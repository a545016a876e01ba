package dev.dynamotest.core.support;

/** Enables point-in-time recovery on a table, as exports require. */
public final class Pitr {

    private Pitr() {
    }

    public static void enable(LocalEndpoint endpoint, String table) {
        // Point-in-time recovery arrives with UpdateContinuousBackups; until then exports do not check it.
    }
}
