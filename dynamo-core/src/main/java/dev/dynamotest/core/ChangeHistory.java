package dev.dynamotest.core;

import dev.dynamotest.core.internal.storage.ChangeLog;
import dev.dynamotest.core.model.ChangeRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's committed item changes, in commit order, as the one write path recorded them: what change
 * assertions, streams and point-in-time recovery read. Obtain it with {@link DynamoEngine#changes()}.
 *
 * <pre>{@code
 * long mark = engine.changes().lastSequence();
 * // ... act ...
 * List<ChangeRecord> made = engine.changes().since(mark);
 * }</pre>
 */
public final class ChangeHistory {

    private static final int PAGE = 1000;

    private final ChangeLog log;

    ChangeHistory(ChangeLog log) {
        this.log = log;
    }

    /** The sequence number of the latest change, 0 before the first. */
    public long lastSequence() {
        return log.lastSequence();
    }

    /** A capture of the changes committed from now on. */
    public ChangeCapture mark() {
        return new ChangeCapture(this, lastSequence());
    }

    /** Every change committed after the given sequence number, in order. */
    public List<ChangeRecord> since(long sequence) {
        List<ChangeRecord> all = new ArrayList<>();
        long after = sequence;
        while (true) {
            List<ChangeRecord> page = log.after(after, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).sequence();
        }
    }
}
