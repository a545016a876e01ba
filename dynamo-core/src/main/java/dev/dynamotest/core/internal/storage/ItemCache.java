package dev.dynamotest.core.internal.storage;

import java.sql.Connection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored bytes of recently read or written table rows (index {@link ItemStore#BASE}), kept exactly as H2 holds
 * them once committed, so that a read of one item by its key need not run a query. It never holds anything H2 has
 * not committed:
 * <ul>
 *   <li>every change of a row drops the row from the cache before H2 sees the change, and the connection counts as
 *       writing until its transaction ends ({@link #ended}); an auto-commit statement ends with itself;</li>
 *   <li>a committed transaction puts its rows' new bytes in; a rolled-back one leaves them out;</li>
 *   <li>a reader offers what it read from H2 only if no connection was writing when it finished and no change began
 *       or ended since it started ({@link #stamp}), so that what it read is still what H2 holds.</li>
 * </ul>
 * Bounded by the bytes it holds: when full it empties itself and starts again.
 */
final class ItemCache {

    private static final long MAX_BYTES = 32L * 1024 * 1024;
    /** What a cached row costs besides its bytes: the entry, its key and the key's arrays. */
    private static final int ENTRY_BYTES = 128;

    private final ConcurrentHashMap<RowKey, byte[]> rows = new ConcurrentHashMap<>();
    /** The changes of the transactions under way, by connection: each row's new bytes, {@code null} when deleted. */
    private final Map<Connection, Map<RowKey, byte[]>> writing = new HashMap<>();
    private long version;
    private long bytes;

    /** A table row's identity: the table and the key bytes. */
    private record RowKey(long table, byte[] partition, byte[] sort) {

        @Override
        public boolean equals(Object other) {
            return other instanceof RowKey k && k.table == table && Arrays.equals(k.partition, partition)
                    && Arrays.equals(k.sort, sort);
        }

        @Override
        public int hashCode() {
            return (Long.hashCode(table) * 31 + Arrays.hashCode(partition)) * 31 + Arrays.hashCode(sort);
        }

        long size() {
            return ENTRY_BYTES + partition.length + sort.length;
        }
    }

    private static RowKey key(long table, StoredKey key) {
        return new RowKey(table, key.partition(), key.sort());
    }

    /** The committed bytes of the row, or {@code null} when the cache does not have them. */
    byte[] get(long table, StoredKey key) {
        return rows.get(key(table, key));
    }

    /** The version to pass to {@link #offer} with what a read that starts now finds. */
    synchronized long stamp() {
        return version;
    }

    /** Keeps what a read found in H2, if nothing has changed since {@link #stamp} and nothing is being written. */
    synchronized void offer(long stamp, long table, StoredKey key, byte[] data) {
        if (stamp == version && writing.isEmpty() && data != null) {
            put(key(table, key), data);
        }
    }

    /** Called before a row of the table changes on the connection: the new bytes, {@code null} for a delete. */
    synchronized void changing(Connection c, long table, StoredKey key, byte[] data) {
        version++;
        RowKey k = key(table, key);
        remove(k);
        writing.computeIfAbsent(c, x -> new HashMap<>()).put(k, data);
    }

    /** Called before many rows change on the connection at once (a table emptied): everything is dropped. */
    synchronized void changingAll(Connection c) {
        version++;
        rows.clear();
        bytes = 0;
        writing.computeIfAbsent(c, x -> new HashMap<>()).clear();
    }

    /** Called when the connection's transaction ended: committed (its changes are kept) or rolled back. */
    synchronized void ended(Connection c, boolean committed) {
        Map<RowKey, byte[]> changes = writing.remove(c);
        if (changes == null) {
            return;
        }
        version++;
        if (committed) {
            changes.forEach((k, data) -> {
                if (data != null) {
                    put(k, data);
                }
            });
        }
    }

    private void put(RowKey k, byte[] data) {
        long size = k.size() + data.length;
        if (bytes + size > MAX_BYTES) {
            rows.clear();
            bytes = 0;
            if (size > MAX_BYTES) {
                return;
            }
        }
        byte[] previous = rows.put(k, data);
        bytes += size - (previous == null ? 0 : k.size() + previous.length);
    }

    private void remove(RowKey k) {
        byte[] previous = rows.remove(k);
        if (previous != null) {
            bytes -= k.size() + previous.length;
        }
    }
}
