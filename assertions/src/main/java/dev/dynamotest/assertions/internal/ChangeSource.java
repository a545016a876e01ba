package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.changes.ChangeHistory;
import dev.dynamotest.core.model.ChangeRecord;
import java.util.List;

/**
 * Where a change assertion reads its changes from, afresh on each check: a capture since a mark, or a table's
 * stream (its records read as changes).
 */
public interface ChangeSource {

    /** Every change, in commit order. */
    List<ChangeRecord> records();

    /** The location for messages, with the table the changes are filtered to, or {@code null}. */
    String location(String table);

    /** What the changes are called in messages: {@code changes} or {@code records}. */
    String noun();

    /** The changes committed since a capture's mark. */
    static ChangeSource of(ChangeHistory capture) {
        return new ChangeSource() {
            @Override
            public List<ChangeRecord> records() {
                return capture.records();
            }

            @Override
            public String location(String table) {
                return "Changes" + (table == null ? "" : " to table " + table) + " since sequence " + capture.mark();
            }

            @Override
            public String noun() {
                return "changes";
            }
        };
    }
}
