package dev.dynamotest.core.internal.storage;

import dev.dynamotest.core.model.ChangeRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The change records in H2: appended by the one write path in its transaction, numbered in commit order. */
public final class ChangeLog {

    private static final String APPEND = "INSERT INTO DT_CHANGES(SEQ, TID, REGION, TNAME, EVENT, KEYS, OLD_IMAGE,"
            + " NEW_IMAGE, AT_MICROS, ORIGIN) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AtomicLong lastSequence;
    private final H2Database db;

    public ChangeLog(H2Database db) {
        this.db = db;
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(SEQ), 0) FROM DT_CHANGES");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            lastSequence = new AtomicLong(rs.getLong(1));
        } catch (SQLException e) {
            throw new StorageException("cannot read the change log", e);
        }
    }

    /** The sequence number of the latest committed change (0 before the first). */
    public long lastSequence() {
        return lastSequence.get();
    }

    /** The committed records after a sequence number, in order, at most {@code limit}. */
    public List<ChangeRecord> after(long sequence, int limit) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT SEQ, REGION, TNAME, EVENT, KEYS, OLD_IMAGE,"
                        + " NEW_IMAGE, AT_MICROS, ORIGIN FROM DT_CHANGES WHERE SEQ > ? ORDER BY SEQ LIMIT ?")) {
            ps.setLong(1, sequence);
            ps.setInt(2, limit);
            List<ChangeRecord> records = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long micros = rs.getLong(8);
                    records.add(new ChangeRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            ItemCodec.decode(rs.getBytes(5)), ItemCodec.decode(rs.getBytes(6)),
                            ItemCodec.decode(rs.getBytes(7)),
                            Instant.EPOCH.plus(micros, ChronoUnit.MICROS), rs.getString(9)));
                }
            }
            return records;
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
        try {
            db.run(c, APPEND, ps -> {
                ps.setLong(1, record.sequence());
                ps.setLong(2, tableId);
                ps.setString(3, record.region());
                ps.setString(4, record.tableName());
                ps.setString(5, record.eventName());
                ps.setBytes(6, ItemCodec.encode(record.keys()));
                ps.setBytes(7, record.oldImage() == null ? null : ItemCodec.encode(record.oldImage()));
                ps.setBytes(8, record.newImage() == null ? null : ItemCodec.encode(record.newImage()));
                ps.setLong(9, ChronoUnit.MICROS.between(Instant.EPOCH, record.time()));
                ps.setString(10, record.origin());
                return ps.executeUpdate();
            });
        } catch (SQLException e) {
            throw new StorageException("cannot append a change record of " + record.tableName(), e);
        }
    }
}
