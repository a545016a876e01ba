package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/** The item operations through Amazon's own DAX client against a {@link DaxServer}. */
class DaxItemsTest {

    private static final ControllableClock CLOCK =
            new ControllableClock().freezeAt(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());
    private static DaxServer dax;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() throws Exception {
        endpoint.createTable("Items", "pk", null, null);
        dax = DaxServer.start(endpoint.server().engine());
        client = daxClient(dax);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (dax != null) {
            dax.close();
        }
    }

    static DynamoDbClient daxClient(DaxServer dax) throws Exception {
        return ClusterDaxClient.builder().overrideConfiguration(Configuration.builder()
                .url(dax.url().toString())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .build()).build();
    }

    @Test
    void puts_and_gets_an_item() {
        client.putItem(b -> b.tableName("Items").item(Map.of("pk", AttributeValue.fromS("a"),
                "v", AttributeValue.fromS("one"), "n", AttributeValue.fromN("12.5"))));

        var item = client.getItem(b -> b.tableName("Items").key(Map.of("pk", AttributeValue.fromS("a")))).item();

        assertThat(item).containsEntry("pk", AttributeValue.fromS("a")).containsEntry("v", AttributeValue.fromS("one"))
                .containsEntry("n", AttributeValue.fromN("12.5"));
    }
}
