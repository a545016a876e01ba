package dev.dynamotest.faults;

import dev.dynamotest.faults.internal.RuleSet;
import dev.dynamotest.faults.internal.StreamRule;

/**
 * A stream fault in force: a table's stream records readable only after a lag, or held back until
 * {@link #release()}. It applies to GetRecords and to readers of the engine's streams.
 */
public final class StreamFault {

    private final RuleSet rules;
    private final StreamRule rule;

    StreamFault(RuleSet rules, StreamRule rule) {
        this.rules = rules;
        this.rule = rule;
    }

    /** Lets the held (or lagging) records be read: the fault is removed. */
    public void release() {
        rules.remove(rule);
    }

    /** The same as {@link #release()}. */
    public void remove() {
        release();
    }

    StreamRule rule() {
        return rule;
    }

    @Override
    public String toString() {
        return rule.describe();
    }
}
