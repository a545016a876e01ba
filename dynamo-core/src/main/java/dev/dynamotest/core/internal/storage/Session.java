package dev.dynamotest.core.internal.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One of the engine's own H2 connections with its prepared statements kept, so that the hot paths (item reads
 * and writes, Query and Scan pages, change records) parse their SQL once per connection, not once per request.
 * A session is used by one thread at a time; {@link #close()} gives it back to its {@link H2Database}.
 */
public final class Session implements AutoCloseable {

    private final H2Database owner;
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Session(H2Database owner, Connection connection) {
        this.owner = owner;
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    /** The prepared statement of this SQL, prepared on first use; do not close it. */
    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /** Gives the session back to the database for the next reader. */
    @Override
    public void close() {
        owner.release(this);
    }

    void closeConnection() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the database is shutting down
        }
    }
}
