package dev.dynamotest.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A link in the chain in front of every operation: it may observe the request, answer it itself
 * (throw a {@link DynamoException} to fail it), delay it, or pass it on. Fault injection and the request
 * journal plug in here.
 */
@FunctionalInterface
public interface RequestInterceptor {

    /** Handles the request, usually by calling {@code next.proceed(request)}. */
    ObjectNode intercept(DynamoRequest request, Invocation next);

    /** The rest of the chain. */
    @FunctionalInterface
    interface Invocation {
        /** Passes the request on; returns the response body, or {@code null} for an empty body. */
        ObjectNode proceed(DynamoRequest request);
    }
}
