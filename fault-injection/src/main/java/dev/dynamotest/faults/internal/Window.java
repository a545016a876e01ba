package dev.dynamotest.faults.internal;

import java.time.Instant;
import java.util.SplittableRandom;

/** Which of the calls a rule matches it applies to, given the call's number among them (from 1). */
public sealed interface Window {

    boolean admits(long call, Instant now);

    /** Whether no later call can be admitted, so the rule is spent. */
    default boolean spent(long calls) {
        return false;
    }

    String describe();

    /** Every matching call. */
    record Always() implements Window {
        @Override
        public boolean admits(long call, Instant now) {
            return true;
        }

        @Override
        public String describe() {
            return "always";
        }
    }

    /** Calls {@code from} to {@code to} (inclusive) of those that match. */
    record Calls(long from, long to) implements Window {
        @Override
        public boolean admits(long call, Instant now) {
            return call >= from && call <= to;
        }

        @Override
        public boolean spent(long calls) {
            return calls >= to;
        }

        @Override
        public String describe() {
            return from == 1 ? "first " + to + (to == 1 ? " call" : " calls") : "calls " + from + ".." + to;
        }
    }

    /** Each matching call with a probability, drawn from a random sequence fixed by the seed. */
    final class Chance implements Window {
        private final double probability;
        private final long seed;
        private final SplittableRandom random;

        public Chance(double probability, long seed) {
            this.probability = probability;
            this.seed = seed;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public synchronized boolean admits(long call, Instant now) {
            return random.nextDouble() < probability;
        }

        @Override
        public String describe() {
            return "with probability " + probability + " (seed " + seed + ")";
        }
    }

    /** Matching calls while the clock is in {@code [from, to)}. */
    record Between(Instant from, Instant to) implements Window {
        @Override
        public boolean admits(long call, Instant now) {
            return !now.isBefore(from) && now.isBefore(to);
        }

        @Override
        public String describe() {
            return "from " + from + " to " + to;
        }
    }
}
