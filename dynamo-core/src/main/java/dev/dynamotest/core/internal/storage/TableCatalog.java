package dev.dynamotest.core.internal.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.json.JsonTrees;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tables of every region: kept in memory for speed and in H2 so that a file database keeps them
 * across restarts. One catalog per region, as in DynamoDB.
 */
public final class TableCatalog {

    private final H2Database db;
    private final Map<String, ConcurrentSkipListMap<String, TableMeta>> regions = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    public TableCatalog(H2Database db) {
        this.db = db;
        load();
    }

    private void load() {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT REGION, NAME, ID, META FROM DT_TABLES");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ObjectNode description = (ObjectNode) JsonTrees.read(rs.getString(4));
                TableMeta meta = fromDescription(rs.getLong(3), rs.getString(1), description);
                region(meta.region()).put(meta.name(), meta);
                nextId.accumulateAndGet(meta.id() + 1, Math::max);
            }
        } catch (SQLException | IOException e) {
            throw new StorageException("cannot read the table catalog", e);
        }
    }

    /** Builds the catalog entry of a description that has KeySchema and AttributeDefinitions. */
    public static TableMeta fromDescription(long id, String region, ObjectNode description) {
        KeyAttribute hash = null;
        KeyAttribute range = null;
        for (var element : description.path("KeySchema")) {
            String attr = element.path("AttributeName").asText();
            String type = "S";
            for (var def : description.path("AttributeDefinitions")) {
                if (def.path("AttributeName").asText().equals(attr)) {
                    type = def.path("AttributeType").asText();
                }
            }
            if ("HASH".equals(element.path("KeyType").asText())) {
                hash = new KeyAttribute(attr, type);
            } else {
                range = new KeyAttribute(attr, type);
            }
        }
        return new TableMeta(id, region, description.path("TableName").asText(), hash, range, description);
    }

    /** A fresh table id. */
    public long newId() {
        return nextId.getAndIncrement();
    }

    private ConcurrentSkipListMap<String, TableMeta> region(String region) {
        return regions.computeIfAbsent(region, r -> new ConcurrentSkipListMap<>());
    }

    public Optional<TableMeta> find(String region, String name) {
        return Optional.ofNullable(region(region).get(name));
    }

    /** The regions that have or had tables. */
    public java.util.Set<String> regions() {
        return new java.util.TreeSet<>(regions.keySet());
    }

    /** The tables of a region, in name order. */
    public List<TableMeta> list(String region) {
        return new ArrayList<>(region(region).values());
    }

    /** Adds a table; returns false when one of that name exists in the region. */
    public synchronized boolean add(TableMeta meta) {
        if (region(meta.region()).containsKey(meta.name())) {
            return false;
        }
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO DT_TABLES(REGION, NAME, ID, META) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, meta.region());
            ps.setString(2, meta.name());
            ps.setLong(3, meta.id());
            ps.setString(4, JsonTrees.write(meta.description()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot add table " + meta.name(), e);
        }
        region(meta.region()).put(meta.name(), meta);
        return true;
    }

    /** Replaces a table's stored description. */
    public synchronized void update(TableMeta meta) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("UPDATE DT_TABLES SET META = ? WHERE REGION = ? AND NAME = ?")) {
            ps.setString(1, JsonTrees.write(meta.description()));
            ps.setString(2, meta.region());
            ps.setString(3, meta.name());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot update table " + meta.name(), e);
        }
        region(meta.region()).put(meta.name(), meta);
    }

    /** Removes a table and its items. */
    public synchronized void remove(TableMeta meta) {
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM DT_TABLES WHERE REGION = ? AND NAME = ?")) {
                ps.setString(1, meta.region());
                ps.setString(2, meta.name());
                ps.executeUpdate();
            }
            new ItemStore(db).deleteAll(c, meta, null);
        } catch (SQLException e) {
            throw new StorageException("cannot delete table " + meta.name(), e);
        }
        region(meta.region()).remove(meta.name());
    }
}
