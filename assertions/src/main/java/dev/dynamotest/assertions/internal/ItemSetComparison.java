package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the items a table holds with the items expected, in any order: items are paired by their key,
 * then each pair is compared by value, so a failure tells which items differ, which are missing and which
 * were not expected.
 */
public final class ItemSetComparison {

    private final List<String> differing = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();

    private ItemSetComparison() {
    }

    public static ItemSetComparison of(List<Map<String, AttributeValue>> expected,
            List<Map<String, AttributeValue>> actual, List<String> keyNames) {
        ItemSetComparison result = new ItemSetComparison();
        List<Map<String, AttributeValue>> left = new ArrayList<>(actual);
        List<Map<String, AttributeValue>> unpaired = new ArrayList<>();
        for (Map<String, AttributeValue> e : expected) {
            Optional<Map<String, AttributeValue>> equal = left.stream()
                    .filter(a -> ValueEquality.items(e, a)).findFirst();
            if (equal.isPresent()) {
                left.remove(equal.get());
            } else {
                unpaired.add(e);
            }
        }
        for (Map<String, AttributeValue> e : unpaired) {
            Map<String, AttributeValue> key = NearestKeys.keyOf(e, keyNames);
            Optional<Map<String, AttributeValue>> sameKey = key.size() < keyNames.size() ? Optional.empty()
                    : left.stream().filter(a -> sameKey(key, a)).findFirst();
            if (sameKey.isPresent()) {
                left.remove(sameKey.get());
                result.differing.add(Render.key(key, keyNames) + ": "
                        + String.join(", ", ItemDiff.of(e, sameKey.get())));
            } else {
                result.missing.add(Render.item(e, keyNames));
            }
        }
        left.forEach(a -> result.unexpected.add(Render.item(a, keyNames)));
        return result;
    }

    private static boolean sameKey(Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        return key.entrySet().stream().allMatch(k -> item.containsKey(k.getKey())
                && ValueEquality.equal(k.getValue(), item.get(k.getKey())));
    }

    public boolean matches() {
        return differing.isEmpty() && missing.isEmpty() && unexpected.isEmpty();
    }

    /** What did not match: the items that differ, those missing and those not expected. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!differing.isEmpty()) {
            parts.add("items that differ:\n" + Messages.list(differing));
        }
        if (!missing.isEmpty()) {
            parts.add("items missing:\n" + Messages.list(missing));
        }
        if (!unexpected.isEmpty()) {
            parts.add("items not expected:\n" + Messages.list(unexpected));
        }
        return String.join("\n", parts);
    }
}
