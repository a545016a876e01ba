package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.core.capacity.Capacity;
import dev.dynamotest.core.capacity.ThrottleEvent;
import java.util.List;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the capacity of a region's tables: whether any request was throttled (or, observed, would have
 * been). Obtain it with {@link DynamoAssertions#assertThat(Capacity)}.
 *
 * <pre>{@code
 * assertThat(dynamo.capacity()).hadNoThrottling();
 * }</pre>
 */
public class CapacityAssert extends AbstractAssert<CapacityAssert, Capacity> {

    public CapacityAssert(Capacity actual) {
        super(actual, CapacityAssert.class);
    }

    /** Verifies that no request to a table of the region was throttled, nor would have been in production. */
    public CapacityAssert hadNoThrottling() {
        List<ThrottleEvent> events = actual.throttles();
        if (!events.isEmpty()) {
            throw Messages.failure(where(), TableCapacityAssert.throttledMessage(events));
        }
        return this;
    }

    /** Verifies that at least one request to a table of the region was throttled (or would have been). */
    public CapacityAssert wasThrottled() {
        if (actual.throttles().isEmpty()) {
            throw Messages.failure(where(), "Expecting a throttled request, but no request was throttled");
        }
        return this;
    }

    /** Assertions on one table of the region. */
    @CheckReturnValue
    public TableCapacityAssert table(String name) {
        return new TableCapacityAssert(actual.table(name));
    }

    private String where() {
        return "Capacity of the tables of " + actual.region().orElse("every region");
    }
}
