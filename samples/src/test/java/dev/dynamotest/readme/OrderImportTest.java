package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.readme.OrderImport.orders;

import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.RetryBackoff;
import dev.dynamotest.readme.OrderImport.ImportResult;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoTest(capacity = CapacityMode.ENFORCE, retryBackoff = RetryBackoff.NONE)
@DynamoTable(name = "Orders", partitionKey = "pk", readCapacity = 5, writeCapacity = 5)
class OrderImportTest {
    @Test
    void reports_the_orders_it_could_not_import(Dynamo dynamo, DynamoDbClient client) {
        dynamo.clock().freeze();                 // no refill: 5 one-KB writes, then ProvisionedThroughputExceeded
        ImportResult result = new OrderImport(client).run(orders(8));
        assertThat(result.failed()).hasSize(3);
        assertThat(dynamo.capacity().table("Orders")).wasThrottled().consumedWriteUnits().isEqualTo(5.0);
    }

    @Test
    void a_single_order_needs_no_more_capacity(Dynamo dynamo, DynamoDbClient client) {
        new OrderImport(client).run(orders(1));
        assertThat(dynamo.capacity()).hadNoThrottling();
    }
}
