package dev.dynamotest.core.internal.streams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.StreamGate;
import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.core.internal.storage.StreamMeta;
import dev.dynamotest.core.internal.storage.StreamStore;
import dev.dynamotest.core.internal.storage.TableChanges;
import dev.dynamotest.core.internal.storage.TableMeta;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The streams of every region and their life: a stream opens when a table enables it, is disabled when the
 * table disables it or is deleted, and stays readable for 24 hours after that.
 */
public final class StreamCatalog {

    private final StreamStore store;
    private final TableChanges changes;
    private final LongSupplier lastSequence;
    private final List<StreamGate> gates = new CopyOnWriteArrayList<>();

    public StreamCatalog(StreamStore store, TableChanges changes, LongSupplier lastSequence) {
        this.store = store;
        this.changes = changes;
        this.lastSequence = lastSequence;
    }

    /** Adds a gate that every read of a shard consults. */
    public void addGate(StreamGate gate) {
        gates.add(gate);
    }

    public void removeGate(StreamGate gate) {
        gates.remove(gate);
    }

    /** Whether every gate lets the record be read now. */
    public boolean visible(StreamRecord record, Instant changedAt, Instant now) {
        for (StreamGate gate : gates) {
            if (!gate.visible(record, changedAt, now)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a stream of that ARN exists or existed, so that a new stream must take another label. */
    public boolean exists(String arn) {
        return store.find(arn).isPresent();
    }

    /** Opens the stream the table's description names in LatestStreamArn; an enabled one it had is disabled. */
    public void open(TableMeta table, Instant now) {
        close(table.region(), table.name(), now);
        JsonNode d = table.description();
        store.save(new StreamMeta(d.path("LatestStreamArn").asText(), table.region(), table.name(), table.id(),
                d.path("StreamSpecification").path("StreamViewType").asText(), d.path("LatestStreamLabel").asText(),
                d.path("KeySchema").toString(), now, lastSequence.getAsLong(), null, Long.MAX_VALUE));
    }

    /** Disables the enabled stream of a table, if it has one. */
    public void close(String region, String tableName, Instant now) {
        store.enabled(region, tableName).ifPresent(s -> store.save(s.disable(now, lastSequence.getAsLong())));
    }

    /** The enabled stream of a table. */
    public Optional<StreamMeta> enabled(String region, String tableName) {
        return store.enabled(region, tableName);
    }

    /** The stream of that ARN, if it is enabled or was disabled less than 24 hours ago. */
    public Optional<StreamMeta> readable(String arn, Instant now) {
        return store.find(arn).filter(s -> readable(s, now));
    }

    /** The readable streams of a region, in ARN order. */
    public List<StreamMeta> readableIn(String region, Instant now) {
        return store.list(region).stream().filter(s -> readable(s, now)).toList();
    }

    /** The latest change-log sequence number. */
    public long lastSequence() {
        return lastSequence.getAsLong();
    }

    TableChanges changes() {
        return changes;
    }

    private static boolean readable(StreamMeta stream, Instant now) {
        return stream.enabled() || stream.disabledAt().isAfter(now.minus(StreamTimes.RETENTION));
    }
}
