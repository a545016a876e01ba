package dev.dynamotest.core.internal.ops.transfers;

import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a failed export or import is described. The object store failing to read or write (an
 * {@link UncheckedIOException}, as {@code ObjectStore} promises) gets DynamoDB's failure code; anything else is a
 * bug of ours: it is logged with its stack trace and described as an internal error, never as an S3 failure.
 */
public final class TransferFailures {

    /** The failure code of an export or import that a bug of ours ended. */
    public static final String INTERNAL_ERROR = "InternalServerError";

    private static final Logger LOG = Logger.getLogger(TransferFailures.class.getName());

    private TransferFailures() {
    }

    /** Whether the exception is the object store failing, which DynamoDB reports as an S3 failure. */
    public static boolean isStoreFailure(RuntimeException e) {
        return e instanceof UncheckedIOException;
    }

    /** Logs a bug that ended the transfer {@code arn} and returns the FailureMessage that describes it. */
    public static String internalError(String arn, RuntimeException e) {
        LOG.log(Level.SEVERE, arn + " failed on a DynamoTest bug", e);
        return "Internal server error: " + e + " (a DynamoTest bug, logged with its stack trace)";
    }
}
