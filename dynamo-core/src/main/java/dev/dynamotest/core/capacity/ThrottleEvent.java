package dev.dynamotest.core.capacity;

import dev.dynamotest.core.CapacityMode;
import java.time.Instant;

/**
 * One request that was throttled (or, in {@link CapacityMode#OBSERVE}, would have been): when, on which table or
 * index, why (a DynamoDB throttling reason such as {@code TableWriteProvisionedThroughputExceeded}) and what
 * produced it.
 *
 * @param index    the global secondary index throttled, or {@code null} for the table itself
 * @param resource the ARN of the table or index, as in DynamoDB's ThrottlingReason
 * @param enforced whether the request was refused; {@code false} when the table observes only
 */
public record ThrottleEvent(Instant time, String region, String table, String index, String reason,
        String resource, Source source, boolean enforced) {

    /** What produced a throttle event. */
    public enum Source {
        /** The engine's capacity model: the traffic exceeded the table's capacity. */
        CAPACITY_MODEL,
        /** A fault rule injected the throttle. */
        FAULT_RULE
    }

    /** A readable line: {@code 12:00:03.250 Orders: TableWriteProvisionedThroughputExceeded (throttled)}. */
    @Override
    public String toString() {
        return time + " " + table + (index == null ? "" : "/index/" + index) + ": " + reason
                + (enforced ? " (throttled)" : " (would be throttled in production)")
                + (source == Source.FAULT_RULE ? " [fault rule]" : "");
    }
}
