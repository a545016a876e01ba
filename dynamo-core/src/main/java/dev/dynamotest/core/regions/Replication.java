package dev.dynamotest.core.regions;

import java.time.Duration;
import java.util.List;

/**
 * Global-table replication as a test steers it: wait until every replica has caught up, pause and resume it
 * (all of it, one table, or one replica pair, like AWS FIS's pause-replication action), delay it on the
 * engine's clock, and read its backlog and lag. Obtain it with {@link dev.dynamotest.core.DynamoEngine#replication()}.
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
public interface Replication {

    /** How long {@link #awaitQuiet()} waits. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Waits until every change has reached every replica. Fails with an {@link AssertionError} naming what holds
     * the backlog: at once when only a pause, a region outage or a delay on a frozen clock holds it, after
     * {@link #DEFAULT_TIMEOUT} otherwise. Fails at once, naming each change and with the first one's reason as
     * its cause, when a replica has refused a replicated change (see {@link #failures()}).
     */
    Replication awaitQuiet();

    /** Waits as {@link #awaitQuiet()} does, at most {@code timeout}. */
    Replication awaitQuiet(Duration timeout);

    /** Whether every change has reached every replica: none waits and none was refused. */
    boolean isCaughtUp();

    /** The number of changes still to be delivered, counting each target replica once. */
    int backlog();

    /** How long the oldest undelivered change has waited, by the engine's clock; zero when caught up. */
    Duration lag();

    /** Pauses all replication. */
    Replication pause();

    /** Resumes all replication, lifting every pause (of tables and pairs too). */
    Replication resume();

    /** Pauses the replication of one table, between all its replicas. */
    Replication pause(String table);

    /** Resumes the replication of one table, and of its replica pairs. */
    Replication resume(String table);

    /** Pauses the replication of one table from one region into another (the opposite direction goes on). */
    Replication pause(String table, String fromRegion, String toRegion);

    /** Resumes what {@link #pause(String, String, String)} paused. */
    Replication resume(String table, String fromRegion, String toRegion);

    /** Delivers each change only once the engine's clock is {@code amount} past its time (zero: at once). */
    Replication delay(Duration amount);

    /** Delays the replication of one table, as {@link #delay(Duration)} does for all. */
    Replication delay(String table, Duration amount);

    /** The delay of a table's replication. */
    Duration delayOf(String table);

    /**
     * The replicated changes a replica refused (for example a write whose index key no longer fits the replica's
     * schema), oldest first. Each is also logged with its stack trace; none is retried.
     */
    List<ReplicationFailure> failures();

    /**
     * Lifts every pause and delay and forgets the {@link #failures()} (region outages are ended through
     * {@link Regions}).
     */
    Replication reset();
}
