package dev.dynamotest.core.capacity;

/**
 * The capacity a table or one of its global secondary indexes consumed since the engine started or the usage was
 * last reset: units in total and the highest units consumed in one second of the engine's clock.
 *
 * @param index {@code null} for the table itself
 */
public record CapacityUsage(String region, String table, String index, double consumedReadUnits,
        double consumedWriteUnits, double peakReadUnitsPerSecond, double peakWriteUnitsPerSecond) {

    /** The usage of a table or index that consumed nothing. */
    public static CapacityUsage none(String region, String table, String index) {
        return new CapacityUsage(region, table, index, 0, 0, 0, 0);
    }
}
