package dev.dynamotest.core;

/**
 * Thrown by a {@link RequestInterceptor} to have the HTTP endpoint close the connection without sending any
 * response, as a network failure would; in process, {@link DynamoEngine#handle} throws it to the caller.
 */
public final class ConnectionDrop extends RuntimeException {

    public ConnectionDrop(String reason) {
        super(reason, null, false, false);
    }
}
