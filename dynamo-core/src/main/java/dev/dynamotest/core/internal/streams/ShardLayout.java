package dev.dynamotest.core.internal.streams;

import dev.dynamotest.core.internal.storage.StreamMeta;
import dev.dynamotest.core.internal.storage.TableChanges;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a stream into shards by the engine clock: shard {@code k} holds the changes made in the k-th rollover
 * period after the stream was enabled, so shards close and children open as time advances, and a disabled
 * stream's last shard closes at disabling. Shards whose records are all past retention are no longer listed.
 */
final class ShardLayout {

    private static final long PERIOD_MICROS = StreamTimes.ROLLOVER.toNanos() / 1000;

    private final TableChanges changes;

    ShardLayout(TableChanges changes) {
        this.changes = changes;
    }

    /** The listed shards, oldest first. */
    List<Shard> shards(StreamMeta stream, Instant now) {
        int last = lastIndex(stream, now);
        int first = Math.min(last, index(stream, now.minus(StreamTimes.RETENTION)));
        List<Shard> shards = new ArrayList<>();
        for (int k = first; k <= last; k++) {
            shards.add(shard(stream, k, last));
        }
        return shards;
    }

    /** The listed shard of that id. */
    Optional<Shard> find(StreamMeta stream, Instant now, String shardId) {
        return shards(stream, now).stream().filter(s -> s.id().equals(shardId)).findFirst();
    }

    /** The shard of that index, even when no longer listed (an iterator may still point into it). */
    Shard shard(StreamMeta stream, Instant now, int index) {
        return shard(stream, index, lastIndex(stream, now));
    }

    /** The id of the shard that holds changes made at that time while the stream is enabled. */
    static String idAt(StreamMeta stream, Instant time) {
        return id(stream, index(stream, time));
    }

    private Shard shard(StreamMeta stream, int k, int last) {
        Instant start = start(stream, k);
        TableChanges.Slice slice = new TableChanges.Slice(stream.tableId(), stream.afterSequence(),
                stream.lastSequence(), k == 0 ? Instant.MIN : start, k == last ? Instant.MAX : start(stream, k + 1));
        long starting = 1 + (k == 0 ? stream.afterSequence() : Math.max(stream.afterSequence(),
                changes.lastSequence(new TableChanges.Slice(stream.tableId(), stream.afterSequence(),
                        stream.lastSequence(), Instant.MIN, start))));
        long ending = -1;
        if (k < last || !stream.enabled()) {
            ending = Math.max(starting, changes.lastSequence(slice));
        }
        return new Shard(k, id(stream, k), k == 0 ? null : id(stream, k - 1), slice, starting, ending);
    }

    private static int lastIndex(StreamMeta stream, Instant now) {
        if (stream.enabled()) {
            return index(stream, now);
        }
        Instant end = stream.disabledAt().minus(1, ChronoUnit.MICROS);
        return index(stream, end.isBefore(stream.created()) ? stream.created() : end);
    }

    private static int index(StreamMeta stream, Instant time) {
        long micros = ChronoUnit.MICROS.between(stream.created(), time);
        return micros <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE - 1, micros / PERIOD_MICROS);
    }

    private static Instant start(StreamMeta stream, int k) {
        return stream.created().plus(k * PERIOD_MICROS, ChronoUnit.MICROS);
    }

    private static String id(StreamMeta stream, int k) {
        CRC32 crc = new CRC32();
        crc.update((stream.arn() + "#" + k).getBytes(StandardCharsets.UTF_8));
        return String.format("shardId-%020d-%08x", start(stream, k).toEpochMilli(), crc.getValue());
    }
}
