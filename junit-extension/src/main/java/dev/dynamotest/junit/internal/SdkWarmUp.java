package dev.dynamotest.junit.internal;

import dev.dynamotest.faults.SdkRetries;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Loads and initialises the SDK client's classes on a thread of its own while the endpoint starts, so that the
 * first injected client is quick to build: on a cold JVM that build costs about as much as the endpoint's start.
 * It builds a client and makes one call through an HTTP client that answers it without an engine, and reads the
 * SDK's retry strategy for DynamoDB that the injected clients start from, once per JVM.
 */
final class SdkWarmUp {

    /** Set once the JVM has been warmed: later classes find the SDK loaded. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private SdkWarmUp() {
    }

    /** Starts the warm-up, the first time only. */
    static void start() {
        if (STARTED.getAndSet(true)) {
            return;
        }
        QuietLogging.apply();
        Thread thread = new Thread(SdkWarmUp::run, "dynamotest-sdk-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(Clients.IN_PROCESS_ADDRESS)
                .region(Region.US_EAST_1)
                .credentialsProvider(Clients.DUMMY_CREDENTIALS)
                .httpClient(new EmptyAnswers())
                .build()) {
            client.listTables();
            SdkRetries.dynamoDbDefaults();   // read once per JVM: the strategy the injected clients' retries start from
        } catch (RuntimeException | LinkageError e) {
            // only a head start: the real client reports whatever goes wrong when a test asks for it
        }
    }

    /**
     * An HTTP client that answers every request with an empty JSON object, which is a whole ListTables response: one
     * call through it loads the SDK's whole call path (marshalling, signing, retries, checksums, unmarshalling)
     * without an engine.
     */
    private static final class EmptyAnswers implements SdkHttpClient {

        private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                                    .putHeader("Content-Length", Integer.toString(EMPTY_OBJECT.length))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(EMPTY_OBJECT)))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
