package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.assertions.DynamoAssertions;
import dev.dynamotest.assertions.Key;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_AND_OLD_IMAGES)
class StreamsTest {

    DynamoDbStreamsClient fieldClient;

    @Test
    void injects_a_streams_client_that_reads_records_after_a_put(DynamoDbClient client,
            DynamoDbStreamsClient streams, Dynamo dynamo) {
        client.putItem(r -> r.tableName("Orders").item(Map.of(
                "pk", AttributeValue.fromS("A#1"), "status", AttributeValue.fromS("NEW"))));

        String arn = client.describeTable(r -> r.tableName("Orders")).table().latestStreamArn();
        String shardId = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<Record> records = streams.getRecords(r -> r.shardIterator(iterator)).records();

        // each test method gets the table's stream afresh, without the records of earlier tests
        assertThat(records).hasSize(1);
        Record last = records.get(0);
        assertThat(last.eventNameAsString()).isEqualTo("INSERT");
        assertThat(last.dynamodb().newImage()).containsEntry("status", AttributeValue.fromS("NEW"));
        assertThat(streams).isSameAs(dynamo.streamsClient()).isSameAs(fieldClient);
    }

    @Test
    void stream_assertions_read_the_tables_stream(DynamoDbClient client, Dynamo dynamo) {
        client.putItem(r -> r.tableName("Orders").item(Map.of(
                "pk", AttributeValue.fromS("A#1"), "status", AttributeValue.fromS("NEW"))));
        client.updateItem(r -> r.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("A#1")))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SHIPPED"))));

        DynamoAssertions.assertThat(dynamo.streamRecords("Orders")).eventually().inOrder().hasRecords(2)
                .containsInsertOf(Key.of("pk", "A#1"))
                .containsModifyOf(Key.of("pk", "A#1")).hasOldValue("status", "NEW").hasNewValue("status", "SHIPPED");
    }
}
