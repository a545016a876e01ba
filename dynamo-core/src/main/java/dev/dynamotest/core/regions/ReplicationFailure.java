package dev.dynamotest.core.regions;

import dev.dynamotest.core.model.AttributeValue;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A replicated change that a replica refused: the change was made in {@code fromRegion} and could not be applied
 * to the replica in {@code toRegion}, so the replicas differ. {@link Replication#awaitQuiet()} fails while one is
 * recorded; {@link Replication#reset()} forgets them.
 *
 * @param table      the global table
 * @param fromRegion the region where the change was made
 * @param toRegion   the region of the replica that refused it
 * @param key        the key of the changed item
 * @param changeTime the engine clock's time of the change
 * @param cause      why the replica refused it
 */
public record ReplicationFailure(String table, String fromRegion, String toRegion, Map<String, AttributeValue> key,
        Instant changeTime, Throwable cause) {

    public ReplicationFailure {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(fromRegion, "fromRegion");
        Objects.requireNonNull(toRegion, "toRegion");
        key = Map.copyOf(key);
        Objects.requireNonNull(changeTime, "changeTime");
        Objects.requireNonNull(cause, "cause");
    }

    /** One line naming the change and the reason, for example {@code Orders us-east-1 -> eu-west-1, item ...}. */
    @Override
    public String toString() {
        return table + " " + fromRegion + " -> " + toRegion + ", item " + new TreeMap<>(key) + ": "
                + cause.getMessage();
    }
}
