package dev.dynamotest.core.internal.storage;

import dev.dynamotest.core.model.AttributeValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the rows of tables and their indexes in H2. A table's items are the rows of index
 * {@code ""}; each secondary index has its own rows, ordered the same way, so Query and Scan read any of
 * them alike: one index range of H2.
 */
public final class ItemStore {

    /** The index name of a table's own rows. */
    public static final String BASE = "";

    private static final String KEY_MATCH = "TID = ? AND IDX = ? AND HH = ? AND HK = ? AND RK = ? AND UK = ?";
    private static final String COLUMNS = "HH, HK, RK, UK, SZ, DATA";

    private final H2Database db;
    private final ItemCache cache;

    public ItemStore(H2Database db) {
        this.db = db;
        this.cache = db.itemCache();
    }

    private static final String GET = "SELECT DATA FROM DT_ITEMS WHERE " + KEY_MATCH;
    private static final String PUT = "MERGE INTO DT_ITEMS(TID, IDX, HH, HK, RK, UK, SZ, DATA)"
            + " KEY(TID, IDX, HH, HK, RK, UK) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM DT_ITEMS WHERE " + KEY_MATCH;
    private static final String SELECT = "SELECT " + COLUMNS + " FROM DT_ITEMS WHERE TID = ? AND IDX = ?";
    private static final String SELECT_PARTITION = "SELECT RK, UK, SZ, DATA FROM DT_ITEMS WHERE TID = ? AND IDX = ?";
    /**
     * Key order, naming every column of the primary key: only then does H2 read the rows in index order and stop
     * at the LIMIT, rather than reading the whole range and sorting it.
     */
    private static final String ORDER = " ORDER BY TID, IDX, HH, HK, RK, UK";
    private static final String ORDER_DESC = " ORDER BY TID DESC, IDX DESC, HH DESC, HK DESC, RK DESC, UK DESC";

    /** The item with this key, or {@code null}. */
    public Map<String, AttributeValue> get(Connection c, TableMeta table, StoredKey key) {
        return ItemCodec.decode(getBytes(c, table, key));
    }

    /** The stored bytes of the item with this key, from the cache or else from H2 (then offered to the cache). */
    private byte[] getBytes(Connection c, TableMeta table, StoredKey key) {
        byte[] cached = cache.get(table.id(), key);
        if (cached != null) {
            return cached;
        }
        long stamp = cache.stamp();
        try {
            byte[] data = db.run(c, GET, ps -> {
                bindKey(ps, table, BASE, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            });
            cache.offer(stamp, table.id(), key, data);
            return data;
        } catch (SQLException e) {
            throw new StorageException("cannot read an item of " + table.name(), e);
        }
    }

    /**
     * Tells the item cache that the connection's transaction ended, committed or rolled back; the write path calls
     * it after each commit and rollback of its connection.
     */
    public void ended(Connection c, boolean committed) {
        cache.ended(c, committed);
    }

    /** The item with this key, read in a session of its own. */
    public Map<String, AttributeValue> get(TableMeta table, StoredKey key) {
        try (Session s = db.session()) {
            return get(s.connection(), table, key);
        }
    }

    /** Inserts or replaces a row of the table ({@code index} {@link #BASE}) or of one of its indexes. */
    public void put(Connection c, TableMeta table, String index, StoredKey key, Map<String, AttributeValue> item,
            int size) {
        byte[] data = ItemCodec.encode(item);
        change(c, table, index, key, data, "cannot write an item of ", PUT, ps -> {
            bindKey(ps, table, index, key);
            ps.setInt(7, size);
            ps.setBytes(8, data);
            return ps.executeUpdate();
        });
    }

    /** Deletes a row, if present. */
    public void delete(Connection c, TableMeta table, String index, StoredKey key) {
        change(c, table, index, key, null, "cannot delete an item of ", DELETE, ps -> {
            bindKey(ps, table, index, key);
            return ps.executeUpdate();
        });
    }

    /** Runs a statement that changes one row, telling the item cache first (and after, when it commits at once). */
    private void change(Connection c, TableMeta table, String index, StoredKey key, byte[] data, String failure,
            String sql, H2Database.Use<Integer> statement) {
        boolean base = BASE.equals(index);
        boolean done = false;
        boolean autoCommit = base && autoCommit(c);
        try {
            if (base) {
                cache.changing(c, table.id(), key, data);
            }
            db.run(c, sql, statement);
            done = true;
        } catch (SQLException e) {
            throw new StorageException(failure + table.name(), e);
        } finally {
            if (autoCommit) {
                cache.ended(c, done);
            }
        }
    }

    /** Deletes every row of one index of a table (all of them for {@code null}). */
    public void deleteAll(Connection c, TableMeta table, String index) {
        String sql = "DELETE FROM DT_ITEMS WHERE TID = ?" + (index == null ? "" : " AND IDX = ?");
        boolean base = index == null || BASE.equals(index);
        boolean autoCommit = base && autoCommit(c);
        boolean done = false;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (base) {
                cache.changingAll(c);
            }
            ps.setLong(1, table.id());
            if (index != null) {
                ps.setString(2, index);
            }
            ps.executeUpdate();
            done = true;
        } catch (SQLException e) {
            throw new StorageException("cannot delete the rows of " + table.name(), e);
        } finally {
            if (autoCommit) {
                cache.ended(c, done);
            }
        }
    }

    private static boolean autoCommit(Connection c) {
        try {
            return c.getAutoCommit();
        } catch (SQLException e) {
            throw new StorageException("cannot read the connection's commit mode", e);
        }
    }

    /**
     * Up to {@code limit} rows of one partition of a table or index, in sort key order (or reverse), within
     * the range and after {@code exclusiveStart} (a row key as returned before, or {@code null}).
     */
    public List<StoredRow> query(TableMeta table, String index, byte[] partition, KeyRange range, boolean forward,
            StoredKey exclusiveStart, int limit) {
        List<StoredRow> rows = new ArrayList<>();
        try (Session s = db.session()) {
            Connection c = s.connection();
            String partitionMatch = " AND HH = ? AND HK = ?" + rangeMatch(range);
            List<Object> args = new ArrayList<>(List.of(table.id(), index, KeyCodec.partitionHash(partition),
                    partition));
            addRange(args, range);
            if (exclusiveStart == null) {
                args.add(limit);
                selectPartition(c, table, partition, SELECT_PARTITION + partitionMatch
                        + (forward ? ORDER : ORDER_DESC) + " LIMIT ?", args, rows);
                return rows;
            }
            // Rows after the start position as two index ranges: the rest of its sort key, then the sort keys after it.
            List<Object> sameSort = new ArrayList<>(args);
            sameSort.add(exclusiveStart.sort());
            sameSort.add(exclusiveStart.unique());
            sameSort.add(limit);
            select(c, table, SELECT + partitionMatch + (forward ? " AND RK = ? AND UK > ?" + ORDER
                    : " AND RK = ? AND UK < ?" + ORDER_DESC) + " LIMIT ?", sameSort, rows);
            if (rows.size() < limit) {
                List<Object> later = new ArrayList<>(args);
                later.add(exclusiveStart.sort());
                later.add(limit - rows.size());
                select(c, table, SELECT + partitionMatch + (forward ? " AND RK > ?" + ORDER
                        : " AND RK < ?" + ORDER_DESC) + " LIMIT ?", later, rows);
            }
            return rows;
        }
    }

    private static String rangeMatch(KeyRange range) {
        String sql = "";
        if (range.lower() != null) {
            sql += range.lowerInclusive() ? " AND RK >= ?" : " AND RK > ?";
        }
        if (range.upper() != null) {
            sql += range.upperInclusive() ? " AND RK <= ?" : " AND RK < ?";
        }
        return sql;
    }

    private static void addRange(List<Object> args, KeyRange range) {
        if (range.lower() != null) {
            args.add(range.lower());
        }
        if (range.upper() != null) {
            args.add(range.upper());
        }
    }

    /**
     * Up to {@code limit} rows of a table or index in scan order (partition hash, then keys), with partition
     * hashes from {@code hashFrom} to {@code hashTo} inclusive, after {@code exclusiveStart} or from the start.
     */
    public List<StoredRow> scan(TableMeta table, String index, int hashFrom, int hashTo, StoredKey exclusiveStart,
            int limit) {
        try (Session s = db.session()) {
            return scan(s.connection(), table, index, hashFrom, hashTo, exclusiveStart, limit);
        }
    }

    /**
     * {@link #scan(TableMeta, String, int, int, StoredKey, int)} on the caller's connection. The rows after the
     * start position are read as up to four index ranges, each in key order: the rest of the start's sort key,
     * the rest of its partition, the rest of its partition hash, then the hashes after it.
     */
    public List<StoredRow> scan(Connection c, TableMeta table, String index, int hashFrom, int hashTo,
            StoredKey exclusiveStart, int limit) {
        List<StoredRow> rows = new ArrayList<>();
        if (exclusiveStart == null || exclusiveStart.hash() < hashFrom) {
            select(c, table, SELECT + " AND HH BETWEEN ? AND ?" + ORDER + " LIMIT ?",
                    List.of(table.id(), index, hashFrom, hashTo, limit), rows);
            return rows;
        }
        if (exclusiveStart.hash() > hashTo) {
            return rows;
        }
        int hash = exclusiveStart.hash();
        byte[] partition = exclusiveStart.partition();
        byte[] sort = exclusiveStart.sort();
        select(c, table, SELECT + " AND HH = ? AND HK = ? AND RK = ? AND UK > ?" + ORDER + " LIMIT ?",
                List.of(table.id(), index, hash, partition, sort, exclusiveStart.unique(), limit), rows);
        if (rows.size() < limit) {
            select(c, table, SELECT + " AND HH = ? AND HK = ? AND RK > ?" + ORDER + " LIMIT ?",
                    List.of(table.id(), index, hash, partition, sort, limit - rows.size()), rows);
        }
        if (rows.size() < limit) {
            select(c, table, SELECT + " AND HH = ? AND HK > ?" + ORDER + " LIMIT ?",
                    List.of(table.id(), index, hash, partition, limit - rows.size()), rows);
        }
        if (rows.size() < limit && hash < hashTo) {
            select(c, table, SELECT + " AND HH > ? AND HH <= ?" + ORDER + " LIMIT ?",
                    List.of(table.id(), index, hash, hashTo, limit - rows.size()), rows);
        }
        return rows;
    }

    /**
     * Like {@link #select} for rows of one partition, whose hash and partition bytes the caller knows: only the
     * sort key, the unique part, the size and the data are read.
     */
    private void selectPartition(Connection c, TableMeta table, byte[] partition, String sql, List<Object> args,
            List<StoredRow> rows) {
        int hash = (Integer) args.get(2);
        try {
            db.run(c, sql, ps -> {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredKey key = new StoredKey(hash, partition, rs.getBytes(1), rs.getBytes(2));
                        rows.add(new StoredRow(key, rs.getInt(3), rs.getBytes(4)));
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException("cannot read the items of " + table.name(), e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof byte[] bytes) {
                ps.setBytes(i + 1, bytes);
            } else {
                ps.setObject(i + 1, arg);
            }
        }
    }

    private void select(Connection c, TableMeta table, String sql, List<Object> args, List<StoredRow> rows) {
        try {
            db.run(c, sql, ps -> {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredKey key = new StoredKey(rs.getInt(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4));
                        rows.add(new StoredRow(key, rs.getInt(5), rs.getBytes(6)));
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException("cannot read the items of " + table.name(), e);
        }
    }

    /** The number of items of a table and their total size in bytes. */
    public long[] countAndSize(TableMeta table) {
        return countAndSize(table, BASE);
    }

    /** The number of rows of a table or index and their total size in bytes. */
    public long[] countAndSize(TableMeta table, String index) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*), COALESCE(SUM(SZ), 0) FROM DT_ITEMS WHERE TID = ? AND IDX = ?")) {
            ps.setLong(1, table.id());
            ps.setString(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        } catch (SQLException e) {
            throw new StorageException("cannot count the items of " + table.name(), e);
        }
    }

    /**
     * The size in bytes of one item collection: the rows of the table and of its local secondary indexes
     * whose partition key is {@code partition} (the encoded partition key value).
     */
    public long collectionSize(TableMeta table, byte[] partition) {
        List<String> indexes = new ArrayList<>(List.of(BASE));
        table.indexes().stream().filter(IndexMeta::local).forEach(i -> indexes.add(i.name()));
        String sql = "SELECT COALESCE(SUM(SZ), 0) FROM DT_ITEMS WHERE TID = ? AND HH = ? AND HK = ? AND IDX IN ("
                + String.join(", ", java.util.Collections.nCopies(indexes.size(), "?")) + ")";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, table.id());
            ps.setInt(2, KeyCodec.partitionHash(partition));
            ps.setBytes(3, partition);
            for (int i = 0; i < indexes.size(); i++) {
                ps.setString(4 + i, indexes.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot measure an item collection of " + table.name(), e);
        }
    }

    private static void bindKey(PreparedStatement ps, TableMeta table, String index, StoredKey key)
            throws SQLException {
        ps.setLong(1, table.id());
        ps.setString(2, index);
        ps.setInt(3, key.hash());
        ps.setBytes(4, key.partition());
        ps.setBytes(5, key.sort());
        ps.setBytes(6, key.unique());
    }
}
