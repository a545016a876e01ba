package dev.dynamotest.samples.orders;

/** A batch still had unprocessed items or keys after the repository's last attempt. */
public final class IncompleteBatchException extends RuntimeException {

    public IncompleteBatchException(String table, int left) {
        super(left + " requests to table " + table + " were still unprocessed after the last attempt");
    }
}
