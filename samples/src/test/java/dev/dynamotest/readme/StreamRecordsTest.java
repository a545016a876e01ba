package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_AND_OLD_IMAGES)
class StreamRecordsTest {

    @Test
    void the_stream_has_the_insert_then_the_modification(Dynamo dynamo, DynamoDbClient client) {
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"),
                "status", AttributeValue.fromS("NEW"))));
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"),
                "status", AttributeValue.fromS("SHIPPED"))));
        // begin records
        assertThat(dynamo.streamRecords("Orders")).eventually().inOrder()
            .hasRecords(2)
            .containsInsertOf(Key.of("pk", "A#1"))
            .containsModifyOf(Key.of("pk", "A#1")).hasOldValue("status", "NEW").hasNewValue("status", "SHIPPED");
        // end records
    }
}
