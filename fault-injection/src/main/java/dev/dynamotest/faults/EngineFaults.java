package dev.dynamotest.faults;

import dev.dynamotest.core.DaxServer;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.regions.RegionOutage;
import dev.dynamotest.faults.internal.ServerFaults;
import dev.dynamotest.faults.internal.StreamRule;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;

/**
 * Fault rules applied by an engine in this JVM, through its request interceptor chain, so every front door and
 * client sees them (DAX calls that miss DAX's caches too); besides the call rules of {@link Faults} they delay the
 * engine's streams, take its regions down and take DAX nodes in front of it down. Made by {@link Faults#on(DynamoEngine)}; in a {@code @DynamoTest}, {@code dynamo.engineFaults()}.
 *
 * <pre>{@code
 * EngineFaults faults = Faults.on(engine);
 * faults.throttle(PUT_ITEM).onTable("Orders").times(2);
 * StreamFault lag = faults.streamLag("Orders", Duration.ofSeconds(5));
 * }</pre>
 */
public final class EngineFaults extends Faults {

    private final DynamoEngine engine;
    private final ServerFaults server;

    EngineFaults(DynamoEngine engine) {
        super(engine.config().accountId());
        this.engine = engine;
        this.server = new ServerFaults(engine, rules());
        server.install();
    }

    /**
     * Makes the records of a table's stream (in any region) readable only {@code lag} after their change, by the
     * engine's clock, for GetRecords, the engine's stream readers and stream handlers.
     */
    public StreamFault streamLag(String table, Duration lag) {
        Objects.requireNonNull(lag, "lag");
        if (lag.isNegative()) {
            throw new IllegalArgumentException("streamLag takes a lag that is not negative, not " + lag);
        }
        return addStream(new StreamRule(null, Objects.requireNonNull(table, "table"), lag));
    }

    /** Holds back every record of a table's stream (in any region) until {@link StreamFault#release()}. */
    public StreamFault holdStream(String table) {
        return addStream(new StreamRule(null, Objects.requireNonNull(table, "table"), null));
    }

    /**
     * Takes one of the engine's regions down (through {@code engine.regions().outage}): every request to it fails as
     * {@code mode} says, whichever door it comes through; replication into and out of it stops, and it keeps its
     * data. {@link RegionOutage#end()} brings it back, and the backlog replicates in order. In a {@code @DynamoTest}
     * an outage ends at the latest before the next test method.
     */
    @Override
    public RegionOutage regionOutage(Region region, OutageMode mode) {
        Objects.requireNonNull(region, "region");
        return engine.regions().outage(region.id(), Objects.requireNonNull(mode, "mode"));
    }

    /**
     * Takes a DAX node in front of this engine down until {@link DaxOutage#end()}: its connections are dropped and new
     * ones refused, so the DAX client raises its connection errors, while the engine keeps serving HTTP and in-process
     * clients. Ending it brings the node back with empty caches.
     */
    public DaxOutage daxOutage(DaxServer node) {
        Objects.requireNonNull(node, "node");
        if (node.engine() != engine) {
            throw new IllegalArgumentException("daxOutage takes a DAX node in front of this engine "
                    + "(DaxServer.start(engine)), not one in front of another engine");
        }
        if (!node.isUp()) {
            throw new IllegalStateException("daxOutage takes a DAX node that is up; this one is down already");
        }
        return new DaxOutage(node);
    }

    /** Removes every rule and takes the faults off the engine. */
    @Override
    public void close() {
        super.close();
        server.uninstall();
    }

    private StreamFault addStream(StreamRule rule) {
        rules().add(rule);
        return new StreamFault(rules(), rule);
    }
}
