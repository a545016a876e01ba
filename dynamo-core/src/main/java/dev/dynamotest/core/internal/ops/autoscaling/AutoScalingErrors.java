package dev.dynamotest.core.internal.ops.autoscaling;

import dev.dynamotest.core.DynamoException;

/** The errors of the Application Auto Scaling API, as its SDK clients parse them. */
final class AutoScalingErrors {

    static final String NAMESPACE = "com.amazonaws.applicationautoscaling";

    private AutoScalingErrors() {
    }

    static DynamoException validation(String message) {
        return new DynamoException(NAMESPACE, "ValidationException", 400, message, null);
    }

    static DynamoException objectNotFound(String message) {
        return new DynamoException(NAMESPACE, "ObjectNotFoundException", 400, message, null);
    }

    /** Coral's wording for a required member that is absent. */
    static DynamoException missing(String member) {
        return validation("1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    static DynamoException noTarget(ScalableResource r) {
        return objectNotFound("No scalable target registered for service namespace: dynamodb, resource ID: "
                + r.resourceId() + ", scalable dimension: " + r.dimension());
    }
}
