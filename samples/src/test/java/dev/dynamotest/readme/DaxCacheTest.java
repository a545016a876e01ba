package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@DynamoTable(name = "Prices", partitionKey = "sku")
class DaxCacheTest {

    static final Map<String, AttributeValue> KEY = Map.of("sku", AttributeValue.fromS("A1"));

    static String price(DynamoDbClient client) {
        return client.getItem(r -> r.tableName("Prices").key(KEY)).item().get("price").n();
    }

    @Test
    void a_price_changed_behind_dax_is_stale_until_the_item_ttl_passes(Dynamo dynamo, DynamoDbClient client) {
        DynamoDbClient dax = dynamo.dax().client();        // Amazon's ClusterDaxClient, dax://127.0.0.1:<port>
        dax.putItem(r -> r.tableName("Prices").item(Map.of(
                "sku", AttributeValue.fromS("A1"), "price", AttributeValue.fromN("10"))));
        client.putItem(r -> r.tableName("Prices").item(Map.of(
                "sku", AttributeValue.fromS("A1"), "price", AttributeValue.fromN("12"))));  // bypasses DAX

        assertThat(price(dax)).isEqualTo("10");                          // stale, as in production
        dynamo.clock().advance(Duration.ofMinutes(5));                  // DAX's item TTL passes
        assertThat(price(dax)).isEqualTo("12");
        assertThat(dynamo.dax()).itemCache().hasHits(1).hasMisses(1);
    }
}
