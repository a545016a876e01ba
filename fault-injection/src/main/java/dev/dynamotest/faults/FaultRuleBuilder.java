package dev.dynamotest.faults;

import dev.dynamotest.core.Door;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.Operation;
import dev.dynamotest.faults.internal.Action;
import dev.dynamotest.faults.internal.RuleSet;
import dev.dynamotest.faults.internal.RuleState;
import dev.dynamotest.faults.internal.Window;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import software.amazon.awssdk.regions.Region;

/**
 * A fault rule being written: narrow it with {@code inRegion}, {@code onTable}, {@code onIndex}, {@code through}
 * and {@code matching}, then end it with one verb that says which of the matching calls it applies to
 * ({@code times}, {@code once}, {@code calls}, {@code always}, {@code withProbability}, {@code during}); that verb
 * puts it in force. Each step returns a new builder.
 *
 * <pre>{@code
 * dynamo.faults().throttle(PUT_ITEM).onTable("Orders").times(2);
 * dynamo.faults().internalServerError(GET_ITEM).withProbability(0.3, 42);
 * }</pre>
 *
 * Throttling rules start as a {@link ThrottleRuleBuilder}, which may first choose the error and its reason; the
 * steps here return a plain builder.
 */
public sealed class FaultRuleBuilder permits ThrottleRuleBuilder {

    private final RuleSet rules;
    private final String accountId;
    private final Set<Operation> operations;
    private final BiFunction<String, String, Action> action;
    private final String region;
    private final String table;
    private final String index;
    private final Door door;
    private final Predicate<DynamoRequest> predicate;

    /** A rule of these operations (none: any) whose action is made from its table (or null) and the account id. */
    FaultRuleBuilder(RuleSet rules, String accountId, Set<Operation> operations,
            BiFunction<String, String, Action> action) {
        this(rules, accountId, operations, action, null, null, null, null, null);
    }

    private FaultRuleBuilder(RuleSet rules, String accountId, Set<Operation> operations,
            BiFunction<String, String, Action> action, String region, String table, String index, Door door,
            Predicate<DynamoRequest> predicate) {
        this.rules = rules;
        this.accountId = accountId;
        this.operations = operations;
        this.action = action;
        this.region = region;
        this.table = table;
        this.index = index;
        this.door = door;
        this.predicate = predicate;
    }

    /** Only calls signed for this region. */
    public FaultRuleBuilder inRegion(Region region) {
        return inRegion(Objects.requireNonNull(region, "region").id());
    }

    /** Only calls signed for this region, named by its id ({@code "eu-west-1"}), as {@link Region#of} reads it. */
    public FaultRuleBuilder inRegion(String region) {
        return new FaultRuleBuilder(rules, accountId, operations, action, Objects.requireNonNull(region, "region"),
                table, index, door, predicate);
    }

    /** Only calls that name this table (in TableName, RequestItems or TransactItems). */
    public FaultRuleBuilder onTable(String table) {
        return new FaultRuleBuilder(rules, accountId, operations, action, region,
                Objects.requireNonNull(table, "table"), index, door, predicate);
    }

    /** Only Query and Scan calls on this index. */
    public FaultRuleBuilder onIndex(String index) {
        return new FaultRuleBuilder(rules, accountId, operations, action, region, table,
                Objects.requireNonNull(index, "index"), door, predicate);
    }

    /**
     * Only calls that come into the engine through this door: {@code through(Door.DAX)} aims a rule at the DAX
     * endpoint's calls, whose errors its client raises as DynamoDB's exceptions. A DAX read served from DAX's cache
     * never reaches the engine, so no rule applies to it. Rules of {@link ClientFaults} see every call as
     * {@link Door#HTTP}.
     */
    public FaultRuleBuilder through(Door door) {
        return new FaultRuleBuilder(rules, accountId, operations, action, region, table, index,
                Objects.requireNonNull(door, "door"), predicate);
    }

    /** Only calls the predicate accepts (it sees the region, operation, JSON body and headers). */
    public FaultRuleBuilder matching(Predicate<DynamoRequest> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        Predicate<DynamoRequest> combined = this.predicate == null ? predicate : this.predicate.and(predicate);
        return new FaultRuleBuilder(rules, accountId, operations, action, region, table, index, door, combined);
    }

    /** Applies to the first {@code n} matching calls. */
    public FaultRule times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times takes a number of calls of at least 1, not " + n);
        }
        return add(new Window.Calls(1, n));
    }

    /** Applies to the first matching call. */
    public FaultRule once() {
        return times(1);
    }

    /**
     * Applies to the matching calls numbered {@code from} to {@code to}, both included, counting the calls this
     * rule matches from 1 (the first matching call is call 1): {@code calls(2, 3)} lets the first matching call
     * through, acts on the second and the third, and lets the fourth and later through. Every attempt the SDK sends
     * is a call, so a retry counts as the next call.
     *
     * @throws IllegalArgumentException if {@code from} is below 1 or {@code to} below {@code from}
     */
    public FaultRule calls(int from, int to) {
        if (from < 1) {
            throw new IllegalArgumentException("calls(from, to) counts matching calls from 1, so from must be at "
                    + "least 1, not calls(" + from + ", " + to + ")");
        }
        if (to < from) {
            throw new IllegalArgumentException("calls(from, to) includes both ends, so to must be at least from, not "
                    + "calls(" + from + ", " + to + ")");
        }
        return add(new Window.Calls(from, to));
    }

    /** Applies to every matching call. */
    public FaultRule always() {
        return add(new Window.Always());
    }

    /**
     * Applies to each matching call with a probability, drawn from a random sequence fixed by the seed: the same
     * calls are hit on every run.
     */
    public FaultRule withProbability(double probability, long seed) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("withProbability takes a probability from 0 to 1, not " + probability);
        }
        return add(new Window.Chance(probability, seed));
    }

    /** Applies to matching calls while the engine's clock is at or after {@code from} and before {@code to}. */
    public FaultRule during(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("during takes from < to, not " + from + " and " + to);
        }
        return add(new Window.Between(from, to));
    }

    private FaultRule add(Window window) {
        RuleState state = new RuleState(operations, region, table, index, door, predicate, window,
                action.apply(table, accountId));
        rules.add(state);
        return new FaultRule(rules, state);
    }
}
