package dev.dynamotest.spring;

import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The in-process DynamoDB clients of a {@code @SpringBootTest @DynamoTest} application context, a bean of that
 * context: they live as long as the context (cached contexts included) and each request reaches the endpoint of the
 * test class running now. An application that builds its own client can take this one in its tests instead:
 * <pre>{@code
 * @TestConfiguration
 * class InProcessDynamoDb {
 *     @Bean
 *     @Primary
 *     DynamoDbClient dynamoDbClient(DynamoTestClients clients) {
 *         return clients.client();
 *     }
 * }
 * }</pre>
 */
public final class DynamoTestClients implements AutoCloseable {

    /** The address the clients are built for: any will do, as no request leaves the JVM. */
    private static final URI ADDRESS = URI.create("http://dynamotest.in-process");

    private final SdkHttpClient httpClient;
    private final Region region;
    private DynamoDbClient client;
    private DynamoDbEnhancedClient enhancedClient;

    /** Clients in {@code region} over {@code httpClient}; the context's customizer makes them. */
    public DynamoTestClients(SdkHttpClient httpClient, Region region) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.region = Objects.requireNonNull(region, "region");
    }

    /**
     * The SDK HTTP client that carries requests, in process, to the running class's engine: for a client builder of
     * the application's own ({@code DynamoDbClient.builder().httpClient(clients.httpClient())}).
     */
    public SdkHttpClient httpClient() {
        return httpClient;
    }

    /** The region of the test class's {@code @DynamoTest}. */
    public Region region() {
        return region;
    }

    /** A client in the test class's region, made on first use. */
    public synchronized DynamoDbClient client() {
        if (client == null) {
            client = DynamoDbClient.builder()
                    .endpointOverride(ADDRESS)
                    .region(region)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("dynamotest", "dynamotest")))
                    .httpClient(httpClient)
                    .build();
        }
        return client;
    }

    /** An enhanced (object mapping) client over {@link #client()}. */
    public synchronized DynamoDbEnhancedClient enhancedClient() {
        if (enhancedClient == null) {
            enhancedClient = DynamoDbEnhancedClient.builder().dynamoDbClient(client()).build();
        }
        return enhancedClient;
    }

    /** Closes the clients with the context. */
    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
