package dev.dynamotest.core.internal.ops.lifecycle;

import dev.dynamotest.core.internal.storage.TableChanges;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Drops the change records nothing needs any more, so that memory stays bounded: those older than stream
 * retention (24 hours), or than the recovery period of a table with point-in-time recovery, unless a change
 * capture still in use was taken before them. The newest record is always kept, so sequence numbers never
 * repeat after a restart. A table whose records were dropped gets a history floor, so that nobody rebuilds its
 * past from an incomplete log.
 */
final class ChangeTrimmer {

    static final Duration STREAM_RETENTION = Duration.ofHours(24);
    private static final Duration EVERY = Duration.ofMinutes(1);

    private final EngineContext ctx;
    private final TableChanges changes;
    private final LongSupplier lastSequence;
    private final LongSupplier oldestLiveMark;
    private volatile Instant lastRun;

    ChangeTrimmer(EngineContext ctx, TableChanges changes, LongSupplier lastSequence, LongSupplier oldestLiveMark) {
        this.ctx = ctx;
        this.changes = changes;
        this.lastSequence = lastSequence;
        this.oldestLiveMark = oldestLiveMark;
    }

    /** Trims when a minute of engine time has passed since the last trim (or time went back). */
    void maybeTrim(Instant now) {
        if (!due(now)) {
            return;
        }
        synchronized (this) {
            if (due(now)) {
                lastRun = now;
                trim(now);
            }
        }
    }

    private boolean due(Instant now) {
        Instant last = lastRun;
        return last == null || !now.isBefore(last.plus(EVERY)) || now.isBefore(last);
    }

    /** Drops what is no longer needed at {@code now}; returns the number of records dropped. */
    synchronized int trim(Instant now) {
        long below = Math.min(lastSequence.getAsLong(), oldestLiveMark.getAsLong() == Long.MAX_VALUE
                ? Long.MAX_VALUE : oldestLiveMark.getAsLong() + 1);
        Instant streamCutoff = now.minus(STREAM_RETENTION);
        Map<Long, TableMeta> tables = new HashMap<>();
        for (String region : ctx.catalog().regions()) {
            ctx.catalog().list(region).forEach(t -> tables.put(t.id(), t));
        }
        int dropped = 0;
        for (long tableId : changes.tablesWithRecordsBefore(streamCutoff, below)) {
            TableMeta table = tables.get(tableId);
            Instant cutoff = streamCutoff;
            if (table != null && LifecycleState.pitrEnabled(table)) {
                Instant periodStart = now.minus(Duration.ofDays(LifecycleState.pitrDays(table)));
                cutoff = periodStart.isBefore(cutoff) ? periodStart : cutoff;
            }
            int n = changes.drop(tableId, cutoff, below);
            dropped += n;
            if (n > 0 && table != null) {
                long floor = LifecycleState.micros(cutoff);
                LifecycleState.update(ctx, table, state -> state.put("FloorMicros",
                        Math.max(floor, state.path("FloorMicros").asLong(Long.MIN_VALUE))));
            }
        }
        return dropped;
    }
}
