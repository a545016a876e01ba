package dev.dynamotest.core.internal.ops;

import dev.dynamotest.core.internal.storage.ItemStore;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.storage.StoredRow;
import dev.dynamotest.core.internal.storage.TableChanges;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table's past as its change records tell it: its changes over a window, and its items at an instant. */
final class TableHistory {

    private static final int PAGE = 1000;

    private final EngineContext ctx;

    TableHistory(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** The table's changes with a time in {@code [from, to)}, in commit order. */
    List<ChangeRecord> changes(TableMeta table, Instant from, Instant to) {
        TableChanges changes = ctx.streams().changes();
        TableChanges.Slice slice = new TableChanges.Slice(table.id(), 0, ctx.streams().lastSequence(), from, to);
        List<ChangeRecord> all = new ArrayList<>();
        while (true) {
            List<ChangeRecord> page = changes.read(slice, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            slice = slice.after(page.get(page.size() - 1).sequence());
        }
    }

    /**
     * The items as they were at {@code at} (changes at or before it included): the current items, with each item
     * changed after {@code at} set back to the old image of its first change after {@code at}.
     */
    List<Map<String, AttributeValue>> itemsAt(TableMeta table, Instant at) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        StoredKey after = null;
        while (true) {
            List<StoredRow> page = ctx.items().scan(table, ItemStore.BASE, Integer.MIN_VALUE, Integer.MAX_VALUE,
                    after, PAGE);
            page.forEach(row -> items.put(table.keyOf(row.item()), row.item()));
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).key();
        }
        Map<Map<String, AttributeValue>, Boolean> seen = new LinkedHashMap<>();
        for (ChangeRecord change : changes(table, at.plus(1, ChronoUnit.MICROS), Instant.MAX)) {
            if (seen.putIfAbsent(change.keys(), Boolean.TRUE) == null) {
                if (change.oldImage() == null) {
                    items.remove(change.keys());
                } else {
                    items.put(change.keys(), change.oldImage());
                }
            }
        }
        return new ArrayList<>(items.values());
    }
}
