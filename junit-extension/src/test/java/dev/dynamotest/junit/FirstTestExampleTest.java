package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk")
class FirstTestExampleTest {

    @Test
    void stores_an_order(DynamoDbClient client, Dynamo dynamo) {
        client.putItem(r -> r.tableName("Orders").item(Map.of(
                "pk", AttributeValue.fromS("customer#1"),
                "sk", AttributeValue.fromS("order#1"),
                "status", AttributeValue.fromS("NEW"))));

        GetItemResponse response = client.getItem(r -> r.tableName("Orders").key(Map.of(
                "pk", AttributeValue.fromS("customer#1"),
                "sk", AttributeValue.fromS("order#1"))));

        assertThat(response.item().get("status").s()).isEqualTo("NEW");
        assertThat(dynamo.table("Orders").itemCount()).isEqualTo(1);
    }

    @Test
    void starts_each_test_with_empty_tables(Dynamo dynamo) {
        assertThat(dynamo.table("Orders").itemCount()).isZero();
    }
}
