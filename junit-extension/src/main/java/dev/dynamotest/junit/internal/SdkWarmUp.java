package dev.dynamotest.junit.internal;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Loads and initialises the SDK client's classes on a thread of its own while the endpoint starts, so that the
 * first injected client is quick to build: on a cold JVM that build costs about as much as the endpoint's start.
 * It builds a client for an address it never calls and closes it, once per JVM.
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
        Thread thread = new Thread(SdkWarmUp::run, "dynamotest-sdk-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(Clients.DUMMY_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            client.serviceName();
        } catch (RuntimeException | LinkageError e) {
            // only a head start: the real client reports whatever goes wrong when a test asks for it
        }
    }
}
