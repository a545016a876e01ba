package dev.dynamotest.core.streams;

import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.core.model.TableStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The records of a table's DynamoDB stream, read afresh from the engine each time they are asked for: what
 * stream assertions look at. It follows the table's latest stream, so a stream enabled again is read too.
 *
 * <pre>{@code
 * assertThat(StreamRecords.of(engine.tableStreams(), "us-east-1", "Orders")).hasRecords(1);
 * assertThat(dynamo.streamRecords("Orders")).containsInsertOf(Key.of("pk", "A#1"));
 * }</pre>
 */
public final class StreamRecords {

    private final TableStreams streams;
    private final String region;
    private final String tableName;
    private final BigInteger after;

    private StreamRecords(TableStreams streams, String region, String tableName, BigInteger after) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.region = Objects.requireNonNull(region, "region");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.after = after;
    }

    /** The stream of that table of the region, as the engine's streams hold it. */
    public static StreamRecords of(TableStreams streams, String region, String tableName) {
        return new StreamRecords(streams, region, tableName, BigInteger.ZERO);
    }

    /**
     * Only the records of changes committed after a mark of the engine's change history
     * ({@link dev.dynamotest.core.changes.ChangeHistory#mark()}): the engine numbers stream records with the sequence of their change.
     */
    public StreamRecords since(long changeMark) {
        return new StreamRecords(streams, region, tableName, BigInteger.valueOf(changeMark));
    }

    public String region() {
        return region;
    }

    public String tableName() {
        return tableName;
    }

    /** Every readable record of the table's latest stream, shard after shard; none if it has no stream. */
    public List<StreamRecord> records() {
        return streams.latest(region, tableName).map(TableStream::streamArn).map(streams::records)
                .orElse(List.of()).stream()
                .filter(r -> new BigInteger(r.sequenceNumber()).compareTo(after) > 0)
                .toList();
    }

    @Override
    public String toString() {
        return "Stream of table " + tableName + " (" + region + ")";
    }
}
