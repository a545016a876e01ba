package dev.dynamotest.core.internal.ops.lifecycle;

import dev.dynamotest.core.internal.schema.TableHistory;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What exports need of point-in-time recovery: whether a table has it, and the earliest instant its past can be
 * exported from (the later of when recovery was enabled, the start of its recovery period, and the start of the
 * change records that tell its history).
 */
public final class ExportWindow implements TableHistory {

    private final PointInTime pointInTime;

    public ExportWindow(PointInTime pointInTime) {
        this.pointInTime = pointInTime;
    }

    @Override
    public boolean enabled(TableMeta table) {
        return LifecycleState.pitrEnabled(table);
    }

    @Override
    public Instant earliest(TableMeta table, Instant now) {
        Instant earliest = LifecycleState.pitrSince(table);
        Instant start = pointInTime.historyStart(table);
        Instant periodStart = now.minus(Duration.ofDays(LifecycleState.pitrDays(table)));
        earliest = start.isAfter(earliest) ? start : earliest;
        return periodStart.isAfter(earliest) ? periodStart : earliest;
    }

    @Override
    public List<Map<String, AttributeValue>> itemsAt(TableMeta table, Instant at) {
        return pointInTime.itemsAt(table, at);
    }

    @Override
    public List<ChangeRecord> changes(TableMeta table, Instant from, Instant to) {
        return pointInTime.changes(table, from, to);
    }
}
