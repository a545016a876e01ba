package dev.dynamotest.core.capacity;

import java.util.List;
import java.util.Optional;

/**
 * The capacity that tables' traffic consumed, and the requests that were throttled (or, observed, would have
 * been), in a scope of the engine: {@link dev.dynamotest.core.DynamoEngine#capacity()} covers every region,
 * {@link #region(String)} narrows it to one, and a test's {@code dynamo.capacity()} is its class's region. Read live;
 * assert on it with {@code DynamoAssertions.assertThat(...)}.
 *
 * <pre>{@code
 * engine.capacity().region("us-east-1").table("Orders").mode(CapacityMode.ENFORCE);
 * assertThat(dynamo.capacity()).hadNoThrottling();
 * assertThat(dynamo.capacity().table("Orders")).consumedWriteUnits().isEqualTo(5.0);
 * }</pre>
 */
public interface Capacity {

    /** The region of this scope; empty when the scope is every region of the engine. */
    Optional<String> region();

    /** The same capacity narrowed to one region. */
    Capacity region(String region);

    /**
     * One table of the scope's region (the engine's default region when the scope is every region): its usage, its
     * indexes' usage, its throttle events and its mode.
     */
    TableCapacity table(String name);

    /** The throttle events of every table of the scope, oldest first (the engine keeps the latest 10,000). */
    List<ThrottleEvent> throttles();

    /**
     * Records a throttle event that something other than the capacity model produced, such as a fault rule. Like
     * the other controls below, it acts on the whole engine, whatever the scope.
     */
    void record(ThrottleEvent event);

    /** Forgets usage and throttle events; the tables' capacity (burst, on-demand peaks) stays as it is. */
    void resetUsage();

    /** Forgets all capacity state, as if every table had just been created. */
    void reset();

    /**
     * Runs set-up work (creating and seeding tables) without metering it: nothing is charged or throttled meanwhile,
     * from any thread.
     */
    void unmetered(Runnable work);
}
