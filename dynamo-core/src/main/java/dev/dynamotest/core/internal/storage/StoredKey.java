package dev.dynamotest.core.internal.storage;

import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;

/** An item's primary key as stored: the partition hash and the order-preserving partition and sort key bytes. */
public record StoredKey(int hash, byte[] partition, byte[] sort) {

    private static final byte[] NONE = new byte[0];

    /** The stored key of an item (or key) of the table; the key attributes must be present. */
    public static StoredKey of(TableMeta table, Map<String, AttributeValue> item) {
        byte[] hk = KeyCodec.encode(item.get(table.hashKey().name()));
        byte[] rk = table.rangeKey() == null ? NONE : KeyCodec.encode(item.get(table.rangeKey().name()));
        return new StoredKey(KeyCodec.partitionHash(hk), hk, rk);
    }
}
