package dev.dynamotest.core;

import dev.dynamotest.core.model.ChangeRecord;
import java.util.List;

/**
 * The item changes committed since a mark in the {@link ChangeHistory}: what a test's change assertions read.
 * It reads the history each time it is asked, so it sees changes made after it was taken.
 *
 * <pre>{@code
 * ChangeCapture capture = engine.changes().mark();
 * // ... act ...
 * List<ChangeRecord> made = capture.records("Orders");
 * }</pre>
 */
public final class ChangeCapture {

    private final ChangeHistory history;
    private final long mark;

    ChangeCapture(ChangeHistory history, long mark) {
        this.history = history;
        this.mark = mark;
    }

    /** The sequence number of the last change before the mark, 0 if there was none. */
    public long mark() {
        return mark;
    }

    /** Every change committed since the mark, in commit order. */
    public List<ChangeRecord> records() {
        return history.since(mark);
    }

    /** The changes committed since the mark to tables of that name (in any region), in commit order. */
    public List<ChangeRecord> records(String tableName) {
        return records().stream().filter(r -> r.tableName().equals(tableName)).toList();
    }

    @Override
    public String toString() {
        return "changes since sequence " + mark;
    }
}
