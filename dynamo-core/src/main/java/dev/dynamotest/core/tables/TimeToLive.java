package dev.dynamotest.core.tables;

import java.time.Duration;

/**
 * The engine's time-to-live sweep, for tests that want expired items gone now. The engine sweeps on its own
 * before each request, deleting items whose expiry time passed at least {@link #sweepDelay()} ago on the engine
 * clock; {@link #sweepNow()} deletes every expired item at once. Obtain it with {@link dev.dynamotest.core.DynamoEngine#ttl()}.
 *
 * <pre>{@code
 * clock.advance(Duration.ofHours(2));
 * engine.ttl().sweepNow();   // the items that expired are deleted, with REMOVE stream records
 * }</pre>
 */
public interface TimeToLive {

    /**
     * Deletes every item of the tables with time to live enabled whose expiry time is now or earlier on the engine
     * clock, through the one write path (REMOVE records by the DynamoDB service); returns how many were deleted.
     */
    int sweepNow();

    /** How long after its expiry the engine's own sweep deletes an item. */
    Duration sweepDelay();
}
