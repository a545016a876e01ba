package dev.dynamotest.samples.streams;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.StreamHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "customerId", sortKey = "orderId",
        stream = DynamoTable.StreamView.KEYS_ONLY)
@DynamoTable(name = "CustomerOrderCounts", partitionKey = "customerId")
class OrderCountProjectionTest {

    private static void placeOrder(DynamoDbClient client, String customerId, String orderId) {
        client.putItem(r -> r.tableName("Orders").item(Map.of(
                "customerId", AttributeValue.fromS(customerId), "orderId", AttributeValue.fromS(orderId),
                "status", AttributeValue.fromS("NEW"))));
    }

    @Test
    void keeps_an_order_count_per_customer(DynamoDbClient client, Dynamo dynamo) {
        OrderCountProjection projection = new OrderCountProjection(client, "CustomerOrderCounts");
        StreamHandler handler = dynamo.streams().onTable("Orders").partialBatchHandler(projection::handle);

        placeOrder(client, "alice", "o-1");
        placeOrder(client, "alice", "o-2");
        placeOrder(client, "alice", "o-3");
        placeOrder(client, "bob", "o-4");
        client.updateItem(r -> r.tableName("Orders")
                .key(Map.of("customerId", AttributeValue.fromS("alice"), "orderId", AttributeValue.fromS("o-1")))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SHIPPED"))));
        client.deleteItem(r -> r.tableName("Orders")
                .key(Map.of("customerId", AttributeValue.fromS("alice"), "orderId", AttributeValue.fromS("o-2"))));
        dynamo.streams().awaitQuiet();

        assertThat(handler).hasNoFailures();
        assertThat(dynamo.table("CustomerOrderCounts")).hasItemCount(2)
                .item(Key.of("customerId", "alice")).hasAttribute("orderCount", 2);
        assertThat(dynamo.table("CustomerOrderCounts"))
                .item(Key.of("customerId", "bob")).hasAttribute("orderCount", 1);
    }

    @Test
    void a_throttled_update_is_retried_from_that_record_without_counting_twice(DynamoDbClient client, Dynamo dynamo) {
        OrderCountProjection projection = new OrderCountProjection(new ThrottlesOnce(client, 2),
                "CustomerOrderCounts");
        placeOrder(client, "alice", "o-1");
        placeOrder(client, "alice", "o-2");
        placeOrder(client, "alice", "o-3");

        StreamHandler handler = dynamo.streams().onTable("Orders").partialBatchHandler(projection::handle);
        dynamo.streams().awaitQuiet();

        assertThat(handler).hasBatchSizes(3, 2).hasFailures(1);
        assertThat(dynamo.table("CustomerOrderCounts"))
                .item(Key.of("customerId", "alice")).hasAttribute("orderCount", 3);
    }

    /** A client whose n-th UpdateItem is throttled, as DynamoDB throttles a hot key. */
    private static final class ThrottlesOnce implements DynamoDbClient {

        private final DynamoDbClient delegate;
        private final int throttled;
        private final AtomicInteger calls = new AtomicInteger();

        ThrottlesOnce(DynamoDbClient delegate, int throttled) {
            this.delegate = delegate;
            this.throttled = throttled;
        }

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            if (calls.incrementAndGet() == throttled) {
                throw ProvisionedThroughputExceededException.builder().message("Rate exceeded").build();
            }
            return delegate.updateItem(request);
        }

        @Override
        public String serviceName() {
            return delegate.serviceName();
        }

        @Override
        public void close() {
        }
    }
}
