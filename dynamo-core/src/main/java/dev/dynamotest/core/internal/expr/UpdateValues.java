package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.model.AttributeValue;

/** Checks on values computed while applying an update. */
final class UpdateValues {

    private UpdateValues() {
    }

    /** The value, or DynamoDB's error for a right-hand side that refers to a missing attribute. */
    static AttributeValue require(AttributeValue value) {
        if (value == null) {
            throw Errors.missingAttribute();
        }
        return value;
    }
}
