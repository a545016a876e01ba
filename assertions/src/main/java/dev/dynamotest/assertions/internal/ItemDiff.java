package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The differences between an expected and an actual item, one line per attribute, for failure messages. */
public final class ItemDiff {

    private ItemDiff() {
    }

    public static List<String> of(Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
        List<String> lines = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(expected.keySet());
        names.addAll(actual.keySet());
        for (String name : names) {
            AttributeValue e = expected.get(name);
            AttributeValue a = actual.get(name);
            if (a == null) {
                lines.add(Render.quote(name) + " is missing (expected " + Render.value(e) + ")");
            } else if (e == null) {
                lines.add(Render.quote(name) + " is not expected (it is " + Render.value(a) + ")");
            } else if (!ValueEquality.equal(e, a)) {
                lines.add(Render.quote(name) + " is " + Render.value(a) + " instead of " + Render.value(e)
                        + TypeHint.of(e, a).map(hint -> " (" + hint + ")").orElse(""));
            }
        }
        return lines;
    }
}
