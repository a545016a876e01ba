package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.DynamoException;

/** DynamoDB's ValidationException wordings for expressions, prefixed with the expression kind. */
final class Errors {

    private Errors() {
    }

    /** "Invalid {kind}: {detail}". */
    static DynamoException invalid(String kind, String detail) {
        return DynamoException.validation("Invalid " + kind + ": " + detail);
    }

    static DynamoException operandType(String kind, String operator, String type) {
        return invalid(kind, "Incorrect operand type for operator or function; operator or function: " + operator
                + ", operand type: " + type);
    }

    static DynamoException operandCount(String kind, String function, int count) {
        return invalid(kind, "Incorrect number of operands for operator or function; operator or function: "
                + function + ", number of operands: " + count);
    }

    static DynamoException requiresPath(String kind, String function) {
        return invalid(kind, "Operator or function requires a document path; operator or function: " + function);
    }

    static DynamoException notAllowed(String kind, String function) {
        return invalid(kind, "The function is not allowed to be used this way in an expression; function: "
                + function);
    }

    static DynamoException unknownFunction(String kind, String function) {
        return invalid(kind, "Invalid function name; function: " + function);
    }

    /** The update-time error for a value of the wrong type. */
    static DynamoException incorrectDataType() {
        return DynamoException.validation("An operand in the update expression has an incorrect data type");
    }

    /** The update-time error for a path on the right-hand side that leads nowhere. */
    static DynamoException missingAttribute() {
        return DynamoException.validation(
                "The provided expression refers to an attribute that does not exist in the item");
    }

    /** The update-time error for a path whose parent is missing or of the wrong type. */
    static DynamoException invalidUpdatePath() {
        return DynamoException.validation("The document path provided in the update expression is invalid for update");
    }
}
