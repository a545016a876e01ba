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
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/** A DAX node taken down and brought back, seen by Amazon's DAX client. */
class DaxNodeOutageTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DaxServer dax;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() throws Exception {
        endpoint.createTable("Nodes", "pk", null, null);
        dax = DaxServer.start(endpoint.server().engine());
        client = ClusterDaxClient.builder().overrideConfiguration(Configuration.builder().url(dax.url().toString())
                .region(Region.US_EAST_1).readRetries(0).writeRetries(0)
                .clusterUpdateIntervalMillis(100).healthCheckIntervalMillis(100)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .build()).build();
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

    private static boolean read() {
        return client.getItem(b -> b.tableName("Nodes").key(Map.of("pk", AttributeValue.fromS("n")))).hasItem();
    }

    @Test
    void requests_fail_while_the_node_is_down_and_succeed_once_it_is_back() throws InterruptedException {
        client.putItem(b -> b.tableName("Nodes").item(Map.of("pk", AttributeValue.fromS("n"))));

        dax.down();
        assertThat(dax.isUp()).isFalse();
        assertThatThrownBy(DaxNodeOutageTest::read).isInstanceOf(SdkException.class);
        dax.up();

        boolean served = false;
        for (int attempt = 0; attempt < 100 && !served; attempt++) {
            try {
                served = read();
            } catch (SdkException e) {
                Thread.sleep(50);
            }
        }
        assertThat(served).isTrue();
        assertThat(dax.isUp()).isTrue();
        assertThat(dax.statistics().itemMisses()).isEqualTo(1);
    }
}
