package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoDax;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@DynamoDax(itemTtl = "PT30S")                  // DAX for the whole class, items cached for 30 seconds
@DynamoTable(name = "Prices", partitionKey = "sku")
class DaxStalePriceTest {

    /** Reads through DAX, but writes around it: the bug this test catches. */
    record PriceService(DynamoDbClient dax, DynamoDbClient dynamo) {

        void reprice(String sku, String price) {
            dynamo.putItem(r -> r.tableName("Prices").item(Map.of(
                    "sku", AttributeValue.fromS(sku), "price", AttributeValue.fromN(price))));
        }

        String price(String sku) {
            return dax.getItem(r -> r.tableName("Prices").key(Map.of("sku", AttributeValue.fromS(sku))))
                    .item().get("price").n();
        }
    }

    @Test
    void a_price_written_around_dax_is_read_stale(Dynamo dynamo, DynamoDbClient client) {
        PriceService prices = new PriceService(dynamo.dax().client(), client);
        prices.reprice("A1", "10");
        prices.price("A1");                                    // cached by DAX
        prices.reprice("A1", "12");                            // not through DAX

        assertThat(prices.price("A1")).isEqualTo("10");        // stale, as in production
        assertThat(dynamo.dax()).servedStale("Prices", Key.of("sku", "A1")).hasServedStaleReads(1);

        dynamo.clock().advance(Duration.ofSeconds(30));        // the item TTL passes
        assertThat(prices.price("A1")).isEqualTo("12");
    }
}
