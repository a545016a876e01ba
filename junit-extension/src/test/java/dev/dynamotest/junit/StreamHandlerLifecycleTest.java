package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.assertions.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class StreamHandlerLifecycleTest {

    @Test
    void a_handler_registered_in_a_test_is_removed_after_it() {
        assertAllPassed(run(TestScoped.class), 2);
    }

    @Test
    void each_test_method_sees_a_stream_without_the_records_of_earlier_tests() {
        assertAllPassed(run(CleanStreams.class), 2);
    }

    @Test
    void a_handler_registered_before_all_tests_follows_the_table_through_every_test() {
        assertAllPassed(run(ClassScoped.class), 2);
    }

    private static void put(DynamoDbClient client, String pk) {
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS(pk))));
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_IMAGE)
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class TestScoped {

        @Test
        void a_registers(Dynamo dynamo, DynamoDbClient client) {
            StreamHandler handler = dynamo.streams().onTable("Orders").handler(event -> { });
            put(client, "A#1");
            dynamo.streams().awaitQuiet();

            assertThat(dynamo.streams().handlers()).containsExactly(handler);
            assertThat(handler).processed(Key.of("pk", "A#1"));
        }

        @Test
        void b_has_none(Dynamo dynamo) {
            assertThat(dynamo.streams().handlers()).isEmpty();
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_IMAGE)
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class CleanStreams {

        @Test
        void a_writes(DynamoDbClient client) {
            put(client, "A#1");
        }

        @Test
        void b_reads_from_the_trim_horizon(Dynamo dynamo, DynamoDbClient client, DynamoDbStreamsClient streams) {
            put(client, "B#1");
            StreamHandler handler = dynamo.streams().onTable("Orders").handler(event -> { });
            dynamo.streams().awaitQuiet();

            assertThat(handler).processed(Key.of("pk", "B#1"));
            String arn = client.describeTable(r -> r.tableName("Orders")).table().latestStreamArn();
            List<Record> records = new ArrayList<>();
            for (Shard shard : streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
                String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                records.addAll(streams.getRecords(r -> r.shardIterator(iterator)).records());
            }
            assertThat(records).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("B#1");
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_IMAGE)
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class ClassScoped {

        static StreamHandler handler;

        @BeforeAll
        static void register(Dynamo dynamo) {
            handler = dynamo.streams().onTable("Orders").handler(event -> { });
        }

        @Test
        void a_first(Dynamo dynamo, DynamoDbClient client) {
            put(client, "A#1");
            dynamo.streams().awaitQuiet();

            assertThat(handler).processed(Key.of("pk", "A#1"));
        }

        @Test
        void b_second(Dynamo dynamo, DynamoDbClient client) {
            put(client, "B#1");
            dynamo.streams().awaitQuiet();

            assertThat(handler).processed(Key.of("pk", "A#1"), Key.of("pk", "B#1"));
            assertThat(dynamo.streams().handlers()).containsExactly(handler);
        }
    }
}
