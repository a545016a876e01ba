package dev.dynamotest.core.internal.ops.lifecycle;

import dev.dynamotest.core.internal.storage.TableMeta;
import java.time.Duration;
import java.time.Instant;

/**
 * What exports need of point-in-time recovery: whether a table has it, and the earliest instant its past can be
 * exported from (the later of when recovery was enabled, the start of its recovery period, and the start of the
 * change records that tell its history).
 */
public final class ExportWindow {

    private final PointInTime pointInTime;

    public ExportWindow(PointInTime pointInTime) {
        this.pointInTime = pointInTime;
    }

    /** Whether point-in-time recovery is enabled on the table. */
    public boolean enabled(TableMeta table) {
        return LifecycleState.pitrEnabled(table);
    }

    /** The earliest instant an export of the table may read. */
    public Instant earliest(TableMeta table, Instant now) {
        Instant earliest = LifecycleState.pitrSince(table);
        Instant start = pointInTime.historyStart(table);
        Instant periodStart = now.minus(Duration.ofDays(LifecycleState.pitrDays(table)));
        earliest = start.isAfter(earliest) ? start : earliest;
        return periodStart.isAfter(earliest) ? periodStart : earliest;
    }
}
