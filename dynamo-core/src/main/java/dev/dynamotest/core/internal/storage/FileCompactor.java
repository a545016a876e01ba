package dev.dynamotest.core.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps a database file from growing without end. With {@code WRITE_DELAY=0} each commit writes a new chunk of the
 * file, and H2 stops its background writer, which is also what rewrites the chunks that old versions left mostly
 * empty so that their space can be used again. This does that rewriting instead, ten times a second, on a daemon thread, as many passes
 * in a row as it takes to catch up with the writers (up to {@link #PASSES}).
 */
final class FileCompactor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FileCompactor.class.getName());

    /** Below this share of live data in the file's chunks (percent), the emptiest chunks are rewritten. */
    private static final int TARGET_FILL_RATE = 90;
    /** At most this many bytes rewritten per pass, so that a pass stays short beside the writes. */
    private static final int BYTES_PER_PASS = 4 << 20;
    /** Passes in a row at most, each time the compactor runs: enough to catch up with writers on a fast machine. */
    private static final int PASSES = 8;
    /** How often the compactor runs. */
    private static final long PERIOD_MILLIS = 100;

    private final MVStore store;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dynamotest-h2-compactor");
        thread.setDaemon(true);
        return thread;
    });

    private FileCompactor(MVStore store) {
        this.store = store;
        executor.scheduleWithFixedDelay(this::compact, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts compacting the file of the database that {@code connection}, an embedded H2 connection, is open on. */
    static FileCompactor start(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return new FileCompactor(session.getDatabase().getStore().getMvStore());
    }

    private void compact() {
        try {
            for (int pass = 0; pass < PASSES && !store.isClosed()
                    && store.compact(TARGET_FILL_RATE, BYTES_PER_PASS); pass++) {
                store.commit();
            }
        } catch (RuntimeException e) {
            if (!store.isClosed()) {
                LOG.log(Level.WARNING, "compacting the database file failed; the next pass tries again", e);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
