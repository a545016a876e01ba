package dev.dynamotest.core.regions;

/** How requests to a region in an outage fail, as a client sees them (the SDKs retry all three, then give up). */
public enum OutageMode {

    /** HTTP 500 with DynamoDB's {@code InternalServerError}. */
    SERVER_ERROR,
    /** HTTP 503 with DynamoDB's {@code ServiceUnavailable}. */
    SERVICE_UNAVAILABLE,
    /**
     * The connection is closed with no response, as when the region cannot be reached (over HTTP; in process,
     * {@link dev.dynamotest.core.DynamoEngine#handle} throws {@link dev.dynamotest.core.ConnectionDrop}).
     */
    CONNECTION_FAILURE
}
