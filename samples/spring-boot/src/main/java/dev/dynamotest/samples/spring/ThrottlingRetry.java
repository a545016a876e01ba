package dev.dynamotest.samples.spring;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Runs a write again when DynamoDB throttles it beyond the SDK's own retries: up to {@code orders.retry.attempts}
 * times, {@code orders.retry.backoff} apart.
 */
@Component
public class ThrottlingRetry {

    private final int attempts;
    private final Duration backoff;

    public ThrottlingRetry(@Value("${orders.retry.attempts}") int attempts,
            @Value("${orders.retry.backoff}") Duration backoff) {
        this.attempts = attempts;
        this.backoff = backoff;
    }

    public void run(Runnable write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (ProvisionedThroughputExceededException throttled) {
                if (attempt >= attempts) {
                    throw throttled;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a throttled write", e);
        }
    }
}
