package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.model.AttributeValue;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks the stored keys that look most like a key that was not found, for failure messages. */
public final class NearestKeys {

    private static final int SHOWN = 3;

    private NearestKeys() {
    }

    public static List<String> of(Map<String, AttributeValue> wanted, List<Map<String, AttributeValue>> items,
            List<String> keyNames) {
        String target = Render.key(wanted, keyNames);
        return items.stream()
                .map(item -> Render.key(keyOf(item, keyNames), keyNames))
                .distinct()
                .sorted(Comparator.comparingInt((String k) -> distance(target, k)).thenComparing(k -> k))
                .limit(SHOWN)
                .toList();
    }

    public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, List<String> keyNames) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        keyNames.stream().filter(item::containsKey).forEach(n -> key.put(n, item.get(n)));
        return key;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
