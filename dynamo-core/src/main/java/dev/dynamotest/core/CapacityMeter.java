package dev.dynamotest.core;

import dev.dynamotest.core.internal.capacity.CapacityModel;
import dev.dynamotest.core.internal.ops.capacity.Costs;
import java.util.List;

/**
 * The engine's capacity model, seen from a test: each table's mode, the units its traffic consumed, and the
 * requests that were throttled (or, observed, would have been). Obtain it with {@link DynamoEngine#capacity()}.
 *
 * <pre>{@code
 * engine.capacity().mode("us-east-1", "Orders", CapacityMode.ENFORCE);
 * List<ThrottleEvent> throttles = engine.capacity().throttles();
 * }</pre>
 */
public final class CapacityMeter {

    private final CapacityModel model;
    private final Costs costs;
    private final Tables tables;

    CapacityMeter(CapacityModel model, Costs costs, Tables tables) {
        this.model = model;
        this.costs = costs;
        this.tables = tables;
    }

    /**
     * What a table's traffic and storage since it is metered (its creation, or the last {@link #reset()}) would cost
     * in DynamoDB at the engine's prices ({@link EngineConfig.Builder#prices}), and in the other class and mode.
     */
    public TableCost cost(String region, String table) {
        return costs.of(region, table);
    }

    /** The cost of every table of a region, by name. */
    public List<TableCost> costs(String region) {
        return tables.names(region).stream().map(name -> costs.of(region, name)).toList();
    }

    /** The mode of a table: its own, or the engine's. */
    public CapacityMode mode(String region, String table) {
        return model.mode(region, table);
    }

    /** Sets a table's own mode, kept if the table is dropped and created again; {@code null} follows the engine's. */
    public void mode(String region, String table, CapacityMode mode) {
        model.mode(region, table, mode);
    }

    /** The units a table consumed, itself (without its global secondary indexes). */
    public CapacityUsage usage(String region, String table) {
        return model.usage(region, table, null);
    }

    /** The units one global secondary index of a table consumed. */
    public CapacityUsage usage(String region, String table, String index) {
        return model.usage(region, table, index);
    }

    /** The global secondary indexes of a table that have usage to report, by name. */
    public List<String> indexes(String region, String table) {
        return model.indexes(region, table);
    }

    /** The throttle events, oldest first (at most the latest 10,000). */
    public List<ThrottleEvent> throttles() {
        return model.throttles();
    }

    /** Records a throttle event that something other than the capacity model produced, such as a fault rule. */
    public void record(ThrottleEvent event) {
        model.record(event);
    }

    /** Forgets usage and throttle events; the tables' capacity (burst, on-demand peaks) stays as it is. */
    public void resetUsage() {
        model.resetUsage();
    }

    /** Forgets all capacity state, as if every table had just been created. */
    public void reset() {
        model.resetAll();
    }

    /**
     * Runs set-up work (creating and seeding tables) without metering it: nothing is charged or throttled meanwhile,
     * from any thread.
     */
    public void unmetered(Runnable work) {
        model.suspend();
        try {
            work.run();
        } finally {
            model.resume();
        }
    }
}
