package dev.dynamotest.core.internal.storage;

import dev.dynamotest.core.model.AttributeValue;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A row's key as stored: the partition hash, the order-preserving partition and sort key bytes, and (for
 * index entries, where index keys need not be unique) the base table key that makes the row unique.
 */
public record StoredKey(int hash, byte[] partition, byte[] sort, byte[] unique) {

    static final byte[] NONE = new byte[0];

    /** The stored key of an item (or key) of the table; the key attributes must be present. */
    public static StoredKey of(TableMeta table, Map<String, AttributeValue> item) {
        byte[] hk = KeyCodec.encode(item.get(table.hashKey().name()));
        byte[] rk = table.rangeKey() == null ? NONE : KeyCodec.encode(item.get(table.rangeKey().name()));
        return new StoredKey(KeyCodec.partitionHash(hk), hk, rk, NONE);
    }

    /** The stored key of an item's entry in an index (the item must be covered by the index). */
    public static StoredKey of(TableMeta table, IndexMeta index, Map<String, AttributeValue> item) {
        byte[] hk = index.partitionBytes(item);
        byte[] rk = index.sortBytes(item);
        StoredKey base = of(table, item);
        ByteBuffer unique = ByteBuffer.allocate(4 + base.partition.length + base.sort.length);
        unique.putInt(base.partition.length).put(base.partition).put(base.sort);
        return new StoredKey(KeyCodec.partitionHash(hk), hk, rk, unique.array());
    }
}
