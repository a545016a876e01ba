package dev.dynamotest.faults;

import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.faults.internal.VirtualTimeRetryStrategy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Retry settings for SDK v2 DynamoDB clients, those a test or the code under test builds and those a
 * {@code @DynamoTest} injects: the SDK's own retry strategy for DynamoDB (its retry mode, 9 attempts, its retry
 * conditions, its retry token bucket) with only the waits between attempts changed, so that a test of 8 throttled
 * retries takes milliseconds instead of seconds. Without these settings a client keeps the SDK's real backoff, for
 * tests of backoff itself.
 *
 * <p>{@link #virtualTime(ControllableClock)} is what the clients a {@code @DynamoTest} injects use by default: each
 * wait the SDK computes moves the engine's clock forward instead, so capacity refills and TTL, stream and backup
 * timing see the time the SDK waited, and the retry is sent at once.
 *
 * <pre>{@code
 * DynamoDbClient client = DynamoDbClient.builder()
 *         .overrideConfiguration(SdkRetries.virtualTime(engineClock))
 *         ...
 * }</pre>
 */
public final class SdkRetries {

    private SdkRetries() {
    }

    /**
     * The SDK's DynamoDB retry strategy, waiting in virtual time: each delay its backoff computes (throttling
     * backoff and jitter included) is added to the clock with {@link ControllableClock#advance(Duration)}, frozen or
     * not, and the retry is sent at once. Attempts, retry decisions and the retry token bucket are the SDK's.
     * Each client it configures gets a strategy of its own, and so a retry token bucket of its own.
     */
    public static Consumer<ClientOverrideConfiguration.Builder> virtualTime(ControllableClock clock) {
        Objects.requireNonNull(clock, "clock");
        return builder -> builder.retryStrategy(new VirtualTimeRetryStrategy(dynamoDbDefaults(), clock));
    }

    /**
     * The given retry strategy, waiting in virtual time as {@link #virtualTime(ControllableClock)} does, for a
     * client with a retry strategy of its own. The strategy is used as it is: build it complete (for DynamoDB, from
     * {@link #dynamoDbDefaults()}{@code .toBuilder()}), as the client adds no defaults to it. Every client it
     * configures shares that strategy (and its retry token bucket).
     */
    public static Consumer<ClientOverrideConfiguration.Builder> virtualTime(ControllableClock clock,
            RetryStrategy strategy) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(strategy, "strategy");
        return builder -> builder.retryStrategy(new VirtualTimeRetryStrategy(strategy, clock));
    }

    /** The SDK's DynamoDB retry strategy, retrying at once; the engine's clock is not touched. */
    public static Consumer<ClientOverrideConfiguration.Builder> withoutBackoff() {
        return withBackoff(BackoffStrategy.retryImmediately());
    }

    /** The SDK's DynamoDB retry strategy with this backoff, for throttling errors as for the others. */
    public static Consumer<ClientOverrideConfiguration.Builder> withBackoff(BackoffStrategy backoff) {
        return builder -> builder.retryStrategy(dynamoDbDefaults().toBuilder()
                .backoffStrategy(backoff).throttlingBackoffStrategy(backoff).build());
    }

    /** A new instance of the retry strategy the SDK gives a DynamoDB client by default. */
    public static RetryStrategy dynamoDbDefaults() {
        return DynamoDbDefault.STRATEGY.toBuilder().build();
    }

    /** A new instance of the retry strategy the SDK gives a DynamoDB Streams client by default. */
    public static RetryStrategy dynamoDbStreamsDefaults() {
        return StreamsDefault.STRATEGY.toBuilder().build();
    }

    /** The retry strategy the SDK chose for a client that is built for it and never used. */
    private static RetryStrategy chosenFor(SdkClient probe) {
        try (probe) {
            return probe.serviceClientConfiguration().overrideConfiguration().retryStrategy()
                    .orElseThrow(() -> new IllegalStateException("the SDK gave its " + probe.serviceName()
                            + " client no retry strategy"));
        }
    }

    /**
     * The probes' HTTP client, which sends nothing: built without one, a client would make the SDK's default HTTP
     * client, TLS set-up and all, only to be closed.
     */
    private static final SdkHttpClient NO_HTTP = new SdkHttpClient() {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            throw new UnsupportedOperationException("a probe client sends no request");
        }

        @Override
        public void close() {
        }
    };

    private static final class DynamoDbDefault {
        static final RetryStrategy STRATEGY = chosenFor(DynamoDbClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).httpClient(NO_HTTP).build());
    }

    private static final class StreamsDefault {
        static final RetryStrategy STRATEGY = chosenFor(DynamoDbStreamsClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).httpClient(NO_HTTP).build());
    }
}
