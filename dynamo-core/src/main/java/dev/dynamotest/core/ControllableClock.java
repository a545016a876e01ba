package dev.dynamotest.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A clock that tests steer: it follows system time until {@link #freeze() frozen}, and can be
 * {@link #advance(Duration) advanced} in either state, so that a test can move hours ahead in no time.
 *
 * <pre>{@code
 * ControllableClock clock = new ControllableClock();
 * clock.freeze();
 * clock.advance(Duration.ofHours(25)); // stream records older than 24 hours are now trimmed
 * }</pre>
 */
public final class ControllableClock implements Clock {

    private final Clock source;
    private Instant frozenAt;
    private Duration offset = Duration.ZERO;

    /** A clock that follows the system clock until it is frozen or advanced. */
    public ControllableClock() {
        this(Clock.system());
    }

    /** A clock that follows the given source until it is frozen or advanced. */
    public ControllableClock(Clock source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public synchronized Instant now() {
        return frozenAt != null ? frozenAt : source.now().plus(offset);
    }

    /** Stops time at the current instant. */
    public synchronized ControllableClock freeze() {
        frozenAt = now();
        return this;
    }

    /** Stops time at the given instant. */
    public synchronized ControllableClock freezeAt(Instant instant) {
        frozenAt = Objects.requireNonNull(instant, "instant");
        return this;
    }

    /** Lets time run again from where it stands. */
    public synchronized ControllableClock unfreeze() {
        if (frozenAt != null) {
            offset = Duration.between(source.now(), frozenAt);
            frozenAt = null;
        }
        return this;
    }

    /** Moves time forward by the given amount, frozen or not. */
    public synchronized ControllableClock advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + amount);
        }
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(amount);
        } else {
            offset = offset.plus(amount);
        }
        return this;
    }

    /** Back to following the source clock: not frozen, not advanced. */
    public synchronized ControllableClock reset() {
        frozenAt = null;
        offset = Duration.ZERO;
        return this;
    }

    /** Whether time is stopped. */
    public synchronized boolean isFrozen() {
        return frozenAt != null;
    }
}
