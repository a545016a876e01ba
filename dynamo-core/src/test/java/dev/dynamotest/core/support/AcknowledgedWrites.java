package dev.dynamotest.core.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a writer was told about its writes, key by key: the item of the last acknowledged write, and the writes
 * that were sent but never answered (the server died), which may or may not have been applied. The writes of an
 * unanswered transaction are kept as a group, which must be applied whole or not at all. Thread-safe.
 */
public final class AcknowledgedWrites {

    /** What a key may hold: its acknowledged item ({@code null}: no item) and, if a write was in flight, its item. */
    private record Expected(Map<String, AttributeValue> acknowledged, boolean inFlight,
            Map<String, AttributeValue> unanswered) {
    }

    private final Map<String, Expected> keys = new HashMap<>();
    private final List<List<String>> unansweredGroups = new ArrayList<>();
    private long acknowledgedCount;

    /** Records a write of these items (by key; a {@code null} item is a delete) that was acknowledged. */
    public synchronized void acknowledged(Map<String, Map<String, AttributeValue>> items) {
        items.forEach((key, item) -> keys.put(key, new Expected(item, false, null)));
        acknowledgedCount += items.size();
    }

    /**
     * Records a write of these items that got no answer: each may or may not have been applied, all of them together
     * if the request was {@code atomic} (a transaction), each on its own if not (BatchWriteItem, as in DynamoDB).
     */
    public synchronized void unanswered(Map<String, Map<String, AttributeValue>> items, boolean atomic) {
        items.forEach((key, item) -> {
            Expected before = keys.get(key);
            keys.put(key, new Expected(before == null ? null : before.acknowledged(), true, item));
        });
        if (atomic) {
            unansweredGroups.add(new ArrayList<>(items.keySet()));
        }
    }

    public synchronized long acknowledgedCount() {
        return acknowledgedCount;
    }

    /** The item acknowledged last for the key, if any. */
    public synchronized Optional<Map<String, AttributeValue>> acknowledgedItem(String key) {
        Expected expected = keys.get(key);
        return Optional.ofNullable(expected == null ? null : expected.acknowledged());
    }

    /**
     * Compares what the table holds with what was acknowledged and returns the differences, one line each (empty
     * when it all matches); then takes the table's state as acknowledged, so that the writes left unanswered are
     * settled for the next round.
     */
    public synchronized List<String> compareAndSettle(Map<String, Map<String, AttributeValue>> table) {
        List<String> differences = new ArrayList<>();
        for (String key : table.keySet()) {
            if (!keys.containsKey(key)) {
                differences.add(key + " holds " + table.get(key) + " but was never written");
            }
        }
        Map<String, Boolean> appliedUnanswered = new LinkedHashMap<>();
        keys.forEach((key, expected) -> {
            Map<String, AttributeValue> actual = table.get(key);
            if (expected.inFlight() && java.util.Objects.equals(actual, expected.unanswered())) {
                appliedUnanswered.put(key, true);
            } else if (java.util.Objects.equals(actual, expected.acknowledged())) {
                appliedUnanswered.put(key, false);
            } else {
                differences.add(key + " holds " + actual + " but its acknowledged item is " + expected.acknowledged()
                        + (expected.inFlight() ? " (or, unanswered, " + expected.unanswered() + ")" : ""));
            }
        });
        for (List<String> group : unansweredGroups) {
            long applied = group.stream().filter(k -> appliedUnanswered.getOrDefault(k, false)).count();
            boolean ambiguous = group.stream().anyMatch(k -> {
                Expected e = keys.get(k);
                return java.util.Objects.equals(e.acknowledged(), e.unanswered());
            });
            if (!ambiguous && applied != 0 && applied != group.size()) {
                differences.add("the unanswered request that wrote " + group + " was applied in part: " + applied
                        + " of " + group.size());
            }
        }
        if (differences.isEmpty()) {
            keys.replaceAll((key, expected) -> new Expected(table.get(key), false, null));
            unansweredGroups.clear();
        }
        return differences;
    }
}
