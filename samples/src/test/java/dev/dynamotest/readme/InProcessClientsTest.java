package dev.dynamotest.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.EngineConfig;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class InProcessClientsTest {

    @Test
    void sdk_clients_reach_the_engine_without_a_socket() {
        try (DynamoEngine engine = DynamoEngine.create(EngineConfig.builder().build())) {
            // begin clients
            DynamoDbClient client = DynamoDbClient.builder()
                    .httpClient(engine.sdkHttpClient())                 // or dynamo.engine().sdkHttpClient() in a @DynamoTest
                    .endpointOverride(URI.create("http://localhost"))
                    .region(Region.EU_WEST_1)                           // the region of the signature picks the engine's region
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build();
            DynamoDbAsyncClient async = DynamoDbAsyncClient.builder()
                    .httpClient(engine.sdkAsyncHttpClient())            // no netty-nio-client needed
                    .endpointOverride(URI.create("http://localhost")).region(Region.EU_WEST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build();
            // end clients
            assertThat(client.listTables().tableNames()).isEmpty();
            assertThat(async.listTables().join().tableNames()).isEmpty();
            client.close();
            async.close();
        }
    }
}
