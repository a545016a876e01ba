package dev.dynamotest.junit;

/**
 * How the injected SDK clients wait between retries. Both keep the SDK's retry decisions for DynamoDB (which
 * errors are retried, 9 attempts); {@link #NONE} only drops the waits, so that fault tests with many retries stay
 * fast.
 */
public enum RetryBackoff {
    /** The SDK's own backoff, for tests of backoff itself. */
    SDK_DEFAULT,
    /** Retries at once. */
    NONE
}
