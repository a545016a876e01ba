package dev.dynamotest.core.internal.storage;

/** A failure of H2 itself: a bug or a broken database, never a client error. */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
