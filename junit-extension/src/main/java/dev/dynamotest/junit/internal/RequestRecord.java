package dev.dynamotest.junit.internal;

import java.util.List;

/**
 * One request a test made to the endpoint, as the failure diagnostics show it.
 *
 * @param errorType the DynamoDB error type, or {@code null} if the request succeeded
 */
public record RequestRecord(String region, String operation, List<String> tables, String errorType,
        String errorMessage, long micros) {

    public RequestRecord {
        tables = List.copyOf(tables);
    }

    public boolean failed() {
        return errorType != null;
    }

    /** {@code OK}, or the error type and message. */
    public String outcome() {
        if (!failed()) {
            return "OK";
        }
        return errorMessage == null || errorMessage.isEmpty() ? errorType : errorType + ": " + errorMessage;
    }
}
