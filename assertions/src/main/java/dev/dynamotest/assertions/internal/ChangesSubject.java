package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What a change assertion looks at: the changes of a source, optionally of one table, read afresh by each
 * check; in order mode, a cursor on the last change matched.
 *
 * @param source  where the changes come from
 * @param table   the table the changes are filtered to, or {@code null}
 * @param ordered whether each expected change must come after the previous one matched
 * @param cursor  the index of the last change matched in order mode, -1 before the first
 * @param context how checks run
 */
public record ChangesSubject(ChangeSource source, String table, boolean ordered, AtomicInteger cursor,
        AssertContext context) {

    public static ChangesSubject of(ChangeSource source, AssertContext context) {
        return new ChangesSubject(source, null, false, new AtomicInteger(-1), context);
    }

    public ChangesSubject onTable(String name) {
        return new ChangesSubject(source, name, ordered, new AtomicInteger(-1), context);
    }

    public ChangesSubject inOrder() {
        return new ChangesSubject(source, table, true, new AtomicInteger(-1), context);
    }

    public ChangesSubject with(AssertContext other) {
        return new ChangesSubject(source, table, ordered, cursor, other);
    }

    public String location() {
        return source.location(table);
    }

    public List<ChangeRecord> records() {
        List<ChangeRecord> all = source.records();
        return table == null ? all : all.stream().filter(r -> r.tableName().equals(table)).toList();
    }

    /** What the changes are called in messages: {@code changes} or {@code records}. */
    public String noun() {
        return source.noun();
    }

    /** The indexes of the changes of that kind to the item with that key, after the cursor when in order. */
    public List<Integer> matches(List<ChangeRecord> records, String event, Map<String, AttributeValue> key,
            int after) {
        List<Integer> found = new ArrayList<>();
        for (int i = Math.max(0, after + 1); i < records.size(); i++) {
            ChangeRecord r = records.get(i);
            if (r.eventName().equals(event) && r.keys().keySet().equals(key.keySet()) && key.entrySet().stream()
                    .allMatch(e -> ValueEquality.equal(e.getValue(), r.keys().get(e.getKey())))) {
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
            case "INSERT" -> r.newImage() == null ? head
                    : head + ": " + Render.item(r.newImage(), keyNames).replace("\n", " ");
            case "MODIFY" -> r.oldImage() == null || r.newImage() == null ? head
                    : head + ": " + modification(r.oldImage(), r.newImage());
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
            if (old == null || now == null || !ValueEquality.equal(old, now)) {
                changed.add(Render.quote(name) + " " + (old == null ? "(none)" : Render.value(old)) + " -> "
                        + (now == null ? "(none)" : Render.value(now)));
            }
        }
        return changed.isEmpty() ? "no attribute changed" : String.join(", ", changed);
    }
}
