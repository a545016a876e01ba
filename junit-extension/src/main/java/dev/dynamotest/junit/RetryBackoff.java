package dev.dynamotest.junit;

/**
 * How the injected SDK clients wait between retries. All three keep the SDK's retry strategy for DynamoDB (which
 * errors are retried, 9 attempts, its retry token bucket, its backoff with jitter) and change only how its waits
 * are spent.
 */
public enum RetryBackoff {
    /**
     * The default: each wait the SDK's backoff computes moves the engine's clock forward by that much
     * ({@link dev.dynamotest.core.ControllableClock#advance(java.time.Duration)}, frozen or not) and the retry is sent
     * at once. Capacity refills, and TTL, stream and backup timing see, exactly the time the SDK waited, in no real
     * time. The clock is the class's: methods of a class running at the same time see each other's waits. Against an
     * endpoint this JVM does not run (no engine clock), the SDK's real backoff.
     */
    VIRTUAL_TIME,
    /** The SDK's own backoff in real time, for tests of backoff itself; the engine's clock is not touched. */
    SDK_DEFAULT,
    /** Retries at once; the engine's clock is not touched, so a frozen clock refills no capacity. */
    NONE
}
