package dev.dynamotest.core;

import dev.dynamotest.core.internal.storage.ChangeLog;
import dev.dynamotest.core.model.ChangeRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

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
    private final Map<ChangeCapture, Long> liveMarks = Collections.synchronizedMap(new WeakHashMap<>());

    ChangeHistory(ChangeLog log) {
        this.log = log;
    }

    /** The sequence number of the latest change, 0 before the first. */
    public long lastSequence() {
        return log.lastSequence();
    }

    /** A capture of the changes committed from now on. */
    public ChangeCapture mark() {
        ChangeCapture capture = new ChangeCapture(this, lastSequence());
        liveMarks.put(capture, capture.mark());
        return capture;
    }

    /**
     * The mark of the oldest capture still in use ({@code Long.MAX_VALUE} when none is): the engine keeps every
     * change after it, however old, so that a capture sees all it promises.
     */
    long oldestLiveMark() {
        synchronized (liveMarks) {
            return liveMarks.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        }
    }

    /**
     * Every change committed after the given sequence number, in order. Changes older than what streams (24 hours)
     * and point-in-time recovery (its recovery period) need are dropped as the engine clock moves, unless a
     * {@link #mark() capture} still in use was taken before them.
     */
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
