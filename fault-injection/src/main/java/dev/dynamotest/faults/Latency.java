package dev.dynamotest.faults;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How long a latency fault delays each call: a fixed time, or a seeded distribution that gives the same sequence
 * of delays on every run.
 *
 * <pre>{@code
 * dynamo.faults().delay(Latency.uniform(Duration.ofMillis(50), Duration.ofMillis(150), 42), GET_ITEM).always();
 * }</pre>
 */
public abstract class Latency {

    private Latency() {
    }

    /** The same delay for every call. */
    public static Latency fixed(Duration delay) {
        requireNotNegative(delay, "delay");
        return new Latency() {
            @Override
            public synchronized Duration next() {
                return delay;
            }

            @Override
            public String toString() {
                return "latency " + delay.toMillis() + " ms";
            }
        };
    }

    /** A delay drawn uniformly from {@code [min, max]} for each call, from a random sequence fixed by the seed. */
    public static Latency uniform(Duration min, Duration max, long seed) {
        requireNotNegative(min, "min");
        requireNotNegative(max, "max");
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("Latency.uniform: max " + max + " is less than min " + min);
        }
        SplittableRandom random = new SplittableRandom(seed);
        long span = max.toNanos() - min.toNanos();
        return new Latency() {
            @Override
            public synchronized Duration next() {
                return min.plusNanos(span == 0 ? 0 : random.nextLong(span + 1));
            }

            @Override
            public String toString() {
                return "latency " + min.toMillis() + ".." + max.toMillis() + " ms";
            }
        };
    }

    /** The delay for the next call. */
    public abstract Duration next();

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException("Latency: " + name + " must not be negative, but is " + d);
        }
    }
}
