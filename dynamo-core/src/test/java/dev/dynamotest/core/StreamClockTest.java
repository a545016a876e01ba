package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Iterator expiry, retention and shard rollover, driven by advancing the engine clock. */
class StreamClockTest {

    private static final ControllableClock CLOCK = new ControllableClock().freezeAt(
            Instant.parse("2024-05-01T10:00:00Z"));
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());
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

    private static List<Shard> shards(String arn) {
        return streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards();
    }

    private static String iterator(String arn, String shardId, ShardIteratorType type) {
        return streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId).shardIteratorType(type))
                .shardIterator();
    }

    private static List<String> keys(GetRecordsResponse response) {
        return response.records().stream().map(r -> r.dynamodb().keys().get("pk").s()).toList();
    }

    @Test
    void an_iterator_expires_after_15_minutes() {
        String arn = endpoint.createStreamedTable("Expiring", StreamViewType.KEYS_ONLY);
        String iterator = iterator(arn, shards(arn).get(0).shardId(), ShardIteratorType.TRIM_HORIZON);

        CLOCK.advance(Duration.ofMinutes(15));
        GetRecordsResponse stillValid = streams.getRecords(r -> r.shardIterator(iterator));
        CLOCK.advance(Duration.ofMillis(1));

        assertThat(stillValid.records()).isEmpty();
        assertError(() -> streams.getRecords(r -> r.shardIterator(iterator)), "ExpiredIteratorException",
                "The provided iterator exceeds the maximum age allowed.");
        assertThat(streams.getRecords(r -> r.shardIterator(stillValid.nextShardIterator())).records()).isEmpty();
    }

    @Test
    void a_shard_rolls_over_every_4_hours_into_a_child() {
        String arn = endpoint.createStreamedTable("Rolling", StreamViewType.KEYS_ONLY);
        put("Rolling", "first");
        String parentId = shards(arn).get(0).shardId();

        CLOCK.advance(Duration.ofHours(4));
        put("Rolling", "second");
        List<Shard> shards = shards(arn);
        GetRecordsResponse parent = streams.getRecords(r -> r.shardIterator(
                iterator(arn, parentId, ShardIteratorType.TRIM_HORIZON)));
        GetRecordsResponse child = streams.getRecords(r -> r.shardIterator(
                iterator(arn, shards.get(1).shardId(), ShardIteratorType.TRIM_HORIZON)));

        assertThat(shards).hasSize(2);
        assertThat(shards.get(0).shardId()).isEqualTo(parentId);
        assertThat(shards.get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();
        assertThat(shards.get(1).parentShardId()).isEqualTo(parentId);
        assertThat(shards.get(1).sequenceNumberRange().endingSequenceNumber()).isNull();
        assertThat(shards.get(1).shardId()).isGreaterThan(parentId);
        assertThat(keys(parent)).containsExactly("first");
        assertThat(parent.nextShardIterator()).isNull();
        assertThat(keys(child)).containsExactly("second");
        assertThat(child.nextShardIterator()).isNotNull();
    }

    @Test
    void records_older_than_24_hours_are_trimmed() {
        String arn = endpoint.createStreamedTable("Trimmed", StreamViewType.KEYS_ONLY);
        put("Trimmed", "old");
        String shardId = shards(arn).get(0).shardId();
        String oldSequence = streams.getRecords(r -> r.shardIterator(
                iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON))).records().get(0).dynamodb().sequenceNumber();
        CLOCK.advance(Duration.ofHours(23).plusMinutes(59));
        String beforeTrim = iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON);

        CLOCK.advance(Duration.ofMinutes(2));
        GetRecordsResponse horizon = streams.getRecords(r -> r.shardIterator(
                iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON)));

        assertError(() -> streams.getRecords(r -> r.shardIterator(beforeTrim)), "TrimmedDataAccessException",
                "The data you are trying to access has been trimmed");
        assertError(() -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(oldSequence)),
                "TrimmedDataAccessException", "The data you are trying to access has been trimmed");
        assertThat(horizon.records()).isEmpty();
        assertThat(horizon.nextShardIterator()).isNull();
    }

    @Test
    void a_shard_is_gone_once_all_its_records_are_trimmed() {
        String arn = endpoint.createStreamedTable("Forgotten", StreamViewType.KEYS_ONLY);
        String shardId = shards(arn).get(0).shardId();

        CLOCK.advance(Duration.ofHours(28).plusMinutes(1));

        assertThat(shards(arn)).extracting(Shard::shardId).doesNotContain(shardId).hasSize(7);
        assertThat(shards(arn).get(0).parentShardId()).isNotNull();
        assertError(() -> iterator(arn, shardId, ShardIteratorType.LATEST), "ResourceNotFoundException",
                "Requested resource not found: Shard does not exist");
    }

    @Test
    void a_disabled_stream_is_gone_24_hours_after_disabling() {
        String arn = endpoint.createStreamedTable("Retired", StreamViewType.KEYS_ONLY);
        client.updateTable(r -> r.tableName("Retired").streamSpecification(s -> s.streamEnabled(false)));

        CLOCK.advance(Duration.ofHours(24).minusMillis(1));
        int listedBefore = streams.listStreams(r -> r.tableName("Retired")).streams().size();
        CLOCK.advance(Duration.ofMillis(1));

        assertThat(listedBefore).isEqualTo(1);
        assertThat(streams.listStreams(r -> r.tableName("Retired")).streams()).isEmpty();
        assertError(() -> streams.describeStream(r -> r.streamArn(arn)), "ResourceNotFoundException",
                "Requested resource not found: Stream: " + arn + " not found");
    }
}
