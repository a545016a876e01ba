package dev.dynamotest.junit.internal;

/** A test class uses the extension wrongly; the message names the element and the fix. */
public final class MisuseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MisuseException(String message) {
        super(message);
    }

    public MisuseException(String message, Throwable cause) {
        super(message, cause);
    }
}
