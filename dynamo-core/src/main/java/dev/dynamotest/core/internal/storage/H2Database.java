package dev.dynamotest.core.internal.storage;

import dev.dynamotest.core.internal.RandomIds;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The engine's H2 database: a connection pool over an in-memory or file database, and the schema
 * (table catalog, items, change records, backups) created on first use. The hot paths use {@link Session}s instead
 * of pooled connections: the engine's own connections, which keep their prepared statements.
 */
public final class H2Database implements AutoCloseable {

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS DT_TABLES(REGION VARCHAR(64) NOT NULL, NAME VARCHAR(255) NOT NULL,"
            + " ID BIGINT NOT NULL, META VARCHAR(1000000) NOT NULL, PRIMARY KEY(REGION, NAME))",
        "CREATE TABLE IF NOT EXISTS DT_ITEMS(TID BIGINT NOT NULL, IDX VARCHAR(255) NOT NULL, HH INT NOT NULL,"
            + " HK VARBINARY(4096) NOT NULL, RK VARBINARY(4096) NOT NULL, UK VARBINARY(8192) NOT NULL,"
            + " SZ INT NOT NULL, DATA VARBINARY(1000000000) NOT NULL, PRIMARY KEY(TID, IDX, HH, HK, RK, UK))",
        "CREATE TABLE IF NOT EXISTS DT_CHANGES(SEQ BIGINT PRIMARY KEY, TID BIGINT NOT NULL,"
            + " REGION VARCHAR(64) NOT NULL, TNAME VARCHAR(255) NOT NULL, EVENT VARCHAR(8) NOT NULL,"
            + " KEYS VARBINARY(1000000000) NOT NULL, OLD_IMAGE VARBINARY(1000000000),"
            + " NEW_IMAGE VARBINARY(1000000000), AT_MICROS BIGINT NOT NULL, ORIGIN VARCHAR(32) NOT NULL)",
        "CREATE INDEX IF NOT EXISTS DT_CHANGES_TID ON DT_CHANGES(TID, SEQ)",
        "CREATE TABLE IF NOT EXISTS DT_BACKUPS(ARN VARCHAR(1024) PRIMARY KEY, REGION VARCHAR(64) NOT NULL,"
            + " CREATED_MICROS BIGINT NOT NULL, META VARCHAR(1000000) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS DT_BACKUP_ITEMS(ARN VARCHAR(1024) NOT NULL, N INT NOT NULL,"
            + " DATA VARBINARY(1000000000) NOT NULL, PRIMARY KEY(ARN, N))",
    };

    /** Enough cached statements per session that the engine's statements are parsed once, not per request. */
    private static final String TUNING = ";QUERY_CACHE_SIZE=256";

    private final JdbcDataSource direct = new JdbcDataSource();
    private final JdbcConnectionPool pool;
    private final Map<Connection, Session> sessions = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Session> idle = new ConcurrentLinkedDeque<>();
    private final ItemCache itemCache = new ItemCache();
    private final FileCompactor compactor;

    private H2Database(String url, Path file) {
        direct.setURL(url);
        direct.setUser("sa");
        direct.setPassword("");
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        this.pool.setMaxConnections(64);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
            compactor = file == null ? null : FileCompactor.start(c);
        } catch (SQLException e) {
            pool.dispose();
            throw file == null ? new StorageException("cannot create the schema in " + url, e)
                    : DatabaseFileError.of(file, e);
        }
    }

    /** A private in-memory database, gone when closed. */
    public static H2Database inMemory() {
        return new H2Database("jdbc:h2:mem:dynamotest-" + RandomIds.uuid() + ";DB_CLOSE_DELAY=-1" + TUNING, null);
    }

    /**
     * A database in a file (H2 adds {@code .mv.db}), kept across restarts. Each commit is written to the file before
     * it returns ({@code WRITE_DELAY=0}; H2's default keeps commits in memory for up to half a second), so a write
     * that was acknowledged survives a crash of the process. The space of versions no commit needs any more is used
     * again at once ({@code RETENTION_TIME=0}; H2 keeps them 45 s by default, which at one chunk of the file per
     * commit grew the file by hundreds of megabytes a minute), and a {@link FileCompactor} rewrites chunks left
     * mostly empty. H2 does not sync the file to the disk on commit: when the machine itself stops (power loss),
     * writes the operating system had not yet written out are lost, and the file may be left damaged.
     *
     * @throws StorageException with a one-line message that says why, if H2 cannot open the file
     */
    public static H2Database file(Path path) {
        Path absolute = path.toAbsolutePath();
        return new H2Database("jdbc:h2:file:" + absolute + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=0"
                + TUNING, absolute.resolveSibling(absolute.getFileName() + ".mv.db"));
    }

    /** The cache of committed table rows that every writer of DT_ITEMS keeps up to date. */
    ItemCache itemCache() {
        return itemCache;
    }

    /** A pooled connection; close it to give it back. */
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new StorageException("no connection to H2", e);
        }
    }

    /** A session for a reader: an idle one, or a new one; close it to give it back. */
    public Session session() {
        Session session = idle.pollFirst();
        return session != null ? session : newSession();
    }

    /**
     * A session of the caller's own, with auto-commit off, for the write path: never given back, closed with the
     * database.
     */
    public Session dedicatedSession() {
        Session session = newSession();
        try {
            session.connection().setAutoCommit(false);
        } catch (SQLException e) {
            throw new StorageException("cannot open a write session", e);
        }
        return session;
    }

    /** The session of one of the engine's own connections, or {@code null} for any other connection. */
    Session sessionOf(Connection connection) {
        return sessions.get(connection);
    }

    private Session newSession() {
        try {
            Session session = new Session(this, direct.getConnection());
            sessions.put(session.connection(), session);
            return session;
        } catch (SQLException e) {
            throw new StorageException("no connection to H2", e);
        }
    }

    /** A use of a prepared statement. */
    @FunctionalInterface
    interface Use<T> {
        T with(PreparedStatement ps) throws SQLException;
    }

    /** Runs a statement on the connection: a kept one on the engine's own sessions, a fresh one otherwise. */
    <T> T run(Connection c, String sql, Use<T> use) throws SQLException {
        Session session = sessionOf(c);
        if (session != null) {
            return use.with(session.statement(sql));
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return use.with(ps);
        }
    }

    void release(Session session) {
        idle.offerFirst(session);
    }

    @Override
    public void close() {
        if (compactor != null) {
            compactor.close();
        }
        sessions.values().forEach(Session::closeConnection);
        sessions.clear();
        idle.clear();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already closed
        } finally {
            pool.dispose();
        }
    }
}
