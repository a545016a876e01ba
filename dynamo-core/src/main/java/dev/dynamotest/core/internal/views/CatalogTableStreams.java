package dev.dynamotest.core.internal.views;

import dev.dynamotest.core.Clock;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.StreamGate;
import dev.dynamotest.core.StreamListener;
import dev.dynamotest.core.internal.storage.StreamMeta;
import dev.dynamotest.core.internal.streams.StreamReader;
import dev.dynamotest.core.model.ChangeRecord;
import dev.dynamotest.core.model.StreamBatch;
import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.core.model.StreamShard;
import dev.dynamotest.core.model.TableStream;
import dev.dynamotest.core.streams.TableStreams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The engine's {@link TableStreams}, read from the stream catalog. */
public final class CatalogTableStreams implements TableStreams {

    private final StreamReader reader;
    private final Clock clock;
    private final List<StreamListener> listeners = new CopyOnWriteArrayList<>();

    public CatalogTableStreams(StreamReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @Override
    public List<TableStream> list(String region) {
        Instant now = clock.now();
        return reader.catalog().readableIn(region, now).stream().map(s -> reader.describe(s, now)).toList();
    }

    @Override
    public Optional<TableStream> latest(String region, String tableName) {
        Instant now = clock.now();
        return reader.catalog().readableIn(region, now).stream()
                .filter(s -> s.tableName().equals(tableName))
                .max(Comparator.comparing(StreamMeta::created))
                .map(s -> reader.describe(s, now));
    }

    @Override
    public Optional<TableStream> describe(String streamArn) {
        Instant now = clock.now();
        return reader.catalog().readable(streamArn, now).map(s -> reader.describe(s, now));
    }

    @Override
    public StreamBatch read(String streamArn, String shardId, String afterSequenceNumber, int limit) {
        Instant now = clock.now();
        StreamMeta stream = reader.catalog().readable(streamArn, now).orElseThrow(() ->
                DynamoException.resourceNotFound("Requested resource not found: Stream: " + streamArn + " not found"));
        StreamReader.Batch batch = reader.read(stream, shardId, afterSequenceNumber, limit, now);
        return new StreamBatch(batch.records(), batch.ended());
    }

    @Override
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

    @Override
    public void addGate(StreamGate gate) {
        reader.catalog().addGate(gate);
    }

    @Override
    public void removeGate(StreamGate gate) {
        reader.catalog().removeGate(gate);
    }

    @Override
    public boolean visible(StreamRecord record, Instant changedAt) {
        return reader.catalog().visible(record, changedAt, clock.now());
    }

    @Override
    public void addListener(StreamListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(StreamListener listener) {
        listeners.remove(listener);
    }

    /** Tells the listeners of the stream record of a committed change, if its table has a stream. */
    public void onChange(ChangeRecord change) {
        if (listeners.isEmpty()) {
            return;
        }
        reader.catalog().enabled(change.region(), change.tableName())
                .filter(stream -> change.sequence() > stream.afterSequence())
                .map(stream -> reader.recordOf(stream, change))
                .ifPresent(record -> listeners.forEach(l -> l.onRecord(record)));
    }
}
