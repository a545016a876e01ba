package dev.dynamotest.core.changes;

import dev.dynamotest.core.model.ChangeRecord;
import java.util.List;

/**
 * The item changes committed since a mark, in commit order, as the one write path recorded them: what change
 * assertions, streams and point-in-time recovery read. {@link dev.dynamotest.core.DynamoEngine#changes()} is the
 * engine's whole history; {@link #fromNow()} is a history of what is committed from then on. A history reads the
 * engine's changes each time it is asked, so it sees changes made after it was taken.
 *
 * <pre>{@code
 * ChangeHistory changes = engine.changes().fromNow();
 * // ... act ...
 * List<ChangeRecord> made = changes.records("Orders");
 * }</pre>
 */
public interface ChangeHistory {

    /** The sequence number after which this history begins: 0 for the whole history. */
    long mark();

    /** The sequence number of the engine's latest change, 0 before the first. */
    long lastSequence();

    /**
     * A history of the changes committed from now on. While it is in use, the engine keeps every change it shows,
     * however old.
     */
    ChangeHistory fromNow();

    /** Every change of this history, in commit order. */
    List<ChangeRecord> records();

    /** The changes of this history to tables of that name (in any region), in commit order. */
    List<ChangeRecord> records(String tableName);

    /**
     * The changes of this history committed after the given sequence number, in order. Changes older than what
     * streams (24 hours) and point-in-time recovery (its recovery period) need are dropped as the engine clock
     * moves, unless a history {@link #fromNow() from a mark} still in use was taken before them.
     */
    List<ChangeRecord> since(long sequence);
}
