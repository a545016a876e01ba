package dev.dynamotest.core.internal.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The streams of every region, enabled and disabled: in memory for speed and in H2 to survive restarts. */
public final class StreamStore {

    private static final String DDL = "CREATE TABLE IF NOT EXISTS DT_STREAMS(ARN VARCHAR(1024) PRIMARY KEY,"
            + " REGION VARCHAR(64) NOT NULL, TNAME VARCHAR(255) NOT NULL, TID BIGINT NOT NULL,"
            + " VIEW_TYPE VARCHAR(32) NOT NULL, LABEL VARCHAR(64) NOT NULL, KEY_SCHEMA VARCHAR(4096) NOT NULL,"
            + " CREATED_MICROS BIGINT NOT NULL, AFTER_SEQ BIGINT NOT NULL, DISABLED_MICROS BIGINT,"
            + " LAST_SEQ BIGINT NOT NULL)";

    private final H2Database db;
    private final Map<String, StreamMeta> streams = new ConcurrentHashMap<>();

    public StreamStore(H2Database db) {
        this.db = db;
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute(DDL);
            try (ResultSet rs = s.executeQuery("SELECT ARN, REGION, TNAME, TID, VIEW_TYPE, LABEL, KEY_SCHEMA,"
                    + " CREATED_MICROS, AFTER_SEQ, DISABLED_MICROS, LAST_SEQ FROM DT_STREAMS")) {
                while (rs.next()) {
                    long disabled = rs.getLong(10);
                    Instant disabledAt = rs.wasNull() ? null : instant(disabled);
                    StreamMeta meta = new StreamMeta(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getLong(8)), rs.getLong(9),
                            disabledAt, rs.getLong(11));
                    streams.put(meta.arn(), meta);
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the streams", e);
        }
    }

    /** The stream of that ARN, enabled or disabled. */
    public Optional<StreamMeta> find(String arn) {
        return Optional.ofNullable(streams.get(arn));
    }

    /** Every stream of a region, in ARN order. */
    public List<StreamMeta> list(String region) {
        List<StreamMeta> all = new ArrayList<>();
        for (StreamMeta meta : streams.values()) {
            if (meta.region().equals(region)) {
                all.add(meta);
            }
        }
        all.sort(Comparator.comparing(StreamMeta::arn));
        return all;
    }

    /** The enabled stream of a table, if it has one. */
    public Optional<StreamMeta> enabled(String region, String tableName) {
        return streams.values().stream()
                .filter(s -> s.enabled() && s.region().equals(region) && s.tableName().equals(tableName))
                .findFirst();
    }

    /** Adds or replaces a stream. */
    public synchronized void save(StreamMeta meta) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("MERGE INTO DT_STREAMS(ARN, REGION, TNAME, TID, VIEW_TYPE,"
                        + " LABEL, KEY_SCHEMA, CREATED_MICROS, AFTER_SEQ, DISABLED_MICROS, LAST_SEQ) KEY(ARN)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, meta.arn());
            ps.setString(2, meta.region());
            ps.setString(3, meta.tableName());
            ps.setLong(4, meta.tableId());
            ps.setString(5, meta.viewType());
            ps.setString(6, meta.label());
            ps.setString(7, meta.keySchema());
            ps.setLong(8, micros(meta.created()));
            ps.setLong(9, meta.afterSequence());
            if (meta.disabledAt() == null) {
                ps.setNull(10, Types.BIGINT);
            } else {
                ps.setLong(10, micros(meta.disabledAt()));
            }
            ps.setLong(11, meta.lastSequence());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot save stream " + meta.arn(), e);
        }
        streams.put(meta.arn(), meta);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
