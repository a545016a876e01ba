package dev.dynamotest.core;

/**
 * The door a request came into the engine through: the HTTP endpoint, the in-process SDK client, the DAX endpoint, or
 * a direct call of {@link DynamoEngine#handle} / {@link DynamoEngine#execute}. The request journal records it
 * ({@link dev.dynamotest.core.requests.RecordedRequest#door()}) and fault rules can be narrowed to one.
 */
public enum Door {
    /** DynamoDB's JSON wire protocol over HTTP, from {@link DynamoServer}. */
    HTTP,
    /** The wire protocol handed to the engine in this JVM by an in-process SDK client, without a socket. */
    IN_PROCESS,
    /** The DAX protocol, from {@link DaxServer}: only the calls that miss DAX's caches reach the engine. */
    DAX,
    /** A direct call of the engine's {@link DynamoEngine#handle} or {@link DynamoEngine#execute}. */
    ENGINE
}
