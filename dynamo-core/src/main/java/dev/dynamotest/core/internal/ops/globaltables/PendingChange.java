package dev.dynamotest.core.internal.ops.globaltables;

import dev.dynamotest.core.model.ChangeRecord;

/** A committed change on its way from the replica where it was made to another replica. */
public record PendingChange(ChangeRecord change, String target, ItemVersion version, long sourceEpoch,
        long targetEpoch) {

    public String table() {
        return change.tableName();
    }

    public String source() {
        return change.region();
    }
}
