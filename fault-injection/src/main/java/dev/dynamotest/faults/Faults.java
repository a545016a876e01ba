package dev.dynamotest.faults;

import dev.dynamotest.core.Clock;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.Operation;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.regions.RegionOutage;
import dev.dynamotest.faults.internal.Action;
import dev.dynamotest.faults.internal.FaultErrors;
import dev.dynamotest.faults.internal.RuleSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import software.amazon.awssdk.regions.Region;

/**
 * Fault rules: what DynamoDB does under stress (throttling, server errors, latency, dropped connections, partial
 * batches, transaction conflicts, regional outages), as a line of test code. Each verb starts a rule
 * ({@link FaultRuleBuilder}, {@link ThrottleRuleBuilder}) that a final verb puts in force. Rules are tried in the
 * order they were added; the first that applies to a call acts (delays add up and let later rules act too).
 *
 * <pre>{@code
 * EngineFaults faults = Faults.on(engine);            // in a @DynamoTest: dynamo.faults()
 * faults.throttle(PUT_ITEM).onTable("Orders").times(2);
 * faults.unprocessed(0.5, BATCH_WRITE_ITEM).once();
 * faults.regionOutage(Region.US_EAST_1);
 * }</pre>
 *
 * Where the rules act is in the type: {@link EngineFaults} ({@link #on(DynamoEngine)}) are applied by an engine in
 * this JVM, which also serves stream faults; {@link ClientFaults} ({@link #forClients()}) are applied inside SDK
 * clients by their {@link ClientFaults#executionInterceptor() interceptor}, for an endpoint this JVM does not run.
 */
public abstract sealed class Faults implements AutoCloseable permits EngineFaults, ClientFaults {

    private final RuleSet rules = new RuleSet();
    private final String accountId;

    Faults(String accountId) {
        this.accountId = accountId;
    }

    /** Rules applied by the engine to every request it receives and to reads of its streams. */
    public static EngineFaults on(DynamoEngine engine) {
        return new EngineFaults(engine);
    }

    /** Rules applied inside SDK clients, with windows ({@code during}) on the system clock. */
    public static ClientFaults forClients() {
        return forClients(Clock.system());
    }

    /** Rules applied inside SDK clients, with windows on the given clock. */
    public static ClientFaults forClients(Clock clock) {
        return new ClientFaults(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Throttles the calls, by default with ProvisionedThroughputExceededException (HTTP 400), as a provisioned
     * table over its capacity; {@link ThrottleRuleBuilder#as} chooses another throttling error and
     * {@link ThrottleRuleBuilder#withReason} the reason its ThrottlingReasons give.
     */
    public ThrottleRuleBuilder throttle(Operation... operations) {
        return new ThrottleRuleBuilder(rules, accountId, operationSet(operations));
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
        return rule(operations, (t, a) -> new Action.Drop("dropped connection"));
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
     * Starts an outage of a region, as a client sees a regional outage: every request to it fails with HTTP 500
     * {@code InternalServerError}. The same as {@code regionOutage(region, OutageMode.SERVER_ERROR)}.
     */
    public RegionOutage regionOutage(Region region) {
        return regionOutage(region, OutageMode.SERVER_ERROR);
    }

    /**
     * Starts an outage of a region until {@link RegionOutage#end()}: every request to it fails as {@code mode} says
     * (HTTP 500 {@code InternalServerError}, HTTP 503 {@code ServiceUnavailable}, or a connection closed with no
     * response); a second call for the region changes its mode. What else stops depends on where the rules act:
     * see {@link EngineFaults#regionOutage(Region, OutageMode)} and
     * {@link ClientFaults#regionOutage(Region, OutageMode)}.
     */
    public abstract RegionOutage regionOutage(Region region, OutageMode mode);

    /** Opens a scope: closing it removes the rules (and stream faults) added since. */
    public FaultScope openScope() {
        Set<Object> before = rules.snapshot();
        return () -> rules.removeAddedSince(before);
    }

    /** The rules in force, in the order they were added (call rules, then stream faults). */
    public List<String> describe() {
        return rules.describe();
    }

    /** Removes every rule and stream fault. */
    public void clear() {
        rules.clear();
    }

    /** Removes every rule; the engine's rules are also taken off the engine. */
    @Override
    public void close() {
        clear();
    }

    RuleSet rules() {
        return rules;
    }

    private FaultRuleBuilder rule(Operation[] operations, BiFunction<String, String, Action> action) {
        return new FaultRuleBuilder(rules, accountId, operationSet(operations), action);
    }

    private static Set<Operation> operationSet(Operation... operations) {
        for (Operation op : operations) {
            Objects.requireNonNull(op, "operation");
        }
        return Set.copyOf(Arrays.asList(operations));
    }
}
