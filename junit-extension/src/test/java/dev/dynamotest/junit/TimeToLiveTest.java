package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A declared table's ttlAttribute turns time to live on, and dynamo.ttl() sweeps on the endpoint's clock. */
@DynamoTest
@DynamoTable(name = "Carts", partitionKey = "id", ttlAttribute = "expiresAt")
class TimeToLiveTest {

    @Test
    void a_declared_ttl_attribute_is_enabled_before_each_test(DynamoDbClient client) {
        var description = client.describeTimeToLive(r -> r.tableName("Carts")).timeToLiveDescription();

        org.assertj.core.api.Assertions.assertThat(description.timeToLiveStatusAsString()).isEqualTo("ENABLED");
        org.assertj.core.api.Assertions.assertThat(description.attributeName()).isEqualTo("expiresAt");
    }

    @Test
    void an_expired_cart_is_swept_at_once_by_sweep_now(DynamoDbClient client, Dynamo dynamo) {
        dynamo.clock().freeze();
        long now = dynamo.clock().now().getEpochSecond();
        client.putItem(r -> r.tableName("Carts").item(Map.of("id", AttributeValue.fromS("c1"),
                "expiresAt", AttributeValue.fromN(Long.toString(now + 60)))));
        var changes = dynamo.changes();

        dynamo.clock().advance(Duration.ofSeconds(61));
        assertThat(dynamo.table("Carts")).containsExpiredItem(Key.of("id", "c1"));
        dynamo.ttl().sweepNow();

        assertThat(dynamo.table("Carts")).hasNoExpiredItems().doesNotContainItem(Key.of("id", "c1"));
        assertThat(changes).hasSize(1).containsRemovalOf(Key.of("id", "c1"));
    }
}
