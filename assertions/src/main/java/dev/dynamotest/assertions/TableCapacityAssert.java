package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.core.capacity.Capacity;
import dev.dynamotest.core.capacity.TableCapacity;
import dev.dynamotest.core.capacity.ThrottleEvent;
import java.util.List;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on one table's capacity: throttling, and the units it consumed. Obtain it with
 * {@link DynamoAssertions#assertThat(TableCapacity)}.
 *
 * <pre>{@code
 * assertThat(dynamo.capacity().table("Orders")).hadNoThrottling().consumedWriteUnits().isEqualTo(3.0);
 * }</pre>
 */
public class TableCapacityAssert extends AbstractAssert<TableCapacityAssert, TableCapacity> {

    public TableCapacityAssert(TableCapacity actual) {
        super(actual, TableCapacityAssert.class);
    }

    /** Verifies that no request to the table or its indexes was throttled, nor would have been in production. */
    public TableCapacityAssert hadNoThrottling() {
        List<ThrottleEvent> events = actual.throttles();
        if (!events.isEmpty()) {
            throw Messages.failure(where(), throttledMessage(events));
        }
        return this;
    }

    /** Verifies that at least one request to the table or its indexes was throttled (or would have been). */
    public TableCapacityAssert wasThrottled() {
        if (actual.throttles().isEmpty()) {
            throw Messages.failure(where(), "Expecting a throttled request, but no request was throttled; the table "
                    + "consumed " + units(actual.consumedReadUnits()) + " read and "
                    + units(actual.consumedWriteUnits()) + " write units, at most "
                    + units(actual.peakReadUnitsPerSecond()) + " and " + units(actual.peakWriteUnitsPerSecond())
                    + " in one second");
        }
        return this;
    }

    /** The write units the table consumed (without its global secondary indexes), to assert on. */
    @CheckReturnValue
    public AbstractDoubleAssert<?> consumedWriteUnits() {
        return Assertions.assertThat(actual.consumedWriteUnits()).as(where() + " consumed write units");
    }

    /** The read units the table consumed (without its global secondary indexes), to assert on. */
    @CheckReturnValue
    public AbstractDoubleAssert<?> consumedReadUnits() {
        return Assertions.assertThat(actual.consumedReadUnits()).as(where() + " consumed read units");
    }

    /** The most read units the table consumed in one second of the engine's clock, to assert on. */
    @CheckReturnValue
    public AbstractDoubleAssert<?> peakReadUnitsPerSecond() {
        return Assertions.assertThat(actual.peakReadUnitsPerSecond()).as(where() + " peak read units per second");
    }

    /** The most write units the table consumed in one second of the engine's clock, to assert on. */
    @CheckReturnValue
    public AbstractDoubleAssert<?> peakWriteUnitsPerSecond() {
        return Assertions.assertThat(actual.peakWriteUnitsPerSecond()).as(where() + " peak write units per second");
    }

    static String throttledMessage(List<ThrottleEvent> events) {
        return "Expecting no throttling, but " + Messages.count(events.size(), "request") + " "
                + (events.size() == 1 ? "was" : "were") + " throttled:\n"
                + Messages.list(events.stream().map(ThrottleEvent::toString).toList());
    }

    private static String units(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private String where() {
        return "Capacity of " + actual;
    }
}
