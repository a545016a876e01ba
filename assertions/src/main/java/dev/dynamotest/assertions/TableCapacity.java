package dev.dynamotest.assertions;

import dev.dynamotest.core.CapacityMeter;
import dev.dynamotest.core.CapacityUsage;
import dev.dynamotest.core.ThrottleEvent;
import java.util.List;

/**
 * One table's capacity: the units it and its global secondary indexes consumed, its peaks per second and its
 * throttle events. Obtain it with {@link Capacity#table(String)}; assert on it with
 * {@link DynamoAssertions#assertThat(TableCapacity)}.
 */
public final class TableCapacity {

    private final CapacityMeter meter;
    private final String region;
    private final String name;

    TableCapacity(CapacityMeter meter, String region, String name) {
        this.meter = meter;
        this.region = region;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    /** The table's own usage, without its global secondary indexes. */
    public CapacityUsage usage() {
        return meter.usage(region, name);
    }

    /** The usage of one of the table's global secondary indexes. */
    public CapacityUsage index(String indexName) {
        return meter.usage(region, name, indexName);
    }

    /** The global secondary indexes with usage, by name. */
    public List<String> indexes() {
        return meter.indexes(region, name);
    }

    /** The throttle events of the table and its indexes, oldest first. */
    public List<ThrottleEvent> throttles() {
        return meter.throttles().stream().filter(e -> e.region().equals(region) && e.table().equals(name)).toList();
    }

    public double consumedReadUnits() {
        return usage().consumedReadUnits();
    }

    public double consumedWriteUnits() {
        return usage().consumedWriteUnits();
    }

    public double peakReadUnitsPerSecond() {
        return usage().peakReadUnitsPerSecond();
    }

    public double peakWriteUnitsPerSecond() {
        return usage().peakWriteUnitsPerSecond();
    }

    @Override
    public String toString() {
        return "table " + name + " (" + region + ")";
    }
}
