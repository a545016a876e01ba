package dev.dynamotest.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.faults.SdkRetries;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class VirtualTimeRetryStrategyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ControllableClock clock = new ControllableClock().freezeAt(T0);

    /** The SDK's DynamoDB strategy with delays that carry no jitter, so that the waits are known. */
    private static RetryStrategy fixedDelays() {
        return SdkRetries.dynamoDbDefaults().toBuilder()
                .backoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(300)))
                .throttlingBackoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofSeconds(2)))
                .build();
    }

    private static Throwable throttle() {
        return ProvisionedThroughputExceededException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails
                .builder().errorCode("ProvisionedThroughputExceededException").build()).build();
    }

    private static Throwable serverError() {
        return InternalServerErrorException.builder().statusCode(500).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("InternalServerError").build()).build();
    }

    @Test
    void the_sdk_is_told_to_wait_zero_and_the_clock_moves_by_the_backoff_the_strategy_chose() {
        RetryStrategy strategy = new VirtualTimeRetryStrategy(fixedDelays(), clock);
        AcquireInitialTokenResponse initial = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("t"));

        RefreshRetryTokenResponse throttled = strategy.refreshRetryToken(RefreshRetryTokenRequest.builder()
                .token(initial.token()).failure(throttle()).build());
        assertThat(throttled.delay()).isZero();
        assertThat(clock.now()).isEqualTo(T0.plusSeconds(2));

        RefreshRetryTokenResponse serverError = strategy.refreshRetryToken(RefreshRetryTokenRequest.builder()
                .token(throttled.token()).failure(serverError())
                .build());
        assertThat(serverError.delay()).isZero();
        assertThat(clock.now()).isEqualTo(T0.plusSeconds(2).plusMillis(300));
    }

    @Test
    void the_async_path_waits_on_the_clock_too() {
        RetryStrategy strategy = new VirtualTimeRetryStrategy(fixedDelays(), clock);
        AcquireInitialTokenResponse initial =
                strategy.acquireInitialTokenAsync(AcquireInitialTokenRequest.create("t")).join();

        RefreshRetryTokenResponse throttled = strategy.refreshRetryTokenAsync(RefreshRetryTokenRequest.builder()
                .token(initial.token()).failure(throttle()).build()).join();

        assertThat(throttled.delay()).isZero();
        assertThat(clock.now()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void a_strategy_rebuilt_from_its_builder_still_waits_on_the_clock() {
        RetryStrategy rebuilt = new VirtualTimeRetryStrategy(fixedDelays(), clock).toBuilder().maxAttempts(2).build();

        assertThat(rebuilt).isInstanceOf(VirtualTimeRetryStrategy.class);
        assertThat(rebuilt.maxAttempts()).isEqualTo(2);
        assertThat(rebuilt.useClientDefaults()).isFalse();
    }
}
