package dev.dynamotest.core.internal.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;

/**
 * One checked change of one item (a put, delete, update or condition check) ready for the write path. PutItem,
 * DeleteItem, UpdateItem, BatchWriteItem and TransactWriteItems all build their writes here, so an item is
 * checked the same way whichever operation writes it.
 */
public final class ItemChange {

    /** What the change does to the item. */
    public enum Kind { PUT, DELETE, UPDATE, CHECK }

    private final Kind kind;
    private final TableMeta table;
    private final Map<String, AttributeValue> key;
    private final Map<String, AttributeValue> item;
    private final ItemExpressions expressions;
    private final String onFailure;

    private ItemChange(Kind kind, TableMeta table, Map<String, AttributeValue> key, Map<String, AttributeValue> item,
            ItemExpressions expressions, String onFailure) {
        this.kind = kind;
        this.table = table;
        this.key = key;
        this.item = item;
        this.expressions = expressions;
        this.onFailure = onFailure;
    }

    /** A put of {@code item}: its key attributes and limits are checked now, its condition when applied. */
    public static ItemChange put(TableMeta table, Map<String, AttributeValue> item, ItemExpressions expressions,
            String onFailure) {
        ItemKeys.checkItem(table, item);
        ItemKeys.checkIndexKeys(table, item);
        ItemKeys.checkSize(item, "Item size has exceeded the maximum allowed size");
        return new ItemChange(Kind.PUT, table, table.keyOf(item), item, expressions, onFailure);
    }

    /** A delete of the item with {@code key}. */
    public static ItemChange delete(TableMeta table, Map<String, AttributeValue> key, ItemExpressions expressions,
            String onFailure) {
        ItemKeys.checkKey(table, key);
        return new ItemChange(Kind.DELETE, table, key, null, expressions, onFailure);
    }

    /** An update of the item with {@code key}; the update may not touch the key attributes. */
    public static ItemChange update(TableMeta table, Map<String, AttributeValue> key, ItemExpressions expressions,
            String onFailure) {
        ItemKeys.checkKey(table, key);
        expressions.checkKeyNotUpdated(table);
        return new ItemChange(Kind.UPDATE, table, key, null, expressions, onFailure);
    }

    /** A condition on the item with {@code key} that changes nothing. */
    public static ItemChange check(TableMeta table, Map<String, AttributeValue> key, ItemExpressions expressions,
            String onFailure) {
        ItemKeys.checkKey(table, key);
        return new ItemChange(Kind.CHECK, table, key, null, expressions, onFailure);
    }

    /** Checks and returns the ReturnValuesOnConditionCheckFailure parameter ({@code path} names it in errors). */
    public static String onFailure(JsonNode request, String path) {
        String value = Json.text(request, "ReturnValuesOnConditionCheckFailure");
        new Constraints().oneOf(value, path, "ALL_OLD", "NONE").check();
        return value == null ? "NONE" : value;
    }

    /** The new image given the current one (either may be {@code null}); throws when the condition fails. */
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> current) {
        expressions.check(current, onFailure);
        return switch (kind) {
            case PUT -> item;
            case DELETE -> null;
            case CHECK -> current;
            case UPDATE -> {
                Map<String, AttributeValue> updated = expressions.update(current, key);
                if (updated != null) {
                    ItemKeys.checkIndexKeys(table, updated);
                    ItemKeys.checkSize(updated, "Item size to update has exceeded the maximum allowed size");
                }
                yield updated;
            }
        };
    }

    /** This change as a write for the write path. */
    public WritePath.Write write(String origin) {
        return new WritePath.Write(table, key, this::apply, origin);
    }

    public Kind kind() {
        return kind;
    }

    public TableMeta table() {
        return table;
    }

    public Map<String, AttributeValue> key() {
        return key;
    }

    public ItemExpressions expressions() {
        return expressions;
    }
}
