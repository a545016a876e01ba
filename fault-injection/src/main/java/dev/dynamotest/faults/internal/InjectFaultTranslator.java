package dev.dynamotest.faults.internal;

import dev.dynamotest.core.Operation;
import dev.dynamotest.faults.EngineFaults;
import dev.dynamotest.faults.FaultKind;
import dev.dynamotest.faults.FaultRuleBuilder;
import dev.dynamotest.faults.Faults;
import dev.dynamotest.faults.InjectFault;
import dev.dynamotest.faults.ThrottleError;
import dev.dynamotest.faults.ThrottleRuleBuilder;
import java.time.Duration;

/** Translates an {@link InjectFault} declaration into the rule the fault DSL would build, and puts it in force. */
public final class InjectFaultTranslator {

    private InjectFaultTranslator() {
    }

    /**
     * Puts a declared rule in force; {@code source} names where it was declared (a class, or class.method), for the
     * message when the declaration is incomplete or cannot act where the rules act.
     *
     * @throws IllegalArgumentException naming the declaration and the fix, when it misses what its kind needs, mixes
     *                                  windows, or declares a stream fault for rules applied inside clients
     */
    public static void declare(Faults faults, InjectFault fault, String source) {
        try {
            declare(faults, fault);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("@InjectFault(" + fault.value() + ") on " + source + ": "
                    + e.getMessage(), e);
        }
    }

    private static void declare(Faults faults, InjectFault fault) {
        String table = fault.table().isEmpty() ? null : fault.table();
        if (!fault.reason().isEmpty() && throttleError(fault.value()) == null) {
            throw new IllegalArgumentException("reason is set, but only THROTTLE, THROTTLING_EXCEPTION and "
                    + "REQUEST_LIMIT_EXCEEDED give ThrottlingReasons; remove reason");
        }
        if (fault.value() == FaultKind.STREAM_LAG || fault.value() == FaultKind.STREAM_HOLD) {
            declareStreamFault(faults, fault, table);
            return;
        }
        FaultRuleBuilder builder = rule(faults, fault);
        if (table != null) {
            builder = builder.onTable(table);
        }
        if (!fault.index().isEmpty()) {
            builder = builder.onIndex(fault.index());
        }
        if (!fault.region().isEmpty()) {
            builder = builder.inRegion(fault.region());
        }
        int windows = (fault.times() > 0 ? 1 : 0) + (fault.fromCall() > 0 || fault.toCall() > 0 ? 1 : 0)
                + (fault.probability() >= 0 ? 1 : 0);
        if (windows > 1) {
            throw new IllegalArgumentException("set only one of times, fromCall/toCall and probability");
        }
        if (fault.times() > 0) {
            builder.times(fault.times());
        } else if (fault.fromCall() > 0 || fault.toCall() > 0) {
            builder.calls(fault.fromCall(), fault.toCall());
        } else if (fault.probability() >= 0) {
            builder.withProbability(fault.probability(), fault.seed());
        } else {
            builder.always();
        }
    }

    /** The rule of the declared kind, not yet narrowed, for a kind other than the stream faults. */
    private static FaultRuleBuilder rule(Faults faults, InjectFault fault) {
        Operation[] ops = fault.operations();
        ThrottleError throttle = throttleError(fault.value());
        if (throttle != null) {
            ThrottleRuleBuilder builder = faults.throttle(ops).as(throttle);
            return fault.reason().isEmpty() ? builder : builder.withReason(fault.reason());
        }
        return switch (fault.value()) {
            case INTERNAL_SERVER_ERROR -> faults.internalServerError(ops);
            case SERVICE_UNAVAILABLE -> faults.serviceUnavailable(ops);
            case LATENCY -> faults.delay(Duration.ofMillis(positive(fault.millis(), "millis")), ops);
            case DROP_CONNECTION -> faults.dropConnection(ops);
            case UNPROCESSED -> faults.unprocessed(fault.fraction(), ops);
            case TRANSACTION_CONFLICT -> faults.transactionConflict(ops);
            case TRANSACTION_IN_PROGRESS -> faults.transactionInProgress();
            default -> throw new IllegalStateException("no rule for " + fault.value());
        };
    }

    private static void declareStreamFault(Faults faults, InjectFault fault, String table) {
        if (table == null) {
            throw new IllegalArgumentException("a stream fault needs table = the table whose stream it delays");
        }
        if (!(faults instanceof EngineFaults engine)) {
            throw new IllegalArgumentException("stream faults (streamLag, holdStream) act in the engine that serves "
                    + "the stream, so they need the endpoint in this JVM; these rules act inside SDK clients "
                    + "(Faults.forClients(), or @DynamoTest against dynamotest.endpoint): remove the declaration or "
                    + "run the test against an endpoint in this JVM");
        }
        if (fault.value() == FaultKind.STREAM_LAG) {
            engine.streamLag(table, Duration.ofMillis(positive(fault.millis(), "millis")));
        } else {
            engine.holdStream(table);
        }
    }

    /** The throttling error a throttle kind answers with, or {@code null} for the other kinds. */
    private static ThrottleError throttleError(FaultKind kind) {
        return switch (kind) {
            case THROTTLE -> ThrottleError.PROVISIONED_THROUGHPUT_EXCEEDED;
            case THROTTLING_EXCEPTION -> ThrottleError.THROTTLING_EXCEPTION;
            case REQUEST_LIMIT_EXCEEDED -> ThrottleError.REQUEST_LIMIT_EXCEEDED;
            default -> null;
        };
    }

    private static long positive(long millis, String name) {
        if (millis <= 0) {
            throw new IllegalArgumentException("set " + name + " to a number of milliseconds above 0");
        }
        return millis;
    }
}
