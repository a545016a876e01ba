package dev.dynamotest.core.internal.dax;

/** A request that does not follow the DAX protocol: the connection cannot go on and is closed. */
final class DaxProtocolException extends RuntimeException {

    DaxProtocolException(String message) {
        super(message);
    }
}
