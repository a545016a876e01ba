package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.internal.ops.lifecycle.Lifecycle;
import dev.dynamotest.core.tables.TimeToLive;
import java.time.Duration;

/** The engine's {@link TimeToLive}, over the lifecycle's sweep. */
public final class SweepTimeToLive implements TimeToLive {

    private final Lifecycle lifecycle;
    private final Duration delay;

    public SweepTimeToLive(Lifecycle lifecycle, Duration delay) {
        this.lifecycle = lifecycle;
        this.delay = delay;
    }

    @Override
    public int sweepNow() {
        return lifecycle.sweepExpiredNow();
    }

    @Override
    public Duration sweepDelay() {
        return delay;
    }
}
