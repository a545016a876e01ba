package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class StreamIteratorsTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        streams = endpoint.streams();
    }

    private static void put(String table, String pk) {
        client.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk))));
    }

    private static Shard shard(String arn) {
        return streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0);
    }

    private static String iterator(String arn, ShardIteratorType type, String sequenceNumber) {
        String shardId = shard(arn).shardId();
        return streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId).shardIteratorType(type)
                .sequenceNumber(sequenceNumber)).shardIterator();
    }

    private static List<String> keys(GetRecordsResponse response) {
        return response.records().stream().map(r -> r.dynamodb().keys().get("pk").s()).toList();
    }

    @Test
    void lists_and_describes_the_stream_of_a_table() {
        String arn = endpoint.createStreamedTable("Listed", StreamViewType.KEYS_ONLY);

        var listed = streams.listStreams(r -> r.tableName("Listed")).streams();
        StreamDescription description = streams.describeStream(r -> r.streamArn(arn)).streamDescription();

        assertThat(listed).singleElement().satisfies(s -> {
            assertThat(s.streamArn()).isEqualTo(arn);
            assertThat(s.tableName()).isEqualTo("Listed");
            assertThat(arn).endsWith("/stream/" + s.streamLabel());
        });
        assertThat(description.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(description.streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
        assertThat(description.tableName()).isEqualTo("Listed");
        assertThat(description.keySchema()).singleElement().satisfies(k -> assertThat(k.attributeName()).isEqualTo("pk"));
        assertThat(description.creationRequestDateTime()).isNotNull();
        assertThat(description.shards()).singleElement().satisfies(s -> {
            assertThat(s.shardId()).matches("shardId-\\d{20}-[0-9a-f]{8}");
            assertThat(s.parentShardId()).isNull();
            assertThat(s.sequenceNumberRange().startingSequenceNumber()).matches("\\d{21}");
            assertThat(s.sequenceNumberRange().endingSequenceNumber()).isNull();
        });
    }

    @Test
    void pages_through_streams() {
        endpoint.createStreamedTable("PagedA", StreamViewType.KEYS_ONLY);
        endpoint.createStreamedTable("PagedB", StreamViewType.KEYS_ONLY);

        var first = streams.listStreams(r -> r.limit(1));
        var rest = streams.listStreams(r -> r.exclusiveStartStreamArn(first.lastEvaluatedStreamArn()));

        assertThat(first.streams()).hasSize(1);
        assertThat(first.lastEvaluatedStreamArn()).isEqualTo(first.streams().get(0).streamArn());
        assertThat(rest.streams()).extracting(s -> s.streamArn()).doesNotContain(first.lastEvaluatedStreamArn());
        assertThat(rest.lastEvaluatedStreamArn()).isNull();
    }

    @Test
    void trim_horizon_reads_from_the_oldest_record() {
        String arn = endpoint.createStreamedTable("Horizon", StreamViewType.KEYS_ONLY);
        put("Horizon", "a");
        put("Horizon", "b");

        GetRecordsResponse response = streams.getRecords(r -> r.shardIterator(
                iterator(arn, ShardIteratorType.TRIM_HORIZON, null)));

        assertThat(keys(response)).containsExactly("a", "b");
        assertThat(response.nextShardIterator()).isNotNull();
    }

    @Test
    void latest_reads_only_what_comes_after_it() {
        String arn = endpoint.createStreamedTable("Latest", StreamViewType.KEYS_ONLY);
        put("Latest", "before");
        String iterator = iterator(arn, ShardIteratorType.LATEST, null);

        GetRecordsResponse empty = streams.getRecords(r -> r.shardIterator(iterator));
        put("Latest", "after");
        GetRecordsResponse next = streams.getRecords(r -> r.shardIterator(empty.nextShardIterator()));

        assertThat(empty.records()).isEmpty();
        assertThat(keys(next)).containsExactly("after");
    }

    @Test
    void at_and_after_sequence_number_read_from_and_past_a_record() {
        String arn = endpoint.createStreamedTable("Positioned", StreamViewType.KEYS_ONLY);
        put("Positioned", "a");
        put("Positioned", "b");
        List<Record> records = streams.getRecords(r -> r.shardIterator(
                iterator(arn, ShardIteratorType.TRIM_HORIZON, null))).records();
        String second = records.get(1).dynamodb().sequenceNumber();

        var at = streams.getRecords(r -> r.shardIterator(iterator(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, second)));
        var after = streams.getRecords(r -> r.shardIterator(
                iterator(arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second)));
        var fromStart = streams.getRecords(r -> r.shardIterator(iterator(arn, ShardIteratorType.AT_SEQUENCE_NUMBER,
                shard(arn).sequenceNumberRange().startingSequenceNumber())));

        assertThat(keys(at)).containsExactly("b");
        assertThat(after.records()).isEmpty();
        assertThat(keys(fromStart)).containsExactly("a", "b");
    }

    @Test
    void limit_pages_through_a_shard_with_next_shard_iterators() {
        String arn = endpoint.createStreamedTable("Limited", StreamViewType.KEYS_ONLY);
        put("Limited", "a");
        put("Limited", "b");
        put("Limited", "c");

        var first = streams.getRecords(r -> r.limit(2).shardIterator(
                iterator(arn, ShardIteratorType.TRIM_HORIZON, null)));
        var second = streams.getRecords(r -> r.limit(2).shardIterator(first.nextShardIterator()));
        var third = streams.getRecords(r -> r.limit(2).shardIterator(second.nextShardIterator()));

        assertThat(keys(first)).containsExactly("a", "b");
        assertThat(keys(second)).containsExactly("c");
        assertThat(third.records()).isEmpty();
        assertThat(third.nextShardIterator()).isNotNull();
    }

    @Test
    void a_disabled_stream_stays_readable_and_its_closed_shard_ends() {
        String arn = endpoint.createStreamedTable("Disabled", StreamViewType.KEYS_ONLY);
        put("Disabled", "a");
        client.updateTable(r -> r.tableName("Disabled").streamSpecification(s -> s.streamEnabled(false)));

        StreamDescription description = streams.describeStream(r -> r.streamArn(arn)).streamDescription();
        GetRecordsResponse response = streams.getRecords(r -> r.shardIterator(
                iterator(arn, ShardIteratorType.TRIM_HORIZON, null)));

        assertThat(description.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(description.shards().get(0).sequenceNumberRange().endingSequenceNumber()).matches("\\d{21}");
        assertThat(streams.listStreams(r -> r.tableName("Disabled")).streams()).extracting(s -> s.streamArn())
                .containsExactly(arn);
        assertThat(keys(response)).containsExactly("a");
        assertThat(response.nextShardIterator()).isNull();
    }

    @Test
    void a_deleted_table_leaves_its_stream_readable() {
        String arn = endpoint.createStreamedTable("Deleted", StreamViewType.KEYS_ONLY);
        put("Deleted", "a");
        client.deleteTable(r -> r.tableName("Deleted"));

        GetRecordsResponse response = streams.getRecords(r -> r.shardIterator(
                iterator(arn, ShardIteratorType.TRIM_HORIZON, null)));

        assertThat(streams.describeStream(r -> r.streamArn(arn)).streamDescription().streamStatus())
                .isEqualTo(StreamStatus.DISABLED);
        assertThat(keys(response)).containsExactly("a");
    }
}
