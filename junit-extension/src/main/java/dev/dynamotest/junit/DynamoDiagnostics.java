package dev.dynamotest.junit;

/**
 * What the endpoint saw during a failed test: the requests the test made, its throttle events and the final
 * contents of the tables involved. It is attached to the test's failure as a suppressed exception, so it is
 * printed below the failure's stack trace. Requests are numbered from 1 within the test, as request assertions
 * number them; they show their region when the test's requests went to more than one region, and the fault (a
 * fault rule or a region outage) that shaped an answer as {@code [fault: ...]}.
 */
public final class DynamoDiagnostics extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DynamoDiagnostics(String report) {
        super(report, null, false, false);
    }
}
