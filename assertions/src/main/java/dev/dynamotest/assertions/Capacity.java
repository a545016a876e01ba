package dev.dynamotest.assertions;

import dev.dynamotest.core.CapacityMeter;
import dev.dynamotest.core.ThrottleEvent;
import java.util.List;

/**
 * The capacity the traffic of a test consumed in one region, and the requests that were throttled (or would have
 * been), read live from an engine's {@link CapacityMeter}. Assert on it with
 * {@link DynamoAssertions#assertThat(Capacity)}.
 *
 * <pre>{@code
 * assertThat(dynamo.capacity()).hadNoThrottling();
 * assertThat(dynamo.capacity().table("Orders")).consumedWriteUnits().isEqualTo(5.0);
 * }</pre>
 */
public final class Capacity {

    private final CapacityMeter meter;
    private final String region;

    private Capacity(CapacityMeter meter, String region) {
        this.meter = meter;
        this.region = region;
    }

    /** The capacity of the tables of a region of an engine. */
    public static Capacity of(CapacityMeter meter, String region) {
        return new Capacity(meter, region);
    }

    public String region() {
        return region;
    }

    /** One table of the region: its usage, its indexes' usage and its throttle events. */
    public TableCapacity table(String name) {
        return new TableCapacity(meter, region, name);
    }

    /** The throttle events of every table of the region, oldest first. */
    public List<ThrottleEvent> throttles() {
        return meter.throttles().stream().filter(e -> e.region().equals(region)).toList();
    }
}
