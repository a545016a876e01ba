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
@DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk")
class OrdersTest {

    @Test
    void stores_an_order(DynamoDbClient client, Dynamo dynamo) {
        var changes = dynamo.changes();

        client.putItem(r -> r.tableName("Orders").item(Map.of(
                "pk", AttributeValue.fromS("customer#1"),
                "sk", AttributeValue.fromS("order#1"),
                "status", AttributeValue.fromS("NEW"))));

        assertThat(dynamo.table("Orders"))
                .hasItemCount(1)
                .item(Key.of("pk", "customer#1", "sk", "order#1"))
                .hasAttribute("status", "NEW");
        assertThat(changes).hasSize(1).containsInsertOf(Key.of("pk", "customer#1", "sk", "order#1"));
    }

    @Test
    void starts_each_test_with_empty_tables(Dynamo dynamo) {
        assertThat(dynamo.table("Orders")).isEmpty();
    }
}
