package dev.dynamotest.core.internal.dax;

import java.util.Map;

/**
 * DynamoDB's errors as DAX encodes them: a sequence of codes the client maps back to the SDK's exception types
 * ({@code [4, 37, 38, 39, 43]} is {@code ConditionalCheckFailedException}), DynamoDB's message, and the error
 * type as text. The first code is the kind of failure: 4 for the client's fault, 3 for the server's.
 */
final class DaxErrors {

    private static final Map<String, Integer> DATA_PLANE = Map.ofEntries(
            Map.entry("ProvisionedThroughputExceededException", 40),
            Map.entry("ResourceNotFoundException", 41),
            Map.entry("ConditionalCheckFailedException", 43),
            Map.entry("ResourceInUseException", 45),
            Map.entry("ValidationException", 46),
            Map.entry("InternalServerError", 47),
            Map.entry("ItemCollectionSizeLimitExceededException", 48),
            Map.entry("LimitExceededException", 49),
            Map.entry("ThrottlingException", 50),
            Map.entry("TransactionConflictException", 57),
            Map.entry("TransactionCanceledException", 58),
            Map.entry("TransactionInProgressException", 59),
            Map.entry("IdempotentParameterMismatchException", 60));

    private DaxErrors() {
    }

    /**
     * The codes of a data-plane error of that type. A type without a code of its own travels as a
     * {@code ValidationException}'s code with its own name, which the client raises as a {@code DynamoDbException}
     * carrying that error code.
     */
    static int[] codes(String type, int statusCode) {
        int last = DATA_PLANE.getOrDefault(type, 46);
        return new int[] {statusCode >= 500 ? 3 : 4, 37, 38, 39, last};
    }

    /** The codes of a connection whose credentials were refused (the client then authorizes again). */
    static int[] unauthorized() {
        return new int[] {4, 23, 31, 33};
    }

    /** The codes of a table that is not there, as the connection-level methods report it. */
    static int[] tableNotFound() {
        return new int[] {4, 23, 24};
    }
}
