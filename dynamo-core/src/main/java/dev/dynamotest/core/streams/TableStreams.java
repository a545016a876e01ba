package dev.dynamotest.core.streams;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.StreamGate;
import dev.dynamotest.core.StreamListener;
import dev.dynamotest.core.model.StreamBatch;
import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.core.model.TableStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The DynamoDB Streams of the engine's tables, read without the Streams API: what stream handlers and stream
 * assertions build on. Obtain it with {@link dev.dynamotest.core.DynamoEngine#tableStreams()}.
 *
 * <pre>{@code
 * TableStream stream = engine.tableStreams().latest("us-east-1", "Orders").orElseThrow();
 * StreamBatch batch = engine.tableStreams().read(stream.streamArn(), stream.openShard().shardId(), null, 100);
 * engine.tableStreams().addListener(record -> System.out.println(record.eventName() + " " + record.keys()));
 * }</pre>
 */
public interface TableStreams {

    /** The readable streams of a region (enabled, or disabled less than 24 hours ago), in ARN order. */
    List<TableStream> list(String region);

    /** The most recently enabled readable stream of a table. */
    Optional<TableStream> latest(String region, String tableName);

    /** The stream of that ARN, if it is readable. */
    Optional<TableStream> describe(String streamArn);

    /**
     * Up to {@code limit} records of a shard after a sequence number ({@code null}: from the oldest record kept).
     *
     * @throws DynamoException ResourceNotFoundException for an unknown stream or shard,
     *                         TrimmedDataAccessException when records after the position have passed retention
     */
    StreamBatch read(String streamArn, String shardId, String afterSequenceNumber, int limit);

    /** Every readable record of a stream, shard after shard. */
    List<StreamRecord> records(String streamArn);

    /**
     * Adds a gate that GetRecords and {@link #read} consult before handing out a record (stream lag). Listeners
     * are told of new records at once, whatever the gates say. This is the hook the fault DSL uses; tests delay a
     * stream with {@code faults().streamLag(table, lag)} or {@code holdStream(table)} (in a {@code @DynamoTest},
     * {@code dynamo.engineFaults()}).
     */
    void addGate(StreamGate gate);

    void removeGate(StreamGate gate);

    /**
     * Whether the gates let a record be read now, for readers fed by a {@link StreamListener} (stream handlers) that
     * want to honour stream lag: {@code changedAt} is the time of its change (the clock's time when the listener
     * was told of it).
     */
    boolean visible(StreamRecord record, Instant changedAt);

    /** Adds a listener told of every new stream record. Listeners run on the writing thread, in order. */
    void addListener(StreamListener listener);

    void removeListener(StreamListener listener);
}
