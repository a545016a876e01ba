package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.support.LocalEndpoint;
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

/** A DaxServer with access keys checks each connection's signature as DAX checks IAM credentials. */
class DaxAuthTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DaxServer dax;

    @BeforeAll
    static void start() {
        endpoint.createTable("Guarded", "pk", null, null);
        dax = DaxServer.start(endpoint.server().engine(), DaxConfig.builder()
                .accessKeys(AccessKeys.of("AKIDGOOD", "right-secret")).build());
    }

    @AfterAll
    static void stop() {
        if (dax != null) {
            dax.close();
        }
    }

    private static DynamoDbClient client(String key, String secret) throws Exception {
        return ClusterDaxClient.builder().overrideConfiguration(Configuration.builder().url(dax.url().toString())
                .region(Region.US_EAST_1).writeRetries(0).readRetries(0)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .build()).build();
    }

    @Test
    void a_connection_signed_with_a_known_key_is_served() throws Exception {
        try (DynamoDbClient client = client("AKIDGOOD", "right-secret")) {
            client.putItem(b -> b.tableName("Guarded").item(Map.of("pk", AttributeValue.fromS("in"))));

            assertThat(client.getItem(b -> b.tableName("Guarded").key(Map.of("pk", AttributeValue.fromS("in"))))
                    .hasItem()).isTrue();
        }
    }

    @Test
    void a_wrong_secret_is_refused_with_invalid_signature() throws Exception {
        try (DynamoDbClient client = client("AKIDGOOD", "wrong-secret")) {
            assertThatThrownBy(() -> client.getItem(b -> b.tableName("Guarded")
                    .key(Map.of("pk", AttributeValue.fromS("in")))))
                    .hasMessageContaining("The request signature we calculated does not match");
        }
    }

    @Test
    void an_unknown_key_is_refused_as_unrecognized() throws Exception {
        try (DynamoDbClient client = client("AKIDOTHER", "right-secret")) {
            assertThatThrownBy(() -> client.getItem(b -> b.tableName("Guarded")
                    .key(Map.of("pk", AttributeValue.fromS("in")))))
                    .hasMessageContaining("The security token included in the request is invalid");
        }
    }
}
