package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.model.StreamBatch;
import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.core.model.TableStream;
import dev.dynamotest.core.streams.TableStreams;
import dev.dynamotest.core.support.LocalEndpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class TableStreamsTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static TableStreams streams;

    @BeforeAll
    static void start() {
        streams = endpoint.server().engine().tableStreams();
    }

    private static void put(String table, String pk) {
        endpoint.client().putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk))));
    }

    @Test
    void describes_the_latest_stream_of_a_table() {
        String arn = endpoint.createStreamedTable("Described", StreamViewType.NEW_IMAGE);

        TableStream stream = streams.latest("us-east-1", "Described").orElseThrow();

        assertThat(stream.streamArn()).isEqualTo(arn);
        assertThat(stream.status()).isEqualTo("ENABLED");
        assertThat(stream.viewType()).isEqualTo("NEW_IMAGE");
        assertThat(stream.openShard()).isNotNull();
        assertThat(streams.list("us-east-1")).extracting(TableStream::streamArn).contains(arn);
        assertThat(streams.latest("us-east-1", "NoSuchTable")).isEmpty();
    }

    @Test
    void reads_a_shard_by_position() {
        String arn = endpoint.createStreamedTable("Positions", StreamViewType.KEYS_ONLY);
        put("Positions", "a");
        put("Positions", "b");
        String shard = streams.describe(arn).orElseThrow().openShard().shardId();

        StreamBatch first = streams.read(arn, shard, null, 1);
        StreamBatch rest = streams.read(arn, shard, first.records().get(0).sequenceNumber(), 10);

        assertThat(first.records()).extracting(r -> r.keys().get("pk")).containsExactly(
                new dev.dynamotest.core.model.AttributeValue.S("a"));
        assertThat(rest.records()).extracting(r -> r.keys().get("pk")).containsExactly(
                new dev.dynamotest.core.model.AttributeValue.S("b"));
        assertThat(rest.shardEnded()).isFalse();
        assertThat(streams.records(arn)).hasSize(2);
    }

    @Test
    void tells_listeners_of_new_records_with_their_stream_and_shard() {
        String arn = endpoint.createStreamedTable("Listened", StreamViewType.NEW_AND_OLD_IMAGES);
        List<StreamRecord> heard = new CopyOnWriteArrayList<>();
        StreamListener listener = heard::add;
        streams.addListener(listener);
        try {
            put("Listened", "a");
            endpoint.createTable("Unstreamed", null);
            put("Unstreamed", "b");
        } finally {
            streams.removeListener(listener);
        }

        assertThat(heard).singleElement().satisfies(record -> {
            assertThat(record.streamArn()).isEqualTo(arn);
            assertThat(record.shardId()).isEqualTo(streams.describe(arn).orElseThrow().openShard().shardId());
            assertThat(record.eventName()).isEqualTo("INSERT");
            assertThat(record.newImage()).containsKey("pk");
            assertThat(record).isEqualTo(streams.records(arn).get(0));
        });
    }

    @Test
    void a_dropped_table_leaves_its_stream_disabled() {
        String arn = endpoint.createStreamedTable("Dropped", StreamViewType.KEYS_ONLY);

        endpoint.server().engine().tables().drop("us-east-1", "Dropped");

        assertThat(streams.describe(arn).orElseThrow().status()).isEqualTo("DISABLED");
    }
}
