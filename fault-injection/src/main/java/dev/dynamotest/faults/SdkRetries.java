package dev.dynamotest.faults;

import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Retry settings for SDK v2 DynamoDB clients in fault tests: the SDK's own retry strategy for DynamoDB (its retry
 * mode, 9 attempts, its retry conditions) with only the waits between attempts changed, so that a test of 8
 * throttled retries takes milliseconds instead of seconds. Without these settings a client keeps the SDK's real
 * backoff, for tests of backoff itself.
 *
 * <pre>{@code
 * DynamoDbClient client = DynamoDbClient.builder()
 *         .overrideConfiguration(SdkRetries.withoutBackoff())
 *         ...
 * }</pre>
 */
public final class SdkRetries {

    private SdkRetries() {
    }

    /** The SDK's DynamoDB retry strategy, retrying at once. */
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
        return Defaults.STRATEGY.toBuilder().build();
    }

    /** The SDK's choice, read once from a client that is built for it and never used. */
    private static final class Defaults {
        static final RetryStrategy STRATEGY;

        static {
            try (DynamoDbClient probe = DynamoDbClient.builder().region(Region.US_EAST_1)
                    .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
                STRATEGY = probe.serviceClientConfiguration().overrideConfiguration().retryStrategy()
                        .orElseThrow(() -> new IllegalStateException("the SDK gave its DynamoDB client no retry "
                                + "strategy"));
            }
        }
    }
}
