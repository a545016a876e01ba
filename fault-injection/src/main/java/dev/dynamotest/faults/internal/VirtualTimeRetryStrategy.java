package dev.dynamotest.faults.internal;

import dev.dynamotest.core.ControllableClock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * A retry strategy that waits on a {@link ControllableClock} instead of in real time: every decision (whether to
 * retry, how many attempts, the retry token bucket, the delay with its jitter) is the wrapped strategy's; only the
 * delay it asks for is added to the clock, and the SDK, told to wait zero, retries at once. The SDK sleeps (sync
 * clients) or schedules the next attempt (async clients) for the delay a strategy returns, so both see no wait.
 */
public final class VirtualTimeRetryStrategy implements RetryStrategy {

    private final RetryStrategy delegate;
    private final ControllableClock clock;

    public VirtualTimeRetryStrategy(RetryStrategy delegate, ControllableClock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        return waited(delegate.acquireInitialToken(request));
    }

    @Override
    public CompletableFuture<AcquireInitialTokenResponse> acquireInitialTokenAsync(AcquireInitialTokenRequest request) {
        return delegate.acquireInitialTokenAsync(request).thenApply(this::waited);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        return waited(delegate.refreshRetryToken(request));
    }

    @Override
    public CompletableFuture<RefreshRetryTokenResponse> refreshRetryTokenAsync(RefreshRetryTokenRequest request) {
        return delegate.refreshRetryTokenAsync(request).thenApply(this::waited);
    }

    private AcquireInitialTokenResponse waited(AcquireInitialTokenResponse response) {
        return advance(response.delay()) ? AcquireInitialTokenResponse.create(response.token(), Duration.ZERO)
                : response;
    }

    private RefreshRetryTokenResponse waited(RefreshRetryTokenResponse response) {
        return advance(response.delay()) ? RefreshRetryTokenResponse.create(response.token(), Duration.ZERO)
                : response;
    }

    /** Moves the clock by a positive delay; false if there is nothing to wait. */
    private boolean advance(Duration delay) {
        if (delay == null || delay.isZero() || delay.isNegative()) {
            return false;
        }
        clock.advance(delay);
        return true;
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        return delegate.recordSuccess(request);
    }

    @Override
    public int maxAttempts() {
        return delegate.maxAttempts();
    }

    /** False: the wrapped strategy is complete as it is, the client adds nothing to it. */
    @Override
    public boolean useClientDefaults() {
        return false;
    }

    @Override
    public Builder toBuilder() {
        return new Builder(delegate.toBuilder(), clock);
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** The wrapped strategy's builder; what it builds waits on the same clock. */
    public static final class Builder implements RetryStrategy.Builder<Builder, VirtualTimeRetryStrategy> {

        private final RetryStrategy.Builder<?, ?> delegate;
        private final ControllableClock clock;

        Builder(RetryStrategy.Builder<?, ?> delegate, ControllableClock clock) {
            this.delegate = delegate;
            this.clock = clock;
        }

        @Override
        public Builder retryOnException(Predicate<Throwable> shouldRetry) {
            delegate.retryOnException(shouldRetry);
            return this;
        }

        @Override
        public Builder maxAttempts(int maxAttempts) {
            delegate.maxAttempts(maxAttempts);
            return this;
        }

        @Override
        public Builder backoffStrategy(BackoffStrategy backoffStrategy) {
            delegate.backoffStrategy(backoffStrategy);
            return this;
        }

        @Override
        public Builder throttlingBackoffStrategy(BackoffStrategy backoffStrategy) {
            delegate.throttlingBackoffStrategy(backoffStrategy);
            return this;
        }

        @Override
        public Builder treatAsThrottling(Predicate<Throwable> treatAsThrottling) {
            delegate.treatAsThrottling(treatAsThrottling);
            return this;
        }

        @Override
        public VirtualTimeRetryStrategy build() {
            return new VirtualTimeRetryStrategy(delegate.build(), clock);
        }
    }
}
