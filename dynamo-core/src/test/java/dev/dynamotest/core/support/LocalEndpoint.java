package dev.dynamotest.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.DynamoServer;
import dev.dynamotest.core.EngineConfig;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A running endpoint with an SDK client for tests, used in one of two ways.
 *
 * <p>For a whole test class, as a JUnit extension that starts the endpoint in {@code beforeAll} and closes it
 * in {@code afterAll}:
 * <pre>{@code
 * @RegisterExtension
 * static final LocalEndpoint endpoint = LocalEndpoint.perClass();          // or perClass(config)
 * }</pre>
 * For one test, started at once by the constructor and closed by {@link #close()}:
 * <pre>{@code
 * try (LocalEndpoint endpoint = new LocalEndpoint(config)) { ... }
 * }</pre>
 * Its SDK clients reach the engine over HTTP, or in process (through {@link DynamoEngine#sdkHttpClient()}) when the
 * system property {@code dynamotest.test.transport} is {@code in-process}: the build runs the SDK-level suites both
 * ways, so that any difference between the two transports fails a test.
 */
public final class LocalEndpoint implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** Whether the tests' clients go in process, as the build's second run of the SDK-level suites asks. */
    public static final boolean IN_PROCESS = "in-process".equals(System.getProperty("dynamotest.test.transport"));

    private final EngineConfig config;
    private volatile DynamoServer server;
    private volatile DynamoDbClient client;
    private DynamoDbStreamsClient streams;
    private String startedBy;

    /** An endpoint over an engine with the default configuration, started at once; the caller closes it. */
    public LocalEndpoint() {
        this(EngineConfig.defaults());
    }

    /** An endpoint over an engine with this configuration, for a test that holds the clock; started at once. */
    public LocalEndpoint(EngineConfig config) {
        this(config, true);
    }

    private LocalEndpoint(EngineConfig config, boolean startNow) {
        this.config = Objects.requireNonNull(config, "config");
        if (startNow) {
            start();
        }
    }

    /** An endpoint with the default configuration for a {@code @RegisterExtension} field, started in beforeAll. */
    public static LocalEndpoint perClass() {
        return perClass(EngineConfig.defaults());
    }

    /** An endpoint with this configuration for a {@code @RegisterExtension} field, started in beforeAll. */
    public static LocalEndpoint perClass(EngineConfig config) {
        return new LocalEndpoint(config, false);
    }

    private void start() {
        server = DynamoServer.start(DynamoEngine.create(config));
        client = client(Region.US_EAST_1);
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (server == null) {
            start();
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(startedBy)) {
            startedBy = null;
            close();
        }
    }

    public DynamoServer server() {
        return running();
    }

    public URI endpoint() {
        return running().endpoint();
    }

    public DynamoDbClient client() {
        running();
        return client;
    }

    private DynamoServer running() {
        DynamoServer current = server;
        if (current == null) {
            throw new IllegalStateException("LocalEndpoint is not running: a LocalEndpoint.perClass() endpoint "
                    + "runs only from beforeAll to afterAll, so register it with @RegisterExtension on a static "
                    + "field and use it from @BeforeAll methods and tests, not from field initializers "
                    + "or after close()");
        }
        return current;
    }

    /** A DynamoDB Streams client for the endpoint (us-east-1), closed with the endpoint. */
    public synchronized DynamoDbStreamsClient streams() {
        if (streams == null) {
            streams = DynamoDbStreamsClient.builder()
                    .endpointOverride(endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIDTEST", "secret")))
                    .httpClient(httpClient())
                    .build();
        }
        return streams;
    }

    /** A new client for the endpoint that signs requests for the given region; the caller closes it. */
    public DynamoDbClient client(Region region) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(httpClient())
                .build();
    }

    /**
     * The HTTP client for an SDK client of this endpoint: the engine's in-process one, or a new URL-connection client
     * (which the SDK client closes with itself).
     */
    public SdkHttpClient httpClient() {
        return IN_PROCESS ? running().engine().sdkHttpClient() : UrlConnectionHttpClient.create();
    }

    /** Creates an on-demand table with a string partition key and, if given, a sort key of the given type. */
    public void createTable(String name, String partitionKey, String sortKey, ScalarAttributeType sortType) {
        var request = software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (sortKey == null) {
            request.attributeDefinitions(AttributeDefinition.builder().attributeName(partitionKey)
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
        } else {
            request.attributeDefinitions(
                            AttributeDefinition.builder().attributeName(partitionKey)
                                    .attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(sortKey).attributeType(sortType).build())
                    .keySchema(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
        }
        client().createTable(request.build());
    }

    /** Creates an on-demand table with a string partition key {@code pk} and, when given, a string sort key. */
    public String createTable(String name, String sortKey) {
        var request = software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (sortKey == null) {
            request.keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"));
        } else {
            request.keySchema(key("pk", KeyType.HASH), key(sortKey, KeyType.RANGE))
                    .attributeDefinitions(attribute("pk"), attribute(sortKey));
        }
        return client().createTable(request.build()).tableDescription().tableArn();
    }

    /** Creates an on-demand table with a string partition key {@code pk} and a stream; returns the stream ARN. */
    public String createStreamedTable(String name, StreamViewType viewType) {
        return client().createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)))
                .tableDescription().latestStreamArn();
    }

    /** The records of a stream's first shard, read from its trim horizon with one GetRecords. */
    public List<Record> streamRecords(String streamArn) {
        String shard = streams().describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().get(0)
                .shardId();
        String iterator = streams().getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        return streams().getRecords(r -> r.shardIterator(iterator)).records();
    }

    public static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    public static AttributeDefinition attribute(String name) {
        return attribute(name, ScalarAttributeType.S);
    }

    public static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    /** Asserts that the call fails with DynamoDB's error code and exact message. */
    public static void assertError(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    /** Closes the clients, the server and its engine; a later call does nothing. */
    @Override
    public synchronized void close() {
        DynamoServer current = server;
        if (current == null) {
            return;
        }
        if (streams != null) {
            streams.close();
            streams = null;
        }
        client.close();
        current.close();
        current.engine().close();
        client = null;
        server = null;
    }
}
