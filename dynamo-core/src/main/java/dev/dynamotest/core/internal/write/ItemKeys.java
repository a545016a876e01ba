package dev.dynamotest.core.internal.write;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.storage.IndexMeta;
import dev.dynamotest.core.internal.storage.ItemSize;
import dev.dynamotest.core.internal.storage.KeyAttribute;
import dev.dynamotest.core.internal.storage.KeyCodec;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;

/** DynamoDB's checks of keys and items against a table's key schema and limits. */
public final class ItemKeys {

    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;
    private static final int MAX_DEPTH = 31;
    private static final int MAX_NAME_BYTES = 65535;

    private ItemKeys() {
    }

    /** Checks a {@code Key} parameter: exactly the key attributes, of the right types. */
    public static void checkKey(TableMeta table, Map<String, AttributeValue> key) {
        int expected = table.rangeKey() == null ? 1 : 2;
        if (key.size() != expected || !matches(table.hashKey(), key.get(table.hashKey().name()))
                || table.rangeKey() != null && !matches(table.rangeKey(), key.get(table.rangeKey().name()))) {
            throw DynamoException.validation("The provided key element does not match the schema");
        }
        checkKeyValues(table, key);
    }

    /** Checks an item to be written: key attributes present, of the right types, within the limits. */
    public static void checkItem(TableMeta table, Map<String, AttributeValue> item) {
        checkItemKey(table.hashKey(), item);
        if (table.rangeKey() != null) {
            checkItemKey(table.rangeKey(), item);
        }
        checkKeyValues(table, item);
    }

    /**
     * Checks the item's secondary index key attributes: when present, they must be of the index key's type and
     * not empty (an item without them is simply not in the index).
     */
    public static void checkIndexKeys(TableMeta table, Map<String, AttributeValue> item) {
        for (IndexMeta index : table.indexes()) {
            for (KeyAttribute key : index.keys()) {
                AttributeValue value = item.get(key.name());
                if (value == null || table.isKeyAttribute(key.name())) {
                    continue;
                }
                if (!value.type().equals(key.type())) {
                    throw DynamoException.validation("One or more parameter values were invalid: Type mismatch for "
                            + "Index Key " + key.name() + " Expected: " + key.type() + " Actual: " + value.type()
                            + " IndexName: " + index.name());
                }
                if (value instanceof AttributeValue.S s && s.value().isEmpty()
                        || value instanceof AttributeValue.B b && b.unsafeBytes().length == 0) {
                    throw DynamoException.validation("One or more parameter values are not valid. A value specified "
                            + "for a secondary index key is not supported. The AttributeValue for a key attribute "
                            + "cannot contain an empty " + (value instanceof AttributeValue.S ? "string" : "binary")
                            + " value. IndexName: " + index.name() + ", IndexKey: " + key.name());
                }
            }
        }
    }

    private static void checkItemKey(KeyAttribute key, Map<String, AttributeValue> item) {
        AttributeValue value = item.get(key.name());
        if (value == null) {
            throw DynamoException.validation("One or more parameter values were invalid: Missing the key "
                    + key.name() + " in the item");
        }
        if (!value.type().equals(key.type())) {
            throw DynamoException.validation("One or more parameter values were invalid: Type mismatch for key "
                    + key.name() + " expected: " + key.type() + " actual: " + value.type());
        }
    }

    private static boolean matches(KeyAttribute key, AttributeValue value) {
        return value != null && value.type().equals(key.type());
    }

    private static void checkKeyValues(TableMeta table, Map<String, AttributeValue> item) {
        AttributeValue hash = item.get(table.hashKey().name());
        checkNotEmpty(table.hashKey(), hash);
        if (KeyCodec.encode(hash).length > MAX_PARTITION_KEY_BYTES && !(hash instanceof AttributeValue.N)) {
            throw DynamoException.validation("One or more parameter values were invalid: Size of hashkey has "
                    + "exceeded the maximum size limit of2048 bytes");
        }
        if (table.rangeKey() != null) {
            AttributeValue range = item.get(table.rangeKey().name());
            checkNotEmpty(table.rangeKey(), range);
            if (KeyCodec.encode(range).length > MAX_SORT_KEY_BYTES && !(range instanceof AttributeValue.N)) {
                throw DynamoException.validation("One or more parameter values were invalid: Aggregated size of all "
                        + "range keys has exceeded the size limit of 1024 bytes");
            }
        }
    }

    private static void checkNotEmpty(KeyAttribute key, AttributeValue value) {
        if (value instanceof AttributeValue.S s && s.value().isEmpty()) {
            throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a "
                    + "key attribute cannot contain an empty string value. Key: " + key.name());
        }
        if (value instanceof AttributeValue.B b && b.unsafeBytes().length == 0) {
            throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a "
                    + "key attribute cannot contain an empty binary value. Key: " + key.name());
        }
    }

    /** The error for an attribute name of no characters (DynamoDB's naming rules require at least one). */
    private static final String EMPTY_NAME =
            "One or more parameter values are not valid. Attribute name cannot be empty";

    /**
     * Checks attribute names (not empty, under 64 KB), the 400 KB item size limit and the nesting depth;
     * {@code message} is DynamoDB's for the operation.
     */
    public static void checkSize(Map<String, AttributeValue> item, String message) {
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoException.validation(message);
        }
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            if (e.getKey().isEmpty()) {
                throw DynamoException.validation(EMPTY_NAME);
            }
            if (ItemSize.utf8(e.getKey()) > MAX_NAME_BYTES) {
                throw DynamoException.validation("One or more parameter values are not valid. Attribute name is "
                        + "too large, must be less than 65536 bytes");
            }
            if (depth(e.getValue()) > MAX_DEPTH) {
                throw DynamoException.validation("Nesting Levels have exceeded supported limits: Attributes in the "
                        + "item have nested levels beyond supported limit");
            }
        }
    }

    private static int depth(AttributeValue value) {
        if (value instanceof AttributeValue.M m) {
            int max = 0;
            for (AttributeValue v : m.value().values()) {
                max = Math.max(max, depth(v));
            }
            return max + 1;
        }
        if (value instanceof AttributeValue.L l) {
            int max = 0;
            for (AttributeValue v : l.value()) {
                max = Math.max(max, depth(v));
            }
            return max + 1;
        }
        return 0;
    }
}
