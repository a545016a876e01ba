package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest(capacity = CapacityMode.ENFORCE)
@DynamoTable(name = "Orders", partitionKey = "pk", readCapacity = 5, writeCapacity = 5)
class OrderImportTest {

    @Test
    void throttled_writes_succeed_once_the_sdk_has_waited_for_capacity(Dynamo dynamo, DynamoDbClient client) {
        dynamo.clock().freeze();                 // only the SDK's backoff moves time now
        for (int i = 1; i <= 8; i++) {           // one write unit each: 5 fit, the next ones are throttled
            Map<String, AttributeValue> order = Map.of("pk", AttributeValue.fromS("A#" + i));
            client.putItem(r -> r.tableName("Orders").item(order));
        }

        assertThat(dynamo.table("Orders")).hasItemCount(8);
        assertThat(dynamo.requests()).hasCalls(8).hasRetries()
                .hasErrors("ProvisionedThroughputExceededException", dynamo.requests().size() - 8);
        assertThat(dynamo.capacity().table("Orders")).wasThrottled().consumedWriteUnits().isEqualTo(8.0);
    }

    @Test
    void a_single_order_needs_no_more_capacity(Dynamo dynamo, DynamoDbClient client) {
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"))));

        assertThat(dynamo.capacity()).hadNoThrottling();
    }
}
