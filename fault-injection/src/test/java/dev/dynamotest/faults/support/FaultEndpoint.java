package dev.dynamotest.faults.support;

import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.DynamoServer;
import dev.dynamotest.core.EngineConfig;
import dev.dynamotest.core.requests.RecordedRequests;
import dev.dynamotest.faults.EngineFaults;
import dev.dynamotest.faults.Faults;
import dev.dynamotest.faults.SdkRetries;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * An engine with fault rules, its server, and SDK clients that retry without backoff; one per test class. The
 * clients go over HTTP, or in process when the system property {@code dynamotest.test.transport} is
 * {@code in-process} (the build runs the engine-side fault tests both ways).
 */
public final class FaultEndpoint implements AutoCloseable {

    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));

    private final ControllableClock clock = new ControllableClock();
    private final DynamoServer server;
    private final EngineFaults faults;
    private final DynamoDbClient client;
    private final DynamoDbAsyncClient asyncClient;
    private final DynamoDbStreamsClient streams;

    /** Whether the clients go in process, as the build's second run of the fault tests asks. */
    public static final boolean IN_PROCESS = "in-process".equals(System.getProperty("dynamotest.test.transport"));

    public FaultEndpoint() {
        server = DynamoServer.start(DynamoEngine.create(EngineConfig.builder().clock(clock).build()));
        faults = Faults.on(server.engine());
        client = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(httpClient())
                .overrideConfiguration(SdkRetries.withoutBackoff()).build();
        var async = DynamoDbAsyncClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).overrideConfiguration(SdkRetries.withoutBackoff());
        if (IN_PROCESS) {
            async.httpClient(server.engine().sdkAsyncHttpClient());
        }
        asyncClient = async.build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(httpClient()).build();
    }

    /** A client for the endpoint with extra configuration (interceptors, retry settings); the caller closes it. */
    public DynamoDbClient client(java.util.function.Consumer<ClientOverrideConfiguration.Builder> overrides) {
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(httpClient())
                .overrideConfiguration(overrides).build();
    }

    /** The engine's in-process HTTP client, or a new URL-connection one that the SDK client closes with itself. */
    private SdkHttpClient httpClient() {
        return IN_PROCESS ? server.engine().sdkHttpClient() : UrlConnectionHttpClient.create();
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public DynamoEngine engine() {
        return server.engine();
    }

    public ControllableClock clock() {
        return clock;
    }

    public EngineFaults faults() {
        return faults;
    }

    public DynamoDbClient client() {
        return client;
    }

    public DynamoDbAsyncClient asyncClient() {
        return asyncClient;
    }

    public DynamoDbStreamsClient streams() {
        return streams;
    }

    /** The requests made from now on. */
    public RecordedRequests requests() {
        return engine().requests().since(engine().requests().mark());
    }

    /** Creates a table keyed by {@code pk} (string), on demand, with a NEW_AND_OLD_IMAGES stream. */
    public void createTable(String name) {
        client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    /** Deletes every table and removes every rule. */
    public void reset() {
        faults.clear();
        for (String name : engine().tables().names("us-east-1")) {
            engine().tables().drop("us-east-1", name);
        }
        clock.reset();
    }

    public static Map<String, AttributeValue> item(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    @Override
    public void close() {
        client.close();
        asyncClient.close();
        streams.close();
        faults.close();
        server.close();
        server.engine().close();
    }
}
