package dev.dynamotest.core.support;

import dev.dynamotest.core.DaxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/**
 * A {@link DaxServer} in front of a {@link LocalEndpoint}'s engine and Amazon's DAX client for it, started on first
 * use and closed after the class: {@code @RegisterExtension static final LocalDax dax = new LocalDax(endpoint);}.
 */
public final class LocalDax implements AfterAllCallback {

    private final LocalEndpoint endpoint;
    private DaxServer server;
    private DynamoDbClient client;

    public LocalDax(LocalEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The DAX node, started in front of the endpoint's engine on first use. */
    public synchronized DaxServer server() {
        if (server == null) {
            server = DaxServer.start(endpoint.server().engine());
        }
        return server;
    }

    /** Amazon's DAX client for {@link #server()}, made on first use. */
    public synchronized DynamoDbClient client() {
        if (client == null) {
            client = client(server());
        }
        return client;
    }

    /** A new DAX client for a node, in us-east-1 with dummy credentials; the caller closes it. */
    public static DynamoDbClient client(DaxServer dax) {
        try {
            return ClusterDaxClient.builder().overrideConfiguration(Configuration.builder()
                    .url(dax.url().toString())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                    .build()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("the DAX client could not reach " + dax.url(), e);
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            client = null;
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }
}
