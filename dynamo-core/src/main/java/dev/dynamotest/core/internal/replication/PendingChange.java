package dev.dynamotest.core.internal.replication;

import dev.dynamotest.core.model.ChangeRecord;

/** A committed change on its way from the replica where it was made to another replica. */
record PendingChange(ChangeRecord change, String target, ItemVersion version, long sourceEpoch, long targetEpoch) {

    String table() {
        return change.tableName();
    }

    String source() {
        return change.region();
    }
}
