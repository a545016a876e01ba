package dev.dynamotest.core;

/** How requests to a region in an outage fail, as a client sees them (the SDKs retry both, then give up). */
public enum OutageMode {
    /** HTTP 500 with DynamoDB's {@code InternalServerError}. */
    SERVER_ERROR,
    /** HTTP 503 with {@code ServiceUnavailableException}. */
    SERVICE_UNAVAILABLE
}
