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

/** Reads one table's change records by sequence and time range: what streams are cut from. */
public final class TableChanges {

    /**
     * A slice of one table's change log: sequence numbers in {@code (afterSequence, lastSequence]}, change times
     * in {@code [from, to)}.
     */
    public record Slice(long tableId, long afterSequence, long lastSequence, Instant from, Instant to) {

        /** The same slice, from a later sequence number on. */
        public Slice after(long sequence) {
            return new Slice(tableId, Math.max(sequence, afterSequence), lastSequence, from, to);
        }

        /** The same slice, ending at an earlier time. */
        public Slice before(Instant time) {
            return new Slice(tableId, afterSequence, lastSequence, from, time.isBefore(to) ? time : to);
        }
    }

    private final H2Database db;

    public TableChanges(H2Database db) {
        this.db = db;
    }

    /** The records of the slice in sequence order, at most {@code limit}. */
    public List<ChangeRecord> read(Slice slice, int limit) {
        String sql = "SELECT SEQ, REGION, TNAME, EVENT, KEYS, OLD_IMAGE, NEW_IMAGE, AT_MICROS, ORIGIN FROM DT_CHANGES"
                + " WHERE TID = ? AND SEQ > ? AND SEQ <= ? AND AT_MICROS >= ? AND AT_MICROS < ? ORDER BY SEQ LIMIT ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, slice);
            ps.setInt(6, limit);
            List<ChangeRecord> records = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(new ChangeRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            ItemCodec.decode(rs.getBytes(5)), ItemCodec.decode(rs.getBytes(6)),
                            ItemCodec.decode(rs.getBytes(7)), instant(rs.getLong(8)), rs.getString(9)));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new StorageException("cannot read the changes of table " + slice.tableId(), e);
        }
    }

    /** The highest sequence number in the slice, or {@code 0} when it is empty. */
    public long lastSequence(Slice slice) {
        String sql = "SELECT COALESCE(MAX(SEQ), 0) FROM DT_CHANGES"
                + " WHERE TID = ? AND SEQ > ? AND SEQ <= ? AND AT_MICROS >= ? AND AT_MICROS < ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, slice);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the changes of table " + slice.tableId(), e);
        }
    }

    /** The ids of the tables that have records made before {@code time} with sequence numbers below {@code below}. */
    public List<Long> tablesWithRecordsBefore(Instant time, long below) {
        String sql = "SELECT DISTINCT TID FROM DT_CHANGES WHERE AT_MICROS < ? AND SEQ < ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, micros(time));
            ps.setLong(2, below);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StorageException("cannot read the change log", e);
        }
    }

    /** Drops a table's records made before {@code time} with sequence numbers below {@code below}; returns how many. */
    public int drop(long tableId, Instant time, long below) {
        String sql = "DELETE FROM DT_CHANGES WHERE TID = ? AND AT_MICROS < ? AND SEQ < ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, tableId);
            ps.setLong(2, micros(time));
            ps.setLong(3, below);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot drop old changes of table " + tableId, e);
        }
    }

    private static void bind(PreparedStatement ps, Slice slice) throws SQLException {
        ps.setLong(1, slice.tableId());
        ps.setLong(2, slice.afterSequence());
        ps.setLong(3, slice.lastSequence());
        ps.setLong(4, micros(slice.from()));
        ps.setLong(5, micros(slice.to()));
    }

    private static long micros(Instant instant) {
        if (instant.equals(Instant.MIN)) {
            return Long.MIN_VALUE;
        }
        if (instant.equals(Instant.MAX)) {
            return Long.MAX_VALUE;
        }
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
