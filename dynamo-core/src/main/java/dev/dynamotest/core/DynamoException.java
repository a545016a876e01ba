package dev.dynamotest.core;

import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;

/**
 * An error as DynamoDB reports it: the error type (the part of {@code __type} after {@code #}), the
 * HTTP status, and DynamoDB's message. The engine throws it; the HTTP layer writes it to the wire.
 */
public class DynamoException extends RuntimeException {

    /** The namespace of DynamoDB's own error types. */
    public static final String DYNAMODB_NAMESPACE = "com.amazonaws.dynamodb.v20120810";
    /** The namespace of the protocol layer's errors (serialization, unknown operation). */
    public static final String CORAL_NAMESPACE = "com.amazon.coral.service";

    private final String namespace;
    private final String type;
    private final int statusCode;
    private final transient Map<String, AttributeValue> item;

    public DynamoException(String type, String message) {
        this(DYNAMODB_NAMESPACE, type, 400, message, null);
    }

    public DynamoException(String namespace, String type, int statusCode, String message,
            Map<String, AttributeValue> item) {
        super(message, null, false, false);
        this.namespace = namespace;
        this.type = type;
        this.statusCode = statusCode;
        this.item = item;
    }

    /** A {@code ValidationException}: the request breaks one of DynamoDB's rules. */
    public static DynamoException validation(String message) {
        return new DynamoException("ValidationException", message);
    }

    /** A {@code ResourceNotFoundException}. */
    public static DynamoException resourceNotFound(String message) {
        return new DynamoException("ResourceNotFoundException", message);
    }

    /** A {@code ResourceInUseException}. */
    public static DynamoException resourceInUse(String message) {
        return new DynamoException("ResourceInUseException", message);
    }

    /** A {@code ConditionalCheckFailedException}, optionally carrying the item's old image. */
    public static DynamoException conditionalCheckFailed(Map<String, AttributeValue> item) {
        return new DynamoException(DYNAMODB_NAMESPACE, "ConditionalCheckFailedException", 400,
                "The conditional request failed", item);
    }

    /** A {@code SerializationException}: the body is not the JSON the operation takes. */
    public static DynamoException serialization(String message) {
        return new DynamoException(CORAL_NAMESPACE, "SerializationException", 400, message, null);
    }

    /** An {@code InternalServerError} (HTTP 500). */
    public static DynamoException internal(String message) {
        return new DynamoException(DYNAMODB_NAMESPACE, "InternalServerError", 500, message, null);
    }

    /** The error type, as the SDKs match it ({@code ValidationException}, ...). */
    public String type() {
        return type;
    }

    /** The full {@code __type} as written on the wire. */
    public String wireType() {
        return namespace + "#" + type;
    }

    /** The HTTP status code the error is sent with. */
    public int statusCode() {
        return statusCode;
    }

    /** Further members of the error body beyond {@code __type} and {@code message} (none by default). */
    public Map<String, com.fasterxml.jackson.databind.JsonNode> details() {
        return Map.of();
    }

    /** The item returned with a failed condition check, or {@code null}. */
    public Map<String, AttributeValue> item() {
        return item;
    }
}
