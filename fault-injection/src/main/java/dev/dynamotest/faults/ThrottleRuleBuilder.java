package dev.dynamotest.faults;

import dev.dynamotest.core.Operation;
import dev.dynamotest.faults.internal.Action;
import dev.dynamotest.faults.internal.FaultErrors;
import dev.dynamotest.faults.internal.RuleSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A throttling rule being written: first, if the default does not fit, say which error it answers with
 * ({@link #as}) and which reason its ThrottlingReasons give ({@link #withReason}); then narrow and end it as any
 * {@link FaultRuleBuilder}. Each step returns a new builder; the final verb puts the rule in force.
 *
 * <pre>{@code
 * dynamo.faults().throttle(PUT_ITEM).onTable("Orders").times(2);
 * dynamo.faults().throttle(GET_ITEM).as(ThrottleError.THROTTLING_EXCEPTION).onTable("Orders").always();
 * dynamo.faults().throttle(PUT_ITEM).withReason("TableWriteKeyRangeThroughputExceeded").once();
 * }</pre>
 */
public final class ThrottleRuleBuilder extends FaultRuleBuilder {

    private final RuleSet rules;
    private final String accountId;
    private final Set<Operation> operations;
    private final ThrottleError error;
    private final String reason;

    ThrottleRuleBuilder(RuleSet rules, String accountId, Set<Operation> operations) {
        this(rules, accountId, operations, ThrottleError.PROVISIONED_THROUGHPUT_EXCEEDED, null);
    }

    private ThrottleRuleBuilder(RuleSet rules, String accountId, Set<Operation> operations, ThrottleError error,
            String reason) {
        super(rules, accountId, operations, action(error, reason));
        this.rules = rules;
        this.accountId = accountId;
        this.operations = operations;
        this.error = error;
        this.reason = reason;
    }

    /** Answers with this error instead of ProvisionedThroughputExceededException. */
    public ThrottleRuleBuilder as(ThrottleError error) {
        return new ThrottleRuleBuilder(rules, accountId, operations, Objects.requireNonNull(error, "error"), reason);
    }

    /**
     * Gives this reason in the error's ThrottlingReasons instead of the derived one (such as
     * {@code TableWriteProvisionedThroughputExceeded}), e.g. {@code TableWriteKeyRangeThroughputExceeded}.
     */
    public ThrottleRuleBuilder withReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("withReason takes a ThrottlingReasons reason such as "
                    + "TableWriteKeyRangeThroughputExceeded, not a blank string; leave it out for the derived one");
        }
        return new ThrottleRuleBuilder(rules, accountId, operations, error, reason);
    }

    private static BiFunction<String, String, Action> action(ThrottleError error, String reason) {
        return (table, account) -> new Action.Fail(FaultErrors.describe(error),
                request -> FaultErrors.throttle(error, request, table, reason, account));
    }
}
