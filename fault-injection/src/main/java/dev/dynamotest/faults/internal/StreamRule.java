package dev.dynamotest.faults.internal;

import dev.dynamotest.core.model.StreamRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * A stream fault: the records of a table's stream become readable only {@code lag} after their change (by the
 * engine's clock), or, with no lag, not at all while the rule holds them.
 */
public record StreamRule(String region, String table, Duration lag) {

    /** Whether the rule lets the record be read now. */
    public boolean visible(StreamRecord record, Instant changedAt, Instant now) {
        if (!record.tableName().equals(table) || region != null && !region.equals(record.region())) {
            return true;
        }
        return lag != null && !now.isBefore(changedAt.plus(lag));
    }

    public String describe() {
        return (lag == null ? "stream held" : "stream lag " + lag.toMillis() + " ms") + " on table " + table
                + (region == null ? "" : " in " + region);
    }
}
