package dev.dynamotest.junit;

/**
 * What the endpoint saw during a failed test: the requests the test made and the final contents of the
 * tables involved. It is attached to the test's failure as a suppressed exception, so it is printed
 * below the failure's stack trace.
 */
public final class DynamoDiagnostics extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DynamoDiagnostics(String report) {
        super(report, null, false, false);
    }
}
