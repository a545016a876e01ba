package dev.dynamotest.core.internal.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The engine's H2 database: a connection pool over an in-memory or file database, and the schema
 * (table catalog, items, change records, backups) created on first use.
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

    private final JdbcConnectionPool pool;

    private H2Database(String url) {
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        this.pool.setMaxConnections(64);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot create the schema in " + url, e);
        }
    }

    /** A private in-memory database, gone when closed. */
    public static H2Database inMemory() {
        return new H2Database("jdbc:h2:mem:dynamotest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + TUNING);
    }

    /** A database in a file (H2 adds {@code .mv.db}), kept across restarts. */
    public static H2Database file(Path path) {
        return new H2Database("jdbc:h2:file:" + path.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE" + TUNING);
    }

    /** A pooled connection; close it to give it back. */
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new StorageException("no connection to H2", e);
        }
    }

    @Override
    public void close() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already closed
        } finally {
            pool.dispose();
        }
    }
}
