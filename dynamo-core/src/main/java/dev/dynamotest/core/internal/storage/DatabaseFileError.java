package dev.dynamotest.core.internal.storage;

import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.engine.Constants;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * Why H2 could not open a database file, said in one line for the person who chose the file: in use by another
 * process, damaged, or written in a format this H2 cannot read. H2's own words follow in brackets.
 */
final class DatabaseFileError {

    private DatabaseFileError() {
    }

    static StorageException of(Path file, SQLException failure) {
        MVStoreException store = storeCause(failure);
        int storeCode = store == null ? -1 : store.getErrorCode();
        String reason;
        if (storeCode == DataUtils.ERROR_FILE_LOCKED || failure.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            reason = "another process has it open (is a second server running on it?)";
        } else if (storeCode == DataUtils.ERROR_UNSUPPORTED_FORMAT
                || failure.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1) {
            reason = "it is in a format that H2 " + Constants.VERSION + " cannot read (written by another H2 version?)";
        } else if (storeCode == DataUtils.ERROR_FILE_CORRUPT || failure.getErrorCode() == ErrorCode.FILE_CORRUPTED_1) {
            reason = "it is damaged, or is not an H2 database file";
        } else {
            reason = "H2 failed";
        }
        String detail = (store != null ? store.getMessage() : failure.getMessage()).lines().findFirst().orElse("");
        return new StorageException("cannot open the database file " + file + ": " + reason + " (" + detail + ")",
                failure);
    }

    private static MVStoreException storeCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException store) {
                return store;
            }
        }
        return null;
    }
}
