package dev.dynamotest.faults.internal;

import dev.dynamotest.core.Door;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.Operation;
import dev.dynamotest.core.requests.RequestJournal;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A fault rule as the interceptors apply it: what it matches (region, table, index, door, operations, a predicate),
 * which of the matching calls it applies to, and what it does; with its counts.
 */
public final class RuleState {

    private final Set<Operation> operations;
    private final String region;
    private final String table;
    private final String index;
    private final Door door;
    private final Predicate<DynamoRequest> predicate;
    private final Window window;
    private final Action action;
    private long matched;
    private long applied;

    public RuleState(Set<Operation> operations, String region, String table, String index,
            Predicate<DynamoRequest> predicate, Window window, Action action) {
        this(operations, region, table, index, null, predicate, window, action);
    }

    /** A rule narrowed to the calls through a door ({@code null}: any door). */
    public RuleState(Set<Operation> operations, String region, String table, String index, Door door,
            Predicate<DynamoRequest> predicate, Window window, Action action) {
        this.door = door;
        this.operations = Set.copyOf(operations);
        this.region = region;
        this.table = table;
        this.index = index;
        this.predicate = predicate;
        this.window = window;
        this.action = action;
    }

    /** Whether the call is one the rule is about, before its window is considered. */
    public boolean matches(DynamoRequest request) {
        if (!operations.isEmpty() && !operations.contains(Operation.of(request.operation()))) {
            return false;
        }
        if (region != null && !region.equals(request.region())) {
            return false;
        }
        if (table != null && !RequestJournal.tablesOf(request.body()).contains(table)) {
            return false;
        }
        if (index != null && !index.equals(RequestJournal.indexOf(request.body()))) {
            return false;
        }
        if (door != null && door != request.door()) {
            return false;
        }
        return predicate == null || predicate.test(request);
    }

    /** Counts a matching call and tells whether the window admits it. */
    public synchronized boolean admit(Instant now) {
        matched++;
        if (window.admits(matched, now)) {
            applied++;
            return true;
        }
        return false;
    }

    public Action action() {
        return action;
    }

    public String table() {
        return table;
    }

    public synchronized long matched() {
        return matched;
    }

    public synchronized long applied() {
        return applied;
    }

    public synchronized boolean spent() {
        return window.spent(matched);
    }

    public String describe() {
        StringBuilder out = new StringBuilder(action.describe());
        out.append(operations.isEmpty() ? " on any operation" : " on " + operations.stream().map(Operation::apiName)
                .sorted().toList());
        if (region != null) {
            out.append(" in ").append(region);
        }
        if (table != null) {
            out.append(" on table ").append(table);
        }
        if (index != null) {
            out.append(" index ").append(index);
        }
        if (door != null) {
            out.append(" through ").append(door);
        }
        if (predicate != null) {
            out.append(" when matching a predicate");
        }
        return out.append(", ").append(window.describe()).toString();
    }
}
