package dev.dynamotest.core.internal.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.json.JsonTrees;
import dev.dynamotest.core.model.AttributeValue;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * On-demand backups in H2: each backup's description (the source table's description and the backup's details)
 * and a copy of the table's items, kept until the backup is deleted, also after the table is.
 */
public final class BackupStore {

    private final H2Database db;

    public BackupStore(H2Database db) {
        this.db = db;
    }

    /** Stores a backup: its description and its items. */
    public void save(String arn, String region, Instant created, ObjectNode meta,
            List<Map<String, AttributeValue>> items) {
        inTransaction("cannot store backup " + arn, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO DT_BACKUPS(ARN, REGION, CREATED_MICROS, META) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, arn);
                ps.setString(2, region);
                ps.setLong(3, ChronoUnit.MICROS.between(Instant.EPOCH, created));
                ps.setString(4, JsonTrees.write(meta));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO DT_BACKUP_ITEMS(ARN, N, DATA) VALUES (?, ?, ?)")) {
                int n = 0;
                for (Map<String, AttributeValue> item : items) {
                    ps.setString(1, arn);
                    ps.setInt(2, n++);
                    ps.setBytes(3, ItemCodec.encode(item));
                    ps.addBatch();
                    if (n % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return 1;
        });
    }

    private interface Work {
        int run(Connection c) throws SQLException;
    }

    private int inTransaction(String failure, Work work) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                int result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(failure, e);
        }
    }

    /** The description of the backup of that ARN, if it exists. */
    public Optional<ObjectNode> find(String arn) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT META FROM DT_BACKUPS WHERE ARN = ?")) {
            ps.setString(1, arn);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of((ObjectNode) JsonTrees.read(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException | IOException e) {
            throw new StorageException("cannot read backup " + arn, e);
        }
    }

    /** The descriptions of a region's backups, oldest first (then by ARN). */
    public List<ObjectNode> list(String region) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT META FROM DT_BACKUPS WHERE REGION = ? ORDER BY CREATED_MICROS, ARN")) {
            ps.setString(1, region);
            List<ObjectNode> backups = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    backups.add((ObjectNode) JsonTrees.read(rs.getString(1)));
                }
            }
            return backups;
        } catch (SQLException | IOException e) {
            throw new StorageException("cannot list backups", e);
        }
    }

    /** The items of a backup, in the order they were saved. */
    public List<Map<String, AttributeValue>> items(String arn) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT DATA FROM DT_BACKUP_ITEMS WHERE ARN = ? ORDER BY N")) {
            ps.setString(1, arn);
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(ItemCodec.decode(rs.getBytes(1)));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new StorageException("cannot read the items of backup " + arn, e);
        }
    }

    /** Deletes a backup and its items; returns whether it existed. */
    public boolean delete(String arn) {
        return inTransaction("cannot delete backup " + arn, c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM DT_BACKUPS WHERE ARN = ?")) {
                ps.setString(1, arn);
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM DT_BACKUP_ITEMS WHERE ARN = ?")) {
                ps.setString(1, arn);
                ps.executeUpdate();
            }
            return n;
        }) > 0;
    }
}
