package dev.dynamotest.junit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.dynamotest.core.DynamoEngine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The SDK clients of one endpoint, made on first use and closed with it: over HTTP to the endpoint's URL, or in
 * process through the engine's own SDK HTTP clients.
 */
public final class Clients implements AutoCloseable {

    /** The address the in-process clients are built for: any will do, as no request leaves the JVM. */
    static final URI IN_PROCESS_ADDRESS = URI.create("http://dynamotest.in-process");

    /**
     * How the clients reach the endpoint: the URL they address (asked for when the first client is made, so that
     * an endpoint started on demand starts then) and, in process, the engine's HTTP clients ({@code null} over
     * HTTP).
     */
    public record Connection(Supplier<URI> endpoint, SdkHttpClient http, SdkAsyncHttpClient asyncHttp) {

        /** Over HTTP to the URL. */
        public static Connection overHttp(Supplier<URI> endpoint) {
            return new Connection(endpoint, null, null);
        }

        /** In process, through the engine's SDK HTTP clients. */
        public static Connection inProcess(DynamoEngine engine) {
            return new Connection(() -> IN_PROCESS_ADDRESS, engine.sdkHttpClient(), engine.sdkAsyncHttpClient());
        }

        boolean isInProcess() {
            return http != null;
        }
    }

    /**
     * How the clients wait between retries: changes to the retry strategy of the DynamoDB clients and of the Streams
     * client ({@code null}: the SDK's own).
     */
    public record Retries(Consumer<ClientOverrideConfiguration.Builder> dynamoDb,
            Consumer<ClientOverrideConfiguration.Builder> streams) {

        /** The SDK's own retry strategies, real backoff included. */
        public static final Retries SDK = new Retries(null, null);
    }

    /** Credentials for an endpoint that does not check them. */
    public static final AwsCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dynamotest", "dynamotest"));

    /** The SDK's default connection and read timeouts, which a client opening its own connections must set. */
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final Connection connection;
    private URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final List<ExecutionInterceptor> interceptors;
    private final Retries retries;
    private SdkHttpClient http;
    private final Map<Region, DynamoDbClient> clients = new ConcurrentHashMap<>();
    private final Map<Region, DynamoDbAsyncClient> asyncClients = new ConcurrentHashMap<>();
    private volatile DynamoDbEnhancedClient enhancedClient;
    private volatile DynamoDbEnhancedAsyncClient enhancedAsyncClient;
    private volatile DynamoDbStreamsClient streamsClient;

    public Clients(URI endpoint, Region region, AwsCredentialsProvider credentials,
            List<ExecutionInterceptor> interceptors) {
        this(Connection.overHttp(() -> endpoint), region, credentials, interceptors, Retries.SDK);
    }

    /** Clients whose retry strategies are changed by {@code retries}. */
    public Clients(Connection connection, Region region, AwsCredentialsProvider credentials,
            List<ExecutionInterceptor> interceptors, Retries retries) {
        this.connection = connection;
        this.region = region;
        this.credentials = credentials;
        this.interceptors = List.copyOf(interceptors);
        this.retries = Objects.requireNonNull(retries, "retries");
    }

    public DynamoDbClient client() {
        return clientFor(region);
    }

    /**
     * The client for a region, made on first use under the lock that also guards the HTTP client and the URL (made
     * inside a map's compute instead, it took that lock while holding the map's, the reverse of another thread).
     */
    public synchronized DynamoDbClient clientFor(Region region) {
        DynamoDbClient client = clients.get(region);
        if (client == null) {
            client = DynamoDbClient.builder()
                    .endpointOverride(endpoint())
                    .region(region)
                    .credentialsProvider(credentials)
                    .httpClient(http())
                    .overrideConfiguration(overrides(retries.dynamoDb()))
                    .build();
            clients.put(region, client);
        }
        return client;
    }

    /** The URL the clients address, asked of the connection once, when the first client is made. */
    private synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = connection.endpoint().get();
        }
        return endpoint;
    }

    /** The HTTP client of the synchronous clients: the engine's in process, else one made with the first client. */
    private synchronized SdkHttpClient http() {
        if (connection.isInProcess()) {
            return connection.http();
        }
        if (http == null) {
            http = httpClient(endpoint());
        }
        return http;
    }

    /**
     * An HTTP client for the endpoint. For a plain {@code http} endpoint (the one this extension starts) it opens
     * its connections itself, which spares it the TLS set-up (trust store and all) that the SDK's client otherwise
     * makes when it is built, whether or not it ever speaks TLS, and sends each request's body in one piece with
     * its headers ({@link OnePieceConnection}): a call then costs what a bare HTTP exchange does (about 0.3 ms on
     * loopback) instead of 2-3 ms. Its timeouts are the SDK's defaults.
     */
    public static SdkHttpClient httpClient(URI endpoint) {
        if (!"http".equalsIgnoreCase(endpoint.getScheme())) {
            return UrlConnectionHttpClient.create();
        }
        return UrlConnectionHttpClient.create(uri -> {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
                connection.setReadTimeout(READ_TIMEOUT_MILLIS);
                return new OnePieceConnection(connection);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public DynamoDbAsyncClient asyncClient() {
        return asyncClientFor(region);
    }

    public synchronized DynamoDbAsyncClient asyncClientFor(Region region) {
        DynamoDbAsyncClient client = asyncClients.get(region);
        if (client == null) {
            if (connection.isInProcess()) {
                client = DynamoDbAsyncClient.builder()
                        .endpointOverride(endpoint())
                        .region(region)
                        .credentialsProvider(credentials)
                        .httpClient(connection.asyncHttp())
                        .overrideConfiguration(overrides(retries.dynamoDb()))
                        .build();
            } else {
                try {
                    client = DynamoDbAsyncClient.builder()
                            .endpointOverride(endpoint())
                            .region(region)
                            .credentialsProvider(credentials)
                            .overrideConfiguration(overrides(retries.dynamoDb()))
                            .build();
                } catch (RuntimeException e) {
                    throw new IllegalStateException("a DynamoDbAsyncClient over HTTP needs an asynchronous HTTP "
                            + "client on the class path: add software.amazon.awssdk:netty-nio-client (or "
                            + "aws-crt-client) as a test dependency", e);
                }
            }
            asyncClients.put(region, client);
        }
        return client;
    }

    public synchronized DynamoDbEnhancedClient enhancedClient() {
        if (enhancedClient == null) {
            enhancedClient = DynamoDbEnhancedClient.builder().dynamoDbClient(client()).build();
        }
        return enhancedClient;
    }

    public synchronized DynamoDbEnhancedAsyncClient enhancedAsyncClient() {
        if (enhancedAsyncClient == null) {
            enhancedAsyncClient = DynamoDbEnhancedAsyncClient.builder().dynamoDbClient(asyncClient()).build();
        }
        return enhancedAsyncClient;
    }

    public synchronized DynamoDbStreamsClient streamsClient() {
        if (streamsClient == null) {
            streamsClient = DynamoDbStreamsClient.builder()
                    .endpointOverride(endpoint())
                    .region(region)
                    .credentialsProvider(credentials)
                    .httpClient(http())
                    .overrideConfiguration(overrides(retries.streams()))
                    .build();
        }
        return streamsClient;
    }

    /** A client's configuration: the interceptors, and its retry change unless it is {@code null}. */
    private ClientOverrideConfiguration overrides(Consumer<ClientOverrideConfiguration.Builder> retryChange) {
        ClientOverrideConfiguration.Builder builder = ClientOverrideConfiguration.builder();
        interceptors.forEach(builder::addExecutionInterceptor);
        if (retryChange != null) {
            retryChange.accept(builder);
        }
        return builder.build();
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(DynamoDbClient::close);
        clients.clear();
        asyncClients.values().forEach(DynamoDbAsyncClient::close);
        asyncClients.clear();
        if (streamsClient != null) {
            streamsClient.close();
        }
        if (http != null) {
            http.close();
        }
    }
}
