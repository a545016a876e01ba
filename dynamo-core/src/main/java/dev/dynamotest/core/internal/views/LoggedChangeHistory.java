package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.changes.ChangeHistory;
import dev.dynamotest.core.internal.storage.ChangeLog;
import dev.dynamotest.core.model.ChangeRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A {@link ChangeHistory} read from the change log. The histories taken from one engine share the marks of those
 * still in use, so that the engine keeps the changes they promise.
 */
public final class LoggedChangeHistory implements ChangeHistory {

    private static final int PAGE = 1000;

    private final ChangeLog log;
    private final Map<ChangeHistory, Long> liveMarks;
    private final long mark;

    /** The whole history of the log. */
    public LoggedChangeHistory(ChangeLog log) {
        this(log, Collections.synchronizedMap(new WeakHashMap<>()), 0);
    }

    private LoggedChangeHistory(ChangeLog log, Map<ChangeHistory, Long> liveMarks, long mark) {
        this.log = log;
        this.liveMarks = liveMarks;
        this.mark = mark;
    }

    @Override
    public long mark() {
        return mark;
    }

    @Override
    public long lastSequence() {
        return log.lastSequence();
    }

    @Override
    public ChangeHistory fromNow() {
        LoggedChangeHistory history = new LoggedChangeHistory(log, liveMarks, lastSequence());
        liveMarks.put(history, history.mark);
        return history;
    }

    /**
     * The mark of the oldest history from a mark still in use ({@code Long.MAX_VALUE} when none is): the engine
     * keeps every change after it, however old.
     */
    public long oldestLiveMark() {
        synchronized (liveMarks) {
            return liveMarks.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        }
    }

    @Override
    public List<ChangeRecord> records() {
        return since(mark);
    }

    @Override
    public List<ChangeRecord> records(String tableName) {
        return records().stream().filter(r -> r.tableName().equals(tableName)).toList();
    }

    @Override
    public List<ChangeRecord> since(long sequence) {
        List<ChangeRecord> all = new ArrayList<>();
        long after = Math.max(sequence, mark);
        while (true) {
            List<ChangeRecord> page = log.after(after, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).sequence();
        }
    }

    @Override
    public String toString() {
        return mark == 0 ? "all changes" : "changes since sequence " + mark;
    }
}
