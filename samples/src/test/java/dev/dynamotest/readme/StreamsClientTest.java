package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_AND_OLD_IMAGES)
class StreamsClientTest {

    @Test
    void reads_the_stream_with_the_sdk(Dynamo dynamo, DynamoDbClient client) {
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"))));
        // begin read
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(dynamo.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        String arn = client.describeTable(r -> r.tableName("Orders")).table().latestStreamArn();
        String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<Record> records = streams.getRecords(r -> r.shardIterator(iterator)).records();
        // end read
        streams.close();
        assertThat(records).extracting(Record::eventNameAsString).containsExactly("INSERT");
    }

    @Test
    void tells_a_listener_of_every_new_record(Dynamo dynamo, DynamoDbClient client) {
        var engine = dynamo.engine();
        List<String> events = new ArrayList<>();
        // begin listener
        engine.tableStreams().addListener(record -> events.add(record.eventName() + " " + record.keys()));
        // end listener
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"))));
        assertThat(events).hasSize(1).first().asString().startsWith("INSERT");
    }
}
