package dev.dynamotest.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.core.DaxConfig;
import dev.dynamotest.core.DaxServer;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.EngineConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/** The README's DAX example: a write that bypasses DAX stays unseen through DAX until the item TTL passes. */
class DaxStaleReadTest {

    @Test
    void a_write_that_bypasses_dax_is_read_stale_until_the_ttl_passes() throws Exception {
        // begin stale-read
        ControllableClock clock = new ControllableClock().freeze();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        try (DynamoEngine engine = DynamoEngine.create(EngineConfig.builder().clock(clock).build());
             DaxServer dax = DaxServer.start(engine, DaxConfig.builder().itemTtl(Duration.ofMinutes(5)).build());
             DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(engine.sdkHttpClient())
                     .endpointOverride(URI.create("http://localhost")).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).build();
             DynamoDbClient cached = ClusterDaxClient.builder().overrideConfiguration(Configuration.builder()
                     .url(dax.url().toString())                         // dax://127.0.0.1:<port>
                     .region(Region.US_EAST_1).credentialsProvider(credentials).build()).build()) {
            dynamo.createTable(b -> b.tableName("Prices").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("sku").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("sku").attributeType(ScalarAttributeType.S)));
            Map<String, AttributeValue> key = Map.of("sku", AttributeValue.fromS("A1"));
            cached.putItem(b -> b.tableName("Prices").item(Map.of("sku", AttributeValue.fromS("A1"),
                    "price", AttributeValue.fromN("10"))));               // through DAX: written through

            dynamo.updateItem(b -> b.tableName("Prices").key(key).updateExpression("SET price = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromN("12"))));   // bypasses DAX

            assertThat(cached.getItem(b -> b.tableName("Prices").key(key)).item().get("price").n())
                    .isEqualTo("10");                                   // stale, as in production
            clock.advance(Duration.ofMinutes(5));                       // the item TTL passes
            assertThat(cached.getItem(b -> b.tableName("Prices").key(key)).item().get("price").n())
                    .isEqualTo("12");
            assertThat(dax.statistics().itemHits()).isEqualTo(1);
        }
        // end stale-read
    }
}
