package dev.dynamotest.core.internal.streams;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.storage.ItemSize;
import dev.dynamotest.core.internal.storage.StreamMeta;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.core.model.TableStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads streams from the change log: describes them with their shards, positions iterators, and returns the
 * records of a shard after a position, cut to the stream's view type, with the trim horizon enforced.
 */
public final class StreamReader {

    /** What one read of a shard returned: the records, the last sequence read, and whether the shard is done. */
    public record Batch(List<StreamRecord> records, long lastRead, boolean ended) {
    }

    private static final int MAX_BATCH_BYTES = 1024 * 1024;

    private final StreamCatalog catalog;
    private final ShardLayout layout;

    public StreamReader(StreamCatalog catalog) {
        this.catalog = catalog;
        this.layout = new ShardLayout(catalog.changes());
    }

    public StreamCatalog catalog() {
        return catalog;
    }

    /** The stream as DescribeStream shows it. */
    public TableStream describe(StreamMeta stream, Instant now) {
        return new TableStream(stream.arn(), stream.label(), stream.enabled() ? "ENABLED" : "DISABLED",
                stream.viewType(), stream.region(), stream.tableName(), stream.created(),
                shards(stream, now).stream().map(Shard::describe).toList());
    }

    public List<Shard> shards(StreamMeta stream, Instant now) {
        return layout.shards(stream, now);
    }

    /** The listed shard of that id, or ResourceNotFoundException. */
    public Shard shard(StreamMeta stream, String shardId, Instant now) {
        return layout.find(stream, now, shardId).orElseThrow(StreamErrors::shardNotFound);
    }

    public Shard shard(StreamMeta stream, int index, Instant now) {
        return layout.shard(stream, now, index);
    }

    /** The change-log sequence the oldest readable record of the shard comes after. */
    public long trimHorizon(Shard shard, Instant now) {
        long trimmed = catalog.changes().lastSequence(shard.slice().before(horizon(now)));
        return Math.max(shard.starting() - 1, trimmed);
    }

    /** The position after the shard's latest record. */
    public long latest(Shard shard) {
        return shard.closed() ? shard.ending() : Math.max(shard.starting() - 1, catalog.lastSequence());
    }

    /** Fails with TrimmedDataAccessException when records after the position have passed retention. */
    public void checkNotTrimmed(Shard shard, long after, Instant now) {
        if (catalog.changes().lastSequence(shard.slice().after(after).before(horizon(now))) > 0) {
            throw StreamErrors.trimmed();
        }
    }

    /**
     * Up to {@code limit} records of the listed shard of that id after a sequence number ({@code null}: from the
     * trim horizon).
     */
    public Batch read(StreamMeta stream, String shardId, String afterSequenceNumber, int limit, Instant now) {
        Shard shard = shard(stream, shardId, now);
        long after = afterSequenceNumber == null ? trimHorizon(shard, now) : SequenceNumbers.parse(afterSequenceNumber);
        if (after < 0) {
            throw DynamoException.validation("Invalid SequenceNumber: " + afterSequenceNumber);
        }
        return read(stream, shard, after, limit, now);
    }

    /** A committed change of the stream's table as the record the stream holds for it. */
    public StreamRecord recordOf(StreamMeta stream, ChangeRecord change) {
        return record(stream, ShardLayout.idAt(stream, change.time()), change);
    }

    /** Up to {@code limit} records of the shard after the position, at most 1 MB of them. */
    public Batch read(StreamMeta stream, Shard shard, long after, int limit, Instant now) {
        checkNotTrimmed(shard, after, now);
        List<ChangeRecord> changes = catalog.changes().read(shard.slice().after(after), limit + 1);
        List<StreamRecord> records = new ArrayList<>();
        long size = 0;
        long last = after;
        for (ChangeRecord change : changes) {
            StreamRecord record = record(stream, shard.id(), change);
            if (!catalog.visible(record, change.time(), now)) {
                return new Batch(records, last, false);
            }
            if (records.size() == limit || !records.isEmpty() && size + record.sizeBytes() > MAX_BATCH_BYTES) {
                return new Batch(records, last, false);
            }
            records.add(record);
            size += record.sizeBytes();
            last = change.sequence();
        }
        return new Batch(records, last, shard.closed());
    }

    private static StreamRecord record(StreamMeta stream, String shardId, ChangeRecord change) {
        String view = stream.viewType();
        Map<String, AttributeValue> oldImage = view.equals("OLD_IMAGE") || view.equals("NEW_AND_OLD_IMAGES")
                ? change.oldImage() : null;
        Map<String, AttributeValue> newImage = view.equals("NEW_IMAGE") || view.equals("NEW_AND_OLD_IMAGES")
                ? change.newImage() : null;
        long size = ItemSize.of(change.keys()) + (oldImage == null ? 0 : ItemSize.of(oldImage))
                + (newImage == null ? 0 : ItemSize.of(newImage));
        String eventId = UUID.nameUUIDFromBytes((stream.arn() + "#" + change.sequence())
                .getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return new StreamRecord(stream.arn(), shardId, eventId, change.eventName(), change.region(),
                change.tableName(), SequenceNumbers.format(change.sequence()), view, change.keys(), oldImage, newImage,
                change.time().truncatedTo(ChronoUnit.SECONDS), size, change.origin());
    }

    private static Instant horizon(Instant now) {
        return now.minus(StreamTimes.RETENTION);
    }
}
