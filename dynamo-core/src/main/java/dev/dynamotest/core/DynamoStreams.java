package dev.dynamotest.core;

import dev.dynamotest.core.internal.storage.StreamMeta;
import dev.dynamotest.core.internal.streams.StreamReader;
import dev.dynamotest.core.model.ChangeRecord;
import dev.dynamotest.core.model.StreamBatch;
import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.core.model.StreamShard;
import dev.dynamotest.core.model.TableStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The DynamoDB Streams of the engine's tables, read without the Streams API: what stream handlers and stream
 * assertions build on. Obtain it with {@link DynamoEngine#streams()}.
 *
 * <pre>{@code
 * TableStream stream = engine.streams().latest("us-east-1", "Orders").orElseThrow();
 * StreamBatch batch = engine.streams().read(stream.streamArn(), stream.openShard().shardId(), null, 100);
 * engine.streams().addListener(record -> System.out.println(record.eventName() + " " + record.keys()));
 * }</pre>
 */
public final class DynamoStreams {

    private final StreamReader reader;
    private final Clock clock;
    private final List<StreamListener> listeners = new CopyOnWriteArrayList<>();

    DynamoStreams(StreamReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /** The readable streams of a region (enabled, or disabled less than 24 hours ago), in ARN order. */
    public List<TableStream> list(String region) {
        Instant now = clock.now();
        return reader.catalog().readableIn(region, now).stream().map(s -> reader.describe(s, now)).toList();
    }

    /** The most recently enabled readable stream of a table. */
    public Optional<TableStream> latest(String region, String tableName) {
        Instant now = clock.now();
        return reader.catalog().readableIn(region, now).stream()
                .filter(s -> s.tableName().equals(tableName))
                .max(Comparator.comparing(StreamMeta::created))
                .map(s -> reader.describe(s, now));
    }

    /** The stream of that ARN, if it is readable. */
    public Optional<TableStream> describe(String streamArn) {
        Instant now = clock.now();
        return reader.catalog().readable(streamArn, now).map(s -> reader.describe(s, now));
    }

    /**
     * Up to {@code limit} records of a shard after a sequence number ({@code null}: from the oldest record kept).
     *
     * @throws DynamoException ResourceNotFoundException for an unknown stream or shard,
     *                         TrimmedDataAccessException when records after the position have passed retention
     */
    public StreamBatch read(String streamArn, String shardId, String afterSequenceNumber, int limit) {
        Instant now = clock.now();
        StreamMeta stream = reader.catalog().readable(streamArn, now).orElseThrow(() ->
                DynamoException.resourceNotFound("Requested resource not found: Stream: " + streamArn + " not found"));
        StreamReader.Batch batch = reader.read(stream, shardId, afterSequenceNumber, limit, now);
        return new StreamBatch(batch.records(), batch.ended());
    }

    /** Every readable record of a stream, shard after shard. */
    public List<StreamRecord> records(String streamArn) {
        List<StreamRecord> all = new ArrayList<>();
        for (StreamShard shard : describe(streamArn).map(TableStream::shards).orElse(List.of())) {
            String after = null;
            while (true) {
                StreamBatch batch = read(streamArn, shard.shardId(), after, 1000);
                all.addAll(batch.records());
                if (batch.records().isEmpty()) {
                    break;
                }
                after = batch.records().get(batch.records().size() - 1).sequenceNumber();
            }
        }
        return all;
    }

    /**
     * Adds a gate that GetRecords and {@link #read} consult before handing out a record (stream lag). Listeners
     * are told of new records at once, whatever the gates say. This is the hook the fault DSL uses; tests delay a
     * stream with {@code faults().streamLag(table, lag)} or {@code holdStream(table)} (in a {@code @DynamoTest},
     * {@code dynamo.engineFaults()}).
     */
    public void addGate(StreamGate gate) {
        reader.catalog().addGate(gate);
    }

    public void removeGate(StreamGate gate) {
        reader.catalog().removeGate(gate);
    }

    /**
     * Whether the gates let a record be read now, for readers fed by a {@link StreamListener} (stream handlers) that
     * want to honour stream lag: {@code changedAt} is the time of its change (the clock's time when the listener
     * was told of it).
     */
    public boolean visible(StreamRecord record, Instant changedAt) {
        return reader.catalog().visible(record, changedAt, clock.now());
    }

    /** Adds a listener told of every new stream record. Listeners run on the writing thread, in order. */
    public void addListener(StreamListener listener) {
        listeners.add(listener);
    }

    public void removeListener(StreamListener listener) {
        listeners.remove(listener);
    }

    void onChange(ChangeRecord change) {
        if (listeners.isEmpty()) {
            return;
        }
        reader.catalog().enabled(change.region(), change.tableName())
                .filter(stream -> change.sequence() > stream.afterSequence())
                .map(stream -> reader.recordOf(stream, change))
                .ifPresent(record -> listeners.forEach(l -> l.onRecord(record)));
    }
}
