package dev.dynamotest.core.internal.partiql;

import dev.dynamotest.core.DynamoException;

/** DynamoDB's PartiQL errors, worded as DynamoDB words them; the one place that writes them. */
public final class StatementErrors {

    /** The prefix of every syntax error. */
    public static final String MALFORMED = "Statement wasn't well formed, can't be processed: ";

    private StatementErrors() {
    }

    /** A statement that does not parse: the detail names the token and its position. */
    public static DynamoException malformed(String detail) {
        return DynamoException.validation(MALFORMED + detail);
    }

    /** A statement whose {@code ?} count differs from the parameters'. */
    public static DynamoException parameterCount() {
        return DynamoException.validation("Number of parameters in request and statement don't match.");
    }

    /** A write, or a read that must be a single item, without an equality on every key attribute. */
    public static DynamoException missingKeyEquality() {
        return DynamoException.validation(
                "Where clause does not contain a mandatory equality on all key attributes");
    }

    /** A statement DynamoDB's PartiQL parses but does not run. */
    public static DynamoException unsupported(String what) {
        return DynamoException.validation("Unsupported operation: " + what);
    }
}
