package dev.dynamotest.faults;

import dev.dynamotest.faults.internal.RuleSet;
import dev.dynamotest.faults.internal.RuleState;

/**
 * A fault rule in force: what it matches, which calls it applies to and what it does, with counts of the calls
 * it matched and applied to. {@link #remove()} takes it out of force; rules added during a {@code @DynamoTest}
 * method are removed after it.
 */
public final class FaultRule {

    private final RuleSet rules;
    private final RuleState state;

    FaultRule(RuleSet rules, RuleState state) {
        this.rules = rules;
        this.state = state;
    }

    /** How many calls matched the rule (region, table, index, operations, predicate), whether it applied or not. */
    public long matched() {
        return state.matched();
    }

    /** How many calls the rule applied its fault to. */
    public long applied() {
        return state.applied();
    }

    /** Whether the rule can apply to no more calls (its first N, or its calls N..M, are past). */
    public boolean spent() {
        return state.spent();
    }

    /** Takes the rule out of force. */
    public void remove() {
        rules.remove(state);
    }

    RuleState state() {
        return state;
    }

    @Override
    public String toString() {
        return state.describe();
    }
}
