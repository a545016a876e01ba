package dev.dynamotest.faults.internal;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.faults.Latency;
import java.util.function.Function;

/** What a fault rule does to a call it applies to. */
public sealed interface Action {

    /** A description for the journal and messages: {@code "throttle"}, {@code "latency 200 ms"}. */
    String describe();

    /** Whether later rules may still act on the call (delays add up). */
    default boolean passesOn() {
        return false;
    }

    /** Answers with an error instead of handling the call. */
    record Fail(String describe, Function<DynamoRequest, DynamoException> error) implements Action {
    }

    /** Delays the call, then lets it go on. */
    record Delay(Latency latency) implements Action {
        @Override
        public String describe() {
            return latency.toString();
        }

        @Override
        public boolean passesOn() {
            return true;
        }
    }

    /** Closes the connection without an answer. */
    record Drop(String describe) implements Action {
    }

    /** Returns a fraction of a batch's items or keys as unprocessed, and handles the rest. */
    record Withhold(double fraction, String table) implements Action {
        @Override
        public String describe() {
            return "unprocessed " + Math.round(fraction * 100) + "%";
        }
    }
}
