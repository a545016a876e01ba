package dev.dynamotest.faults.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.DynamoException;
import java.util.Map;

/** An injected DynamoDB error with extra members in its body (ThrottlingReasons, CancellationReasons). */
public final class FaultException extends DynamoException {

    private final transient Map<String, JsonNode> details;

    public FaultException(String namespace, String type, int statusCode, String message, Map<String, JsonNode> details) {
        super(namespace, type, statusCode, message, null);
        this.details = Map.copyOf(details);
    }

    @Override
    public Map<String, JsonNode> details() {
        return details;
    }
}
