package dev.dynamotest.core;

import java.time.Instant;

/**
 * The engine's only source of time. TTL expiry, stream retention, backups and capacity refill all read
 * it, so a test that controls the clock controls them (see {@link ControllableClock}).
 */
@FunctionalInterface
public interface Clock {

    /** The current instant. */
    Instant now();

    /** The system clock. */
    static Clock system() {
        return Instant::now;
    }
}
