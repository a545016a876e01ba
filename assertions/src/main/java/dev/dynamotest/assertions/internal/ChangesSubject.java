package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.ChangeCapture;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What a change assertion looks at: the changes of a capture, optionally of one table, read afresh by each
 * check; in order mode, a cursor on the last change matched.
 *
 * @param capture the capture
 * @param table   the table the changes are filtered to, or {@code null}
 * @param ordered whether each expected change must come after the previous one matched
 * @param cursor  the index of the last change matched in order mode, -1 before the first
 * @param context how checks run
 */
public record ChangesSubject(ChangeCapture capture, String table, boolean ordered, AtomicInteger cursor,
        AssertContext context) {

    public static ChangesSubject of(ChangeCapture capture, AssertContext context) {
        return new ChangesSubject(capture, null, false, new AtomicInteger(-1), context);
    }

    public ChangesSubject onTable(String name) {
        return new ChangesSubject(capture, name, ordered, new AtomicInteger(-1), context);
    }

    public ChangesSubject inOrder() {
        return new ChangesSubject(capture, table, true, new AtomicInteger(-1), context);
    }

    public ChangesSubject with(AssertContext other) {
        return new ChangesSubject(capture, table, ordered, cursor, other);
    }

    public String location() {
        return "Changes" + (table == null ? "" : " to table " + table) + " since sequence " + capture.mark();
    }

    public List<ChangeRecord> records() {
        return table == null ? capture.records() : capture.records(table);
    }

    /** The indexes of the changes of that kind to the item with that key, after the cursor when in order. */
    public List<Integer> matches(List<ChangeRecord> records, String event, Map<String, AttributeValue> key,
            int after) {
        List<Integer> found = new ArrayList<>();
        for (int i = Math.max(0, after + 1); i < records.size(); i++) {
            ChangeRecord r = records.get(i);
            if (r.eventName().equals(event) && r.keys().keySet().equals(key.keySet()) && key.entrySet().stream()
                    .allMatch(e -> ValueEquality.equal(e.getValue(), r.keys().get(e.getKey()), false))) {
                found.add(i);
            }
        }
        return found;
    }

    /** The changes, one a line, summarised when there are many. */
    public static String list(List<ChangeRecord> records) {
        return Messages.list(records.stream().map(ChangesSubject::render).collect(Collectors.toList()));
    }

    public static String render(ChangeRecord r) {
        List<String> keyNames = List.copyOf(r.keys().keySet());
        String head = r.eventName() + " " + r.tableName() + " " + Render.key(r.keys(), keyNames);
        return switch (r.eventName()) {
            case "INSERT" -> head + ": " + Render.item(r.newImage(), keyNames).replace("\n", " ");
            case "MODIFY" -> head + ": " + modification(r.oldImage(), r.newImage());
            default -> head;
        };
    }

    private static String modification(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        List<String> changed = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            AttributeValue old = before.get(name);
            AttributeValue now = after.get(name);
            if (old == null || now == null || !ValueEquality.equal(old, now, false)) {
                changed.add(Render.quote(name) + " " + (old == null ? "(none)" : Render.value(old)) + " -> "
                        + (now == null ? "(none)" : Render.value(now)));
            }
        }
        return changed.isEmpty() ? "no attribute changed" : String.join(", ", changed);
    }
}
