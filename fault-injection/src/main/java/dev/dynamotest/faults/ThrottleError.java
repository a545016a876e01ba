package dev.dynamotest.faults;

/**
 * The error a throttling rule answers with, as DynamoDB sends it when a table, an index or an account is over a
 * limit: choose it with {@code faults().throttle(PUT_ITEM).as(ThrottleError.THROTTLING_EXCEPTION)}.
 * Each is HTTP 400 with ThrottlingReasons naming the throttled table or index.
 */
public enum ThrottleError {
    /** {@code ProvisionedThroughputExceededException}, as a provisioned table over its capacity (the default). */
    PROVISIONED_THROUGHPUT_EXCEEDED("ProvisionedThroughputExceededException"),
    /** {@code ThrottlingException}, as an on-demand table over its maximum throughput. */
    THROTTLING_EXCEPTION("ThrottlingException"),
    /** {@code RequestLimitExceeded}, as an account over its throughput quota. */
    REQUEST_LIMIT_EXCEEDED("RequestLimitExceeded");

    private final String type;

    ThrottleError(String type) {
        this.type = type;
    }

    /** The error's {@code __type} name, which the SDKs map to their exception classes. */
    public String type() {
        return type;
    }
}
