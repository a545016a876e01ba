package dev.dynamotest.faults;

import dev.dynamotest.core.Clock;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.Operation;
import dev.dynamotest.core.OutageMode;
import dev.dynamotest.core.RegionOutage;
import dev.dynamotest.faults.internal.Action;
import dev.dynamotest.faults.internal.ClientFaults;
import dev.dynamotest.faults.internal.FaultErrors;
import dev.dynamotest.faults.internal.FaultErrors.Throttle;
import dev.dynamotest.faults.internal.RuleSet;
import dev.dynamotest.faults.internal.RuleState;
import dev.dynamotest.faults.internal.ServerFaults;
import dev.dynamotest.faults.internal.StreamRule;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import software.amazon.awssdk.regions.Region;

/**
 * Fault rules for an endpoint: what DynamoDB does under stress (throttling, server errors, latency, dropped
 * connections, partial batches, transaction conflicts, lagging streams), as a line of test code. Each verb starts
 * a rule ({@link FaultRuleBuilder}) that a final verb puts in force. Rules are tried in the order they were added;
 * the first that applies to a call acts (delays add up and let later rules act too).
 *
 * <pre>{@code
 * Faults faults = Faults.on(engine);                  // in a @DynamoTest: dynamo.faults()
 * faults.throttle(PUT_ITEM).onTable("Orders").times(2);
 * faults.unprocessed(0.5, BATCH_WRITE_ITEM).once();
 * faults.streamLag("Orders", Duration.ofSeconds(5));
 * }</pre>
 *
 * For an endpoint not run by this JVM, {@link #forClients()} gives rules that {@link #executionInterceptor()}
 * applies inside an SDK v2 client; stream faults need the engine and are refused there.
 */
public final class Faults implements AutoCloseable {

    /**
     * Set by {@link #executionInterceptor()} on every attempt it sees: the description of the rule that shaped the
     * attempt's answer, or {@code ""} when none did. A client's own interceptor placed before it can read it, e.g. to
     * journal the attempt.
     */
    public static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<String> APPLIED_FAULT =
            ClientFaults.APPLIED;

    private static final String DEFAULT_ACCOUNT = "000000000000";

    private final RuleSet rules = new RuleSet();
    private final Clock clock;
    private final String accountId;
    private final ServerFaults server;
    private final DynamoEngine engine;

    private Faults(Clock clock, String accountId, DynamoEngine engine) {
        this.engine = engine;
        this.clock = clock;
        this.accountId = accountId;
        this.server = engine == null ? null : new ServerFaults(engine, rules);
        if (server != null) {
            server.install();
        }
    }

    /** Rules applied by the engine to every request it receives and to reads of its streams. */
    public static Faults on(DynamoEngine engine) {
        return new Faults(engine.clock(), engine.config().accountId(), engine);
    }

    /** Rules for {@link #executionInterceptor()} only, with windows ({@code during}) on the system clock. */
    public static Faults forClients() {
        return forClients(Clock.system());
    }

    /** Rules for {@link #executionInterceptor()} only, with windows on the given clock. */
    public static Faults forClients(Clock clock) {
        return new Faults(Objects.requireNonNull(clock, "clock"), DEFAULT_ACCOUNT, null);
    }

    /**
     * An SDK v2 interceptor that applies these rules inside a client, before its requests leave: for endpoints
     * this JVM does not run. Add it with {@code overrideConfiguration(c -> c.addExecutionInterceptor(...))}.
     * Stream faults cannot be added to such rules.
     */
    public software.amazon.awssdk.core.interceptor.ExecutionInterceptor executionInterceptor() {
        return new ClientFaults(rules, clock, accountId, null);
    }

    /**
     * Like {@link #executionInterceptor()}, for a client whose requests name tables otherwise than the rules do (its
     * own interceptors rename them): the rules see the names {@code names} gives back.
     */
    public software.amazon.awssdk.core.interceptor.ExecutionInterceptor executionInterceptor(ClientTableNames names) {
        return new ClientFaults(rules, clock, accountId, Objects.requireNonNull(names, "names"));
    }

    /** Throttles with ProvisionedThroughputExceededException (HTTP 400), as a provisioned table over its capacity. */
    public FaultRuleBuilder throttle(Operation... operations) {
        return throttle(Throttle.PROVISIONED_THROUGHPUT_EXCEEDED, null, operations);
    }

    /** Throttles with ThrottlingException (HTTP 400), as an on-demand table over its maximum throughput. */
    public FaultRuleBuilder throttlingException(Operation... operations) {
        return throttle(Throttle.THROTTLING, null, operations);
    }

    /** Throttles with RequestLimitExceeded (HTTP 400), as an account over its throughput quota. */
    public FaultRuleBuilder requestLimitExceeded(Operation... operations) {
        return throttle(Throttle.REQUEST_LIMIT_EXCEEDED, null, operations);
    }

    /**
     * Throttles with ProvisionedThroughputExceededException whose ThrottlingReasons carry this reason instead of
     * the derived one ({@code TableWriteKeyRangeThroughputExceeded}, ...).
     */
    public FaultRuleBuilder throttle(String reason, Operation... operations) {
        return throttle(Throttle.PROVISIONED_THROUGHPUT_EXCEEDED, Objects.requireNonNull(reason, "reason"),
                operations);
    }

    private FaultRuleBuilder throttle(Throttle kind, String reason, Operation... operations) {
        String name = switch (kind) {
            case PROVISIONED_THROUGHPUT_EXCEEDED -> "throttle";
            case THROTTLING -> "throttling exception";
            case REQUEST_LIMIT_EXCEEDED -> "request limit exceeded";
        };
        return rule(operations, (table, account) -> new Action.Fail(name,
                request -> FaultErrors.throttle(kind, request, table, reason, account)));
    }

    /** Fails with InternalServerError (HTTP 500). */
    public FaultRuleBuilder internalServerError(Operation... operations) {
        return rule(operations, (t, a) -> new Action.Fail("internal server error",
                request -> FaultErrors.internalServerError()));
    }

    /** Fails with ServiceUnavailable (HTTP 503). */
    public FaultRuleBuilder serviceUnavailable(Operation... operations) {
        return rule(operations, (t, a) -> new Action.Fail("service unavailable",
                request -> FaultErrors.serviceUnavailable()));
    }

    /** Delays each call by a fixed time before handling it. */
    public FaultRuleBuilder delay(Duration delay, Operation... operations) {
        return delay(Latency.fixed(delay), operations);
    }

    /** Delays each call by a time drawn from the latency before handling it. */
    public FaultRuleBuilder delay(Latency latency, Operation... operations) {
        Objects.requireNonNull(latency, "latency");
        return rule(operations, (t, a) -> new Action.Delay(latency));
    }

    /** Closes the connection without any response, as a network failure would. */
    public FaultRuleBuilder dropConnection(Operation... operations) {
        return rule(operations, (t, a) -> new Action.Drop());
    }

    /**
     * Hands back a fraction of a BatchWriteItem's requests or a BatchGetItem's keys as UnprocessedItems or
     * UnprocessedKeys ({@code ceil(fraction * n)} of them, the last ones; of the {@code onTable} table's only, if
     * named) and handles the rest. With no operations named, both batch operations.
     */
    public FaultRuleBuilder unprocessed(double fraction, Operation... operations) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("unprocessed takes a fraction above 0 and at most 1, not " + fraction);
        }
        Operation[] ops = operations.length == 0
                ? new Operation[] {Operation.BATCH_WRITE_ITEM, Operation.BATCH_GET_ITEM} : operations;
        for (Operation op : ops) {
            if (op != Operation.BATCH_WRITE_ITEM && op != Operation.BATCH_GET_ITEM) {
                throw new IllegalArgumentException("unprocessed applies to BatchWriteItem and BatchGetItem, not "
                        + op.apiName());
            }
        }
        return rule(ops, (table, a) -> new Action.Withhold(fraction, table));
    }

    /**
     * A conflict with a transaction in flight: TransactWriteItems and TransactGetItems are cancelled with the
     * reason {@code TransactionConflict} (for the actions on the {@code onTable} table, or all), other operations
     * fail with TransactionConflictException. With no operations named, TransactWriteItems.
     */
    public FaultRuleBuilder transactionConflict(Operation... operations) {
        Operation[] ops = operations.length == 0 ? new Operation[] {Operation.TRANSACT_WRITE_ITEMS} : operations;
        return rule(ops, (table, a) -> new Action.Fail("transaction conflict",
                request -> FaultErrors.transactionConflict(request, table)));
    }

    /**
     * TransactionInProgressException for a TransactWriteItems whose ClientRequestToken an earlier call already
     * used, as when DynamoDB still handles the first: the first call with a token goes through.
     */
    public FaultRuleBuilder transactionInProgress() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        return rule(new Operation[] {Operation.TRANSACT_WRITE_ITEMS}, (t, a) -> new Action.Fail(
                "transaction in progress", request -> FaultErrors.transactionInProgress()))
                .matching(request -> {
                    String token = request.body() == null ? null
                            : request.body().path("ClientRequestToken").asText(null);
                    return token != null && !seen.add(token);
                });
    }

    /**
     * Makes the records of a table's stream (in any region) readable only {@code lag} after their change, by the
     * engine's clock.
     */
    public StreamFault streamLag(String table, Duration lag) {
        Objects.requireNonNull(lag, "lag");
        refuseStreamFaults();
        if (lag.isNegative()) {
            throw new IllegalArgumentException("streamLag takes a lag that is not negative, not " + lag);
        }
        return addStream(new StreamRule(null, Objects.requireNonNull(table, "table"), lag));
    }

    /** Holds back every record of a table's stream (in any region) until {@link StreamFault#release()}. */
    public StreamFault holdStream(String table) {
        refuseStreamFaults();
        return addStream(new StreamRule(null, Objects.requireNonNull(table, "table"), null));
    }

    /**
     * Starts an outage of one of the engine's regions, as a client sees a regional outage: every request to it fails
     * with HTTP 500 {@code InternalServerError} ({@link OutageMode#SERVER_ERROR}, the default), HTTP 503
     * {@code ServiceUnavailable}, or a connection closed with no response; replication into and out of it stops,
     * and it keeps its data. {@link RegionOutage#end()} brings it back, and the backlog replicates in order. In a
     * {@code @DynamoTest} an outage ends at the latest before the next test method.
     *
     * @throws IllegalStateException for {@link #forClients()} rules, which have no engine to take down
     */
    public RegionOutage regionOutage(Region region) {
        return regionOutage(region, OutageMode.SERVER_ERROR);
    }

    /** Starts an outage of one of the engine's regions that fails requests as {@code mode} says: see {@link #regionOutage(Region)}. */
    public RegionOutage regionOutage(Region region, OutageMode mode) {
        Objects.requireNonNull(region, "region");
        if (engine == null) {
            throw new IllegalStateException("a region outage takes down a region of an engine in this JVM; rules made "
                    + "by Faults.forClients() have none");
        }
        return engine.regions().outage(region.id(), Objects.requireNonNull(mode, "mode"));
    }

    /**
     * Puts a declared rule in force; {@code source} names where it was declared, for the message when the declaration
     * is incomplete.
     *
     * @throws IllegalArgumentException when the declaration misses what its kind needs, or mixes windows
     */
    public void declare(InjectFault fault, String source) {
        try {
            declare(fault);
        } catch (IllegalArgumentException | NullPointerException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("@InjectFault(" + fault.value() + ") on " + source + ": "
                    + e.getMessage(), e);
        }
    }

    private void declare(InjectFault fault) {
        String table = fault.table().isEmpty() ? null : fault.table();
        Operation[] ops = fault.operations();
        FaultRuleBuilder builder = switch (fault.value()) {
            case THROTTLE -> fault.reason().isEmpty() ? throttle(ops) : throttle(fault.reason(), ops);
            case THROTTLING_EXCEPTION -> throttlingException(ops);
            case REQUEST_LIMIT_EXCEEDED -> requestLimitExceeded(ops);
            case INTERNAL_SERVER_ERROR -> internalServerError(ops);
            case SERVICE_UNAVAILABLE -> serviceUnavailable(ops);
            case LATENCY -> delay(Duration.ofMillis(positive(fault.millis(), "millis")), ops);
            case DROP_CONNECTION -> dropConnection(ops);
            case UNPROCESSED -> unprocessed(fault.fraction(), ops);
            case TRANSACTION_CONFLICT -> transactionConflict(ops);
            case TRANSACTION_IN_PROGRESS -> transactionInProgress();
            case STREAM_LAG, STREAM_HOLD -> null;
        };
        if (builder == null) {
            if (table == null) {
                throw new IllegalArgumentException("a stream fault needs table = the table whose stream it delays");
            }
            if (fault.value() == FaultKind.STREAM_LAG) {
                streamLag(table, Duration.ofMillis(positive(fault.millis(), "millis")));
            } else {
                holdStream(table);
            }
            return;
        }
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

    /** Stream faults act where the stream is read, in the engine: rules for clients cannot hold records back. */
    private void refuseStreamFaults() {
        if (server == null) {
            throw new UnsupportedOperationException("stream faults (streamLag, holdStream) act in the engine that "
                    + "serves the stream, so they need the endpoint in this JVM; these rules act inside SDK clients "
                    + "(Faults.forClients(), or @DynamoTest against dynamotest.endpoint)");
        }
    }

    private static long positive(long millis, String name) {
        if (millis <= 0) {
            throw new IllegalArgumentException("set " + name + " to a number of milliseconds above 0");
        }
        return millis;
    }

    /** Opens a scope: closing it removes the rules added since. */
    public FaultScope openScope() {
        Set<Object> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(rules.rules());
        before.addAll(rules.streamRules());
        return () -> {
            rules.rules().stream().filter(r -> !before.contains(r)).forEach(rules::remove);
            rules.streamRules().stream().filter(r -> !before.contains(r)).forEach(rules::remove);
        };
    }

    /** The call rules in force, in the order they were added. */
    public List<String> describe() {
        return java.util.stream.Stream.concat(rules.rules().stream().map(RuleState::describe),
                rules.streamRules().stream().map(StreamRule::describe)).toList();
    }

    /** Removes every rule and stream fault. */
    public void clear() {
        rules.rules().forEach(rules::remove);
        rules.streamRules().forEach(rules::remove);
    }

    /** Removes every rule and takes the faults off the engine. */
    @Override
    public void close() {
        clear();
        if (server != null) {
            server.uninstall();
        }
    }

    String accountId() {
        return accountId;
    }

    FaultRule add(RuleState state) {
        rules.add(state);
        return new FaultRule(rules, state);
    }

    private StreamFault addStream(StreamRule rule) {
        rules.add(rule);
        return new StreamFault(rules, rule);
    }

    private FaultRuleBuilder rule(Operation[] operations, BiFunction<String, String, Action> action) {
        for (Operation op : operations) {
            Objects.requireNonNull(op, "operation");
        }
        return new FaultRuleBuilder(this, Set.copyOf(java.util.Arrays.asList(operations)), action);
    }
}
