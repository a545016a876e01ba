package dev.dynamotest.faults.internal;

import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.model.StreamRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of the rules in force, in the order they were added: decides what happens to a call (the first rule
 * that admits it acts; delays add up and let later rules act too) and whether a stream record may be read; lists,
 * clears, and removes the rules added since a snapshot.
 */
public final class RuleSet {

    /** What to do with a call: delays first, then at most one other action (none: handle it normally). */
    public record Decision(List<Action> delays, RuleState acting) {
        public boolean none() {
            return delays.isEmpty() && acting == null;
        }
    }

    private static final Decision NONE = new Decision(List.of(), null);
    private final List<RuleState> rules = new CopyOnWriteArrayList<>();
    private final List<StreamRule> streamRules = new CopyOnWriteArrayList<>();

    public void add(RuleState rule) {
        rules.add(rule);
    }

    public void remove(RuleState rule) {
        rules.remove(rule);
    }

    public void add(StreamRule rule) {
        streamRules.add(rule);
    }

    /** Removes that rule (by identity: equal stream rules may be in force side by side). */
    public void remove(StreamRule rule) {
        streamRules.removeIf(r -> r == rule);
    }

    /** Whether any call rule is in force. */
    public boolean hasCallRules() {
        return !rules.isEmpty();
    }

    /** The rules (and stream rules) in force now, by identity, for {@link #removeAddedSince}. */
    public Set<Object> snapshot() {
        Set<Object> now = Collections.newSetFromMap(new IdentityHashMap<>());
        now.addAll(rules);
        now.addAll(streamRules);
        return now;
    }

    /** Removes the rules (and stream rules) that are not in the snapshot: those added since it was taken. */
    public void removeAddedSince(Set<Object> snapshot) {
        rules.removeIf(r -> !snapshot.contains(r));
        streamRules.removeIf(r -> !snapshot.contains(r));
    }

    /** Removes every rule and stream rule. */
    public void clear() {
        rules.clear();
        streamRules.clear();
    }

    /** The descriptions of the call rules, then of the stream rules, in the order they were added. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        rules.forEach(r -> out.add(r.describe()));
        streamRules.forEach(r -> out.add(r.describe()));
        return out;
    }

    public Decision decide(DynamoRequest request, Instant now) {
        if (rules.isEmpty()) {
            return NONE;
        }
        List<Action> delays = new ArrayList<>();
        for (RuleState rule : rules) {
            if (rule.matches(request) && rule.admit(now)) {
                if (!rule.action().passesOn()) {
                    return new Decision(delays, rule);
                }
                delays.add(rule.action());
            }
        }
        return delays.isEmpty() ? NONE : new Decision(delays, null);
    }

    public boolean visible(StreamRecord record, Instant changedAt, Instant now) {
        for (StreamRule rule : streamRules) {
            if (!rule.visible(record, changedAt, now)) {
                return false;
            }
        }
        return true;
    }
}
