package dev.dynamotest.core.internal.storage;

import dev.dynamotest.core.model.AttributeValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** Reads and writes the items of tables in H2, by stored key, on a connection the caller holds. */
public final class ItemStore {

    private final H2Database db;

    public ItemStore(H2Database db) {
        this.db = db;
    }

    public H2Database database() {
        return db;
    }

    /** The item with this key, or {@code null}. */
    public Map<String, AttributeValue> get(Connection c, TableMeta table, StoredKey key) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DATA FROM DT_ITEMS WHERE TID = ? AND HH = ? AND HK = ? AND RK = ?")) {
            ps.setLong(1, table.id());
            ps.setInt(2, key.hash());
            ps.setBytes(3, key.partition());
            ps.setBytes(4, key.sort());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? ItemCodec.decode(rs.getBytes(1)) : null;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read an item of " + table.name(), e);
        }
    }

    /** The item with this key, read on a pooled connection. */
    public Map<String, AttributeValue> get(TableMeta table, StoredKey key) {
        try (Connection c = db.connection()) {
            return get(c, table, key);
        } catch (SQLException e) {
            throw new StorageException("cannot read an item of " + table.name(), e);
        }
    }

    /** Inserts or replaces an item. */
    public void put(Connection c, TableMeta table, StoredKey key, Map<String, AttributeValue> item, int size) {
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO DT_ITEMS(TID, HH, HK, RK, SZ, DATA) KEY(TID, HH, HK, RK) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, table.id());
            ps.setInt(2, key.hash());
            ps.setBytes(3, key.partition());
            ps.setBytes(4, key.sort());
            ps.setInt(5, size);
            ps.setBytes(6, ItemCodec.encode(item));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot write an item of " + table.name(), e);
        }
    }

    /** Deletes an item, if present. */
    public void delete(Connection c, TableMeta table, StoredKey key) {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM DT_ITEMS WHERE TID = ? AND HH = ? AND HK = ? AND RK = ?")) {
            ps.setLong(1, table.id());
            ps.setInt(2, key.hash());
            ps.setBytes(3, key.partition());
            ps.setBytes(4, key.sort());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot delete an item of " + table.name(), e);
        }
    }

    /** The number of items of a table and their total size in bytes. */
    public long[] countAndSize(TableMeta table) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*), COALESCE(SUM(SZ), 0) FROM DT_ITEMS WHERE TID = ?")) {
            ps.setLong(1, table.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        } catch (SQLException e) {
            throw new StorageException("cannot count the items of " + table.name(), e);
        }
    }
}
