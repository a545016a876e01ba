package dev.dynamotest.core.internal.storage;

import dev.dynamotest.core.model.ChangeRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The change records in H2: appended by the one write path in its transaction, numbered in commit order. */
public final class ChangeLog {

    private final AtomicLong lastSequence;

    public ChangeLog(H2Database db) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(SEQ), 0) FROM DT_CHANGES");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            lastSequence = new AtomicLong(rs.getLong(1));
        } catch (SQLException e) {
            throw new StorageException("cannot read the change log", e);
        }
    }

    /** The next sequence number; called under the write lock only. */
    public long nextSequence() {
        return lastSequence.incrementAndGet();
    }

    /** Appends a record in the caller's transaction. */
    public void append(Connection c, long tableId, ChangeRecord record) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO DT_CHANGES(SEQ, TID, REGION, TNAME, EVENT, KEYS,"
                + " OLD_IMAGE, NEW_IMAGE, AT_MICROS, ORIGIN) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, record.sequence());
            ps.setLong(2, tableId);
            ps.setString(3, record.region());
            ps.setString(4, record.tableName());
            ps.setString(5, record.eventName());
            ps.setBytes(6, ItemCodec.encode(record.keys()));
            ps.setBytes(7, record.oldImage() == null ? null : ItemCodec.encode(record.oldImage()));
            ps.setBytes(8, record.newImage() == null ? null : ItemCodec.encode(record.newImage()));
            ps.setLong(9, ChronoUnit.MICROS.between(java.time.Instant.EPOCH, record.time()));
            ps.setString(10, record.origin());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot append a change record of " + record.tableName(), e);
        }
    }
}
