package dev.dynamotest.junit.compat;

import static dev.dynamotest.core.Operation.PUT_ITEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.RetryBackoff;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Throttling met by the SDK's own retries with {@code retryBackoff = NONE}, which configures the injected clients
 * through the SDK's retry strategy API: the case that failed with {@code NoClassDefFoundError} on SDKs without it.
 */
@DynamoTest(retryBackoff = RetryBackoff.NONE)
@DynamoTable(name = "Orders", partitionKey = "pk")
class ThrottlingRetriesTest {

    @Test
    void the_sync_client_retries_two_throttles_and_succeeds(DynamoDbClient client, Dynamo dynamo) {
        dynamo.faults().throttle(PUT_ITEM).onTable("Orders").times(2);

        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"))));

        assertThat(dynamo.requests().count(PUT_ITEM)).isEqualTo(3);
        assertThat(client.scan(r -> r.tableName("Orders")).count()).isEqualTo(1);
    }

    @Test
    void the_async_client_gives_up_after_the_sdks_attempts(DynamoDbAsyncClient client, Dynamo dynamo) {
        dynamo.faults().throttle(PUT_ITEM).always();

        assertThatThrownBy(() -> client.putItem(r -> r.tableName("Orders")
                .item(Map.of("pk", AttributeValue.fromS("A#2")))).join())
                .hasCauseInstanceOf(ProvisionedThroughputExceededException.class);
        assertThat(dynamo.requests().count(PUT_ITEM)).isGreaterThan(1);
        assertThat(dynamo.requests().list()).allMatch(request -> request.faulted());
    }
}
