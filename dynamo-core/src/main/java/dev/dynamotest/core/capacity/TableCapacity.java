package dev.dynamotest.core.capacity;

import dev.dynamotest.core.CapacityMode;
import java.util.List;

/**
 * One table's capacity: the units it and its global secondary indexes consumed, its peaks per second, its throttle
 * events and its capacity mode. Obtain it with {@link Capacity#table(String)}.
 */
public interface TableCapacity {

    String name();

    String region();

    /** The table's own usage, without its global secondary indexes. */
    CapacityUsage usage();

    /** The usage of one of the table's global secondary indexes. */
    CapacityUsage index(String indexName);

    /** The global secondary indexes with usage, by name. */
    List<String> indexes();

    /** The throttle events of the table and its indexes, oldest first. */
    List<ThrottleEvent> throttles();

    /** The table's capacity mode: its own, or the engine's. */
    CapacityMode mode();

    /**
     * Sets the table's own capacity mode, kept if the table is dropped and created again; {@code null} follows the
     * engine's.
     */
    void mode(CapacityMode mode);

    default double consumedReadUnits() {
        return usage().consumedReadUnits();
    }

    default double consumedWriteUnits() {
        return usage().consumedWriteUnits();
    }

    default double peakReadUnitsPerSecond() {
        return usage().peakReadUnitsPerSecond();
    }

    default double peakWriteUnitsPerSecond() {
        return usage().peakWriteUnitsPerSecond();
    }
}
