package dev.dynamotest.core.internal.schema;

import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A table's past as point-in-time recovery keeps it, for exports: the lifecycle family implements it, the
 * transfers family reads it.
 */
public interface TableHistory {

    /** Whether point-in-time recovery is enabled on the table. */
    boolean enabled(TableMeta table);

    /** The earliest instant an export of the table may read. */
    Instant earliest(TableMeta table, Instant now);

    /** The table's items as they were at that instant, which is not before {@link #earliest}. */
    List<Map<String, AttributeValue>> itemsAt(TableMeta table, Instant at);

    /** The table's change records made in {@code [from, to)} that tell its history, in commit order. */
    List<ChangeRecord> changes(TableMeta table, Instant from, Instant to);
}
