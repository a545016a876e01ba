package dev.dynamotest.samples.orders;

import java.time.Duration;

/**
 * How the repository waits before trying again: exponential delays from a base up to a cap, handed to a
 * {@link Sleeper} (the real one sleeps; a test's records the delays instead).
 */
public record Backoff(Duration base, Duration cap, int maxAttempts, Sleeper sleeper) {

    /** Waits for a delay. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    /** 50 ms doubling up to 2 s, 5 attempts, with real sleeps. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2), 5, delay -> Thread.sleep(delay.toMillis()));
    }

    /** The delay before attempt {@code attempt + 1} (attempts counted from 1). */
    public Duration delayAfter(int attempt) {
        Duration delay = base.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    void pause(int attempt) {
        try {
            sleeper.sleep(delayAfter(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
