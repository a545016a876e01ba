package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.core.Operation.PUT_ITEM;

import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest   // the SDK's retries, waiting in virtual time: its backoff moves the engine's clock, not the test
@DynamoTable(name = "Orders", partitionKey = "pk")
class ThrottlingTest {

    @Test
    void survives_two_throttles(DynamoDbClient client, Dynamo dynamo) {
        dynamo.faults().throttle(PUT_ITEM).onTable("Orders").times(2);

        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"))));

        assertThat(dynamo.requests())
                .hasCount(PUT_ITEM, 3)        // three attempts...
                .hasCallWithAttempts(3)       // ...of one SDK call
                .hasRetries();
        assertThat(dynamo.table("Orders")).hasItemCount(1);
    }
}
