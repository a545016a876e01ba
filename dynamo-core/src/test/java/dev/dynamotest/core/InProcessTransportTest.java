package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import dev.dynamotest.core.requests.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The engine's in-process HTTP clients with the real SDK v2 clients: what a request over HTTP gets (status, request
 * id, checksum, error types, the region of the signature), and what the SDK does around a call (retries, timeouts,
 * aborts, waiters), with no socket.
 */
class InProcessTransportTest {

    private static final URI ANY_ENDPOINT = URI.create("http://dynamodb.in-process.test");
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));

    private DynamoEngine engine;
    private DynamoDbClient client;

    @BeforeEach
    void start() {
        engine = DynamoEngine.create();
        client = client(Region.US_EAST_1, b -> { });
        client.createTable(r -> r.tableName("Orders").billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")));
    }

    @AfterEach
    void stop() {
        client.close();
        engine.close();
    }

    private DynamoDbClient client(Region region, Consumer<ClientOverrideConfiguration.Builder> overrides) {
        return DynamoDbClient.builder().endpointOverride(ANY_ENDPOINT).region(region).credentialsProvider(CREDENTIALS)
                .httpClient(engine.sdkHttpClient()).overrideConfiguration(overrides).build();
    }

    private static Map<String, AttributeValue> item(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromN("1"));
    }

    @Test
    void a_synchronous_client_reads_what_it_wrote_and_gets_dynamodb_errors_with_a_request_id() {
        client.putItem(r -> r.tableName("Orders").item(item("A")));

        var response = client.getItem(r -> r.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("A"))));

        assertThat(response.item()).isEqualTo(item("A"));
        assertThat(response.sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(response.sdkHttpResponse().firstMatchingHeader("x-amz-crc32")).isPresent();
        assertThat(response.responseMetadata().requestId()).matches("[0-9A-F]{32}");
        assertThatThrownBy(() -> client.getItem(r -> r.tableName("Missing").key(Map.of("pk",
                AttributeValue.fromS("A")))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Requested resource not found");
                    assertThat(e.requestId()).matches("[0-9A-F]{32}");
                });
    }

    @Test
    void the_region_is_the_one_the_client_signs_for() {
        try (DynamoDbClient ireland = client(Region.EU_WEST_1, b -> { })) {
            ireland.createTable(r -> r.tableName("Local").billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")));
        }

        assertThat(engine.tables().names("eu-west-1")).containsExactly("Local");
        assertThat(engine.tables().names("us-east-1")).containsExactly("Orders");
    }

    @Test
    void an_asynchronous_client_is_answered_on_the_engines_threads() {
        List<String> threads = new CopyOnWriteArrayList<>();
        engine.addInterceptor((request, next) -> {
            threads.add(Thread.currentThread().getName());
            return next.proceed(request);
        });
        try (DynamoDbAsyncClient async = DynamoDbAsyncClient.builder().endpointOverride(ANY_ENDPOINT)
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(engine.sdkAsyncHttpClient()).build()) {
            async.putItem(r -> r.tableName("Orders").item(item("B"))).join();
            var got = async.getItem(r -> r.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("B")))).join();
            var missing = async.describeTable(r -> r.tableName("Missing"));

            assertThat(got.item()).isEqualTo(item("B"));
            assertThatThrownBy(missing::join).hasCauseInstanceOf(ResourceNotFoundException.class);
        }
        assertThat(threads).hasSize(3).allMatch(name -> name.startsWith("dynamotest-in-process-"));
    }

    @Test
    void waiters_work_in_process() {
        var waited = client.waiter().waitUntilTableExists(r -> r.tableName("Orders"));

        assertThat(waited.matched().response()).hasValueSatisfying(
                d -> assertThat(d.table().tableName()).isEqualTo("Orders"));
    }

    @Test
    void a_dropped_connection_fails_the_attempt_and_the_sdk_retries_it() {
        AtomicInteger attempts = new AtomicInteger();
        engine.addInterceptor((request, next) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ConnectionDrop("first attempt");
            }
            return next.proceed(request);
        });
        client.putItem(r -> r.tableName("Orders").item(item("C")));
        assertThat(attempts).hasValue(2);

        try (DynamoDbClient once = client(Region.US_EAST_1, o -> o.retryPolicy(RetryPolicy.none()))) {
            attempts.set(0);
            assertThatThrownBy(() -> once.putItem(r -> r.tableName("Orders").item(item("D"))))
                    .isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(IOException.class);
        }
        assertThat(engine.requests().all().list()).extracting(RecordedRequest::errorType)
                .containsExactly(null, RecordedRequest.CONNECTION_DROPPED, null, RecordedRequest.CONNECTION_DROPPED);
    }

    @Test
    void an_attempt_timeout_ends_a_slow_call_and_the_engine_serves_the_next_one() {
        engine.addInterceptor((request, next) -> {
            if ("slow".equals(request.body().path("Item").path("pk").path("S").asText())) {
                sleep(Duration.ofSeconds(5));
            }
            return next.proceed(request);
        });
        try (DynamoDbClient impatient = client(Region.US_EAST_1,
                o -> o.apiCallAttemptTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.none()))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> impatient.putItem(r -> r.tableName("Orders").item(item("slow"))))
                    .isInstanceOf(ApiCallAttemptTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));

            impatient.putItem(r -> r.tableName("Orders").item(item("quick")));
        }
        assertThat(engine.tables().find("us-east-1", "Orders").orElseThrow().itemCount()).isEqualTo(2);
    }

    @Test
    void an_asynchronous_call_timeout_fails_the_future() {
        engine.addInterceptor((request, next) -> {
            sleep(Duration.ofSeconds(2));
            return next.proceed(request);
        });
        try (DynamoDbAsyncClient async = DynamoDbAsyncClient.builder().endpointOverride(ANY_ENDPOINT)
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(engine.sdkAsyncHttpClient())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMillis(200))).build()) {
            var put = async.putItem(r -> r.tableName("Orders").item(item("E")));

            assertThatThrownBy(put::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(ApiCallTimeoutException.class);
        }
    }

    @Test
    void a_timed_out_write_leaves_a_database_file_whole(@TempDir Path dir) {
        client.close();
        engine.close();
        Path file = dir.resolve("data");
        engine = DynamoEngine.create(EngineConfig.builder().databasePath(file).build());
        client = client(Region.US_EAST_1, b -> { });
        client.createTable(r -> r.tableName("Orders").billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")));
        client.putItem(r -> r.tableName("Orders").item(item("before")));
        engine.addInterceptor((request, next) -> {
            sleep(Duration.ofMillis(500));
            return next.proceed(request);
        });
        try (DynamoDbClient impatient = client(Region.US_EAST_1,
                o -> o.apiCallAttemptTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.none()))) {
            for (int i = 0; i < 5; i++) {
                String pk = "timed-out-" + i;
                assertThatThrownBy(() -> impatient.putItem(r -> r.tableName("Orders").item(item(pk))))
                        .isInstanceOf(ApiCallAttemptTimeoutException.class);
            }
        }
        // every write that reached the engine finishes, as on a server whose client gave up; a call may also have
        // timed out in the SDK before it reached the engine, on a busy machine
        int served = quietJournalSize();
        assertThat(engine.requests().all().list()).allMatch(RecordedRequest::succeeded);
        assertThat(served).isGreaterThan(3);
        client.close();
        engine.close();

        engine = DynamoEngine.create(EngineConfig.builder().databasePath(file).build());
        client = client(Region.US_EAST_1, b -> { });
        client.putItem(r -> r.tableName("Orders").item(item("after")));
        assertThat(engine.tables().find("us-east-1", "Orders").orElseThrow().itemCount()).isEqualTo(served);
    }

    @Test
    void deep_requests_get_dynamodbs_errors_on_a_calling_thread_with_javas_default_stack() throws Exception {
        AttributeValue nested = AttributeValue.fromS("leaf");
        for (int i = 0; i < 400; i++) {
            nested = AttributeValue.fromL(List.of(nested));
        }
        AttributeValue deep = nested;
        String parenthesised = "(".repeat(2046) + "a<b" + ")".repeat(2046);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Thread caller = new Thread(null, () -> {
            try {
                client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("deep"), "v", deep)));
            } catch (Throwable e) {
                errors.add(e);
            }
            try {
                client.updateItem(r -> r.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("p")))
                        .updateExpression("SET z = :v").expressionAttributeValues(Map.of(":v",
                                AttributeValue.fromN("1")))
                        .conditionExpression(parenthesised));
            } catch (Throwable e) {
                errors.add(e);
            }
        }, "default-stack", 1024 * 1024);   // Java's default thread stack on 64-bit Linux
        caller.start();
        caller.join();

        assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e)
                .isInstanceOfSatisfying(DynamoDbException.class, d -> assertThat(d.statusCode()).isEqualTo(400)));
    }

    @Test
    void a_get_is_answered_with_dynamodbs_health_line() throws IOException {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(ANY_ENDPOINT)
                .putHeader("Host", "localhost:8000").build();

        HttpExecuteResponse response = engine.sdkHttpClient()
                .prepareRequest(HttpExecuteRequest.builder().request(request).build()).call();

        assertThat(response.httpResponse().statusCode()).isEqualTo(200);
        assertThat(new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("healthy: localhost:8000");
    }

    /** The number of requests journalled once none has been added for a second (the slow ones take half of one). */
    private int quietJournalSize() {
        int size = -1;
        while (engine.requests().all().size() != size) {
            size = engine.requests().all().size();
            sleep(Duration.ofSeconds(1));
        }
        return size;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
