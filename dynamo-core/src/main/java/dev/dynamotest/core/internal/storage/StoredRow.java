package dev.dynamotest.core.internal.storage;

import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;

/**
 * One row read from a table or index: its stored key, its stored size, and the item (or projected item) in its stored
 * form, decoded on the first call of {@link #item()}: a page written out as it is stored needs no decoding.
 */
public final class StoredRow {

    private final StoredKey key;
    private final int size;
    private final byte[] bytes;
    private Map<String, AttributeValue> item;

    public StoredRow(StoredKey key, int size, byte[] bytes) {
        this.key = key;
        this.size = size;
        this.bytes = bytes;
    }

    public StoredKey key() {
        return key;
    }

    public int size() {
        return size;
    }

    /** The item as stored ({@link ItemCodec}); not to be changed. */
    public byte[] bytes() {
        return bytes;
    }

    /** The item, decoded once. */
    public Map<String, AttributeValue> item() {
        if (item == null) {
            item = ItemCodec.decode(bytes);
        }
        return item;
    }
}
