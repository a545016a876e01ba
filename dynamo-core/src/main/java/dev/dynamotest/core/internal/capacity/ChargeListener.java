package dev.dynamotest.core.internal.capacity;

/**
 * Told of every charge the capacity model makes, so that something can follow consumption over time (auto scaling
 * does). Runs on the charging thread, while the table's lanes are locked: keep it short.
 */
@FunctionalInterface
public interface ChargeListener {

    /**
     * Units charged at {@code micros} of the clock to a table ({@code index} null) or one of its global secondary
     * indexes.
     */
    void charged(String region, String table, String index, long micros, double readUnits, double writeUnits);
}
