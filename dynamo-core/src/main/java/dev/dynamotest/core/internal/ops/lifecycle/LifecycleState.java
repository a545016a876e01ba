package dev.dynamotest.core.internal.ops.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.schema.TableDescriptions;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * A table's data-lifecycle settings, kept in a hidden member of its stored description (so they live and die
 * with the table): point-in-time recovery, time to live, and the history floor below which its change records
 * no longer tell its past (a test reset, or records dropped as too old).
 */
public final class LifecycleState {

    /** The hidden member of the stored description; DescribeTable leaves it out. */
    public static final String FIELD = TableDescriptions.LIFECYCLE_FIELD;

    private LifecycleState() {
    }

    static JsonNode of(TableMeta table) {
        return table.description().path(FIELD);
    }

    /** Changes the lifecycle member of a table's stored description, under the catalog's lock. */
    static TableMeta update(EngineContext ctx, TableMeta table, Consumer<ObjectNode> change) {
        synchronized (ctx.catalog()) {
            TableMeta current = ctx.catalog().find(table.region(), table.name())
                    .filter(t -> t.id() == table.id()).orElse(null);
            if (current == null) {
                return table;
            }
            ObjectNode description = current.description();
            JsonNode existing = description.get(FIELD);
            ObjectNode state = existing instanceof ObjectNode o ? o : description.putObject(FIELD);
            change.accept(state);
            TableMeta updated = current.withDescription(description);
            ctx.catalog().update(updated);
            return updated;
        }
    }

    /** Whether point-in-time recovery is enabled. */
    static boolean pitrEnabled(TableMeta table) {
        return of(table).path("Pitr").path("Enabled").asBoolean(false);
    }

    /** The recovery period in days (35 unless set). */
    static int pitrDays(TableMeta table) {
        return of(table).path("Pitr").path("Days").asInt(35);
    }

    /** When point-in-time recovery was last enabled. */
    static Instant pitrSince(TableMeta table) {
        return instant(of(table).path("Pitr").path("SinceMicros").asLong(0));
    }

    /** The sequence number up to which the change log no longer tells this table's past (0: it all does). */
    public static long floorSequence(TableMeta table) {
        return of(table).path("FloorSequence").asLong(0);
    }

    /** The time before which the change log no longer tells this table's past. */
    public static Instant floorTime(TableMeta table) {
        return instant(of(table).path("FloorMicros").asLong(Long.MIN_VALUE));
    }

    /** The table's creation time. */
    static Instant created(TableMeta table) {
        JsonNode created = table.description().path("CreationDateTime");
        return created.isNumber() ? Instant.ofEpochMilli(created.decimalValue().movePointRight(3).longValue())
                : Instant.EPOCH;
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static Instant instant(long micros) {
        return micros == Long.MIN_VALUE ? Instant.MIN : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
