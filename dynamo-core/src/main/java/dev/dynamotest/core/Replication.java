package dev.dynamotest.core;

import dev.dynamotest.core.internal.replication.Replicator;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Global-table replication as a test steers it: wait until every replica has caught up, pause and resume it
 * (all of it, one table, or one replica pair, like AWS FIS's pause-replication action), delay it on the
 * engine's clock, and read its backlog and lag. Obtain it with {@link DynamoEngine#replication()}.
 *
 * <pre>{@code
 * engine.replication().pause("Orders");
 * // writes in us-east-1 are not yet in eu-west-1 ...
 * engine.replication().resume("Orders").awaitQuiet();
 * }</pre>
 *
 * By default a change is delivered to the other replicas as soon as a background thread gets to it, without
 * waiting on the clock, so {@link #awaitQuiet()} returns promptly even when the clock is frozen. With a
 * {@link #delay(Duration) delay}, a change is delivered once the engine's clock has passed its time plus the
 * delay: on a frozen clock, advance it.
 */
public final class Replication {

    /** How long {@link #awaitQuiet()} waits. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Replicator replicator;
    private final Regions regions;

    Replication(Replicator replicator, Regions regions) {
        this.replicator = replicator;
        this.regions = regions;
    }

    /**
     * Starts a regional outage (see {@link Regions#outage(String, OutageMode)}): requests to the region fail and
     * replication into and out of it stops until the outage ends; the region keeps its data.
     */
    public RegionOutage regionOutage(String region, OutageMode mode) {
        return regions.outage(region, mode);
    }

    /**
     * Waits until every change has reached every replica. Fails with an {@link AssertionError} naming what holds
     * the backlog: at once when only a pause, a region outage or a delay on a frozen clock holds it, after
     * {@link #DEFAULT_TIMEOUT} otherwise. Fails at once, naming each change and with the first one's reason as
     * its cause, when a replica has refused a replicated change (see {@link #failures()}).
     */
    public Replication awaitQuiet() {
        return awaitQuiet(DEFAULT_TIMEOUT);
    }

    /** Waits as {@link #awaitQuiet()} does, at most {@code timeout}. */
    public Replication awaitQuiet(Duration timeout) {
        replicator.awaitQuiet(Objects.requireNonNull(timeout, "timeout"));
        return this;
    }

    /** Whether every change has reached every replica: none waits and none was refused. */
    public boolean isCaughtUp() {
        return replicator.backlog() == 0 && replicator.failures().isEmpty();
    }

    /** The number of changes still to be delivered, counting each target replica once. */
    public int backlog() {
        return replicator.backlog();
    }

    /** How long the oldest undelivered change has waited, by the engine's clock; zero when caught up. */
    public Duration lag() {
        return replicator.lag();
    }

    /** Pauses all replication. */
    public Replication pause() {
        replicator.pause(null, null, null, true);
        return this;
    }

    /** Resumes all replication, lifting every pause (of tables and pairs too). */
    public Replication resume() {
        replicator.pause(null, null, null, false);
        return this;
    }

    /** Pauses the replication of one table, between all its replicas. */
    public Replication pause(String table) {
        replicator.pause(Objects.requireNonNull(table, "table"), null, null, true);
        return this;
    }

    /** Resumes the replication of one table, and of its replica pairs. */
    public Replication resume(String table) {
        replicator.pause(Objects.requireNonNull(table, "table"), null, null, false);
        return this;
    }

    /** Pauses the replication of one table from one region into another (the opposite direction goes on). */
    public Replication pause(String table, String fromRegion, String toRegion) {
        replicator.pause(Objects.requireNonNull(table, "table"), Objects.requireNonNull(fromRegion, "fromRegion"),
                Objects.requireNonNull(toRegion, "toRegion"), true);
        return this;
    }

    /** Resumes what {@link #pause(String, String, String)} paused. */
    public Replication resume(String table, String fromRegion, String toRegion) {
        replicator.pause(Objects.requireNonNull(table, "table"), Objects.requireNonNull(fromRegion, "fromRegion"),
                Objects.requireNonNull(toRegion, "toRegion"), false);
        return this;
    }

    /** Delivers each change only once the engine's clock is {@code amount} past its time (zero: at once). */
    public Replication delay(Duration amount) {
        replicator.delay(null, checked(amount));
        return this;
    }

    /** Delays the replication of one table, as {@link #delay(Duration)} does for all. */
    public Replication delay(String table, Duration amount) {
        replicator.delay(Objects.requireNonNull(table, "table"), checked(amount));
        return this;
    }

    /** The delay of a table's replication. */
    public Duration delayOf(String table) {
        return replicator.delayOf(table);
    }

    /**
     * The replicated changes a replica refused (for example a write whose index key no longer fits the replica's
     * schema), oldest first. Each is also logged with its stack trace; none is retried.
     */
    public List<ReplicationFailure> failures() {
        return replicator.failures();
    }

    /**
     * Lifts every pause and delay and forgets the {@link #failures()} (region outages are ended through
     * {@link Regions}).
     */
    public Replication reset() {
        replicator.resetGates();
        replicator.forgetFailures();
        return this;
    }

    private static Duration checked(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a replication delay cannot be negative: " + amount);
        }
        return amount;
    }

    @Override
    public String toString() {
        return "Replication[backlog " + backlog() + ", lag " + lag() + "]";
    }
}
