package dev.dynamotest.core.internal.ops.lifecycle;

import dev.dynamotest.core.internal.storage.ItemStore;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.storage.StoredRow;
import dev.dynamotest.core.internal.storage.TableChanges;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * A table's items as they were at an instant, rebuilt from its change records: the current items, with every
 * change made after the instant undone, newest first. What point-in-time restores and exports read.
 *
 * <p>The past is known from the table's creation (or its last test reset), and back to the records the engine
 * still keeps: {@link #historyStart} tells how far back that is.
 */
public final class PointInTime {

    /** Scan order of stored keys: partition hash, then partition and sort key bytes, unsigned. */
    static final Comparator<StoredKey> KEY_ORDER = Comparator.comparingInt(StoredKey::hash)
            .thenComparing(StoredKey::partition, Arrays::compareUnsigned)
            .thenComparing(StoredKey::sort, Arrays::compareUnsigned);

    private static final int PAGE = 1000;

    private final EngineContext ctx;
    private final TableChanges changes;
    private final LongSupplier lastSequence;

    public PointInTime(EngineContext ctx, TableChanges changes, LongSupplier lastSequence) {
        this.ctx = ctx;
        this.changes = changes;
        this.lastSequence = lastSequence;
    }

    /** The earliest instant whose items can be rebuilt: the later of the table's creation and its history floor. */
    public Instant historyStart(TableMeta table) {
        Instant created = LifecycleState.created(table);
        Instant floor = LifecycleState.floorTime(table);
        return floor.isAfter(created) ? floor : created;
    }

    /**
     * The table's items as they were at {@code at} (changes made at or before it included), in Scan order.
     * The caller checks that {@code at} is not before {@link #historyStart}.
     */
    public List<Map<String, AttributeValue>> itemsAt(TableMeta table, Instant at) {
        TreeMap<StoredKey, Map<String, AttributeValue>> items = new TreeMap<>(KEY_ORDER);
        long upTo = ctx.writes().atCommitPoint(() -> {
            StoredKey after = null;
            while (true) {
                List<StoredRow> page = ctx.items().scan(table, ItemStore.BASE, Integer.MIN_VALUE, Integer.MAX_VALUE,
                        after, PAGE);
                page.forEach(row -> items.put(row.key(), row.item()));
                if (page.size() < PAGE) {
                    return lastSequence.getAsLong();
                }
                after = page.get(page.size() - 1).key();
            }
        });
        List<ChangeRecord> later = changes(table, at.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS),
                Instant.MAX, upTo);
        for (int i = later.size() - 1; i >= 0; i--) {
            ChangeRecord change = later.get(i);
            StoredKey key = StoredKey.of(table, change.keys());
            if (change.oldImage() == null) {
                items.remove(key);
            } else {
                items.put(key, change.oldImage());
            }
        }
        return new ArrayList<>(items.values());
    }

    /**
     * The table's change records made in {@code [from, to)} that tell its history (none from before its last
     * reset), in commit order.
     */
    public List<ChangeRecord> changes(TableMeta table, Instant from, Instant to) {
        return changes(table, from, to, lastSequence.getAsLong());
    }

    private List<ChangeRecord> changes(TableMeta table, Instant from, Instant to, long upTo) {
        List<ChangeRecord> all = new ArrayList<>();
        TableChanges.Slice slice = new TableChanges.Slice(table.id(), LifecycleState.floorSequence(table), upTo,
                from, to);
        while (true) {
            List<ChangeRecord> page = changes.read(slice, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            slice = slice.after(page.get(page.size() - 1).sequence());
        }
    }
}
