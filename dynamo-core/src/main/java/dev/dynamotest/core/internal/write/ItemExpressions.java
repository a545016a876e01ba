package dev.dynamotest.core.internal.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.expr.RequestExpressions;
import dev.dynamotest.core.internal.expr.Update;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The parsed expressions (or legacy parameters) of one item request, applied as the item operations need them. */
public final class ItemExpressions {

    private final RequestExpressions rx;

    private ItemExpressions(RequestExpressions rx) {
        this.rx = rx;
    }

    public static ItemExpressions forPut(ObjectNode request) {
        return new ItemExpressions(RequestExpressions.parse(request, RequestExpressions.Operation.PUT_ITEM));
    }

    public static ItemExpressions forDelete(ObjectNode request) {
        return new ItemExpressions(RequestExpressions.parse(request, RequestExpressions.Operation.DELETE_ITEM));
    }

    /** A transaction's ConditionCheck: a condition and its names and values, as DeleteItem takes them. */
    public static ItemExpressions forConditionCheck(ObjectNode request) {
        return new ItemExpressions(RequestExpressions.parse(request, RequestExpressions.Operation.DELETE_ITEM));
    }

    public static ItemExpressions forGet(ObjectNode request) {
        return new ItemExpressions(RequestExpressions.parse(request, RequestExpressions.Operation.GET_ITEM));
    }

    public static ItemExpressions forUpdate(ObjectNode request) {
        return new ItemExpressions(RequestExpressions.parse(request, RequestExpressions.Operation.UPDATE_ITEM));
    }

    /** Fails with ConditionalCheckFailedException (with the old item if asked) when the condition does not hold. */
    public void check(Map<String, AttributeValue> current, String onFailure) {
        if (!rx.condition().test(current == null ? Map.of() : current)) {
            throw DynamoException.conditionalCheckFailed("ALL_OLD".equals(onFailure) ? current : null);
        }
    }

    public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
        return rx.projection() == null ? item : rx.projection().apply(item);
    }

    /** Rejects an update of the table's key attributes. */
    public void checkKeyNotUpdated(TableMeta table) {
        Set<String> keys = new HashSet<>();
        keys.add(table.hashKey().name());
        if (table.rangeKey() != null) {
            keys.add(table.rangeKey().name());
        }
        rx.update().checkKeyNotUpdated(keys);
    }

    /** The item after the update, or {@code null} when a missing item stays missing. */
    public Map<String, AttributeValue> update(Map<String, AttributeValue> current, Map<String, AttributeValue> key) {
        Update update = rx.update();
        if (current == null && !update.createsItem()) {
            return null;
        }
        Map<String, AttributeValue> updated = update.apply(current == null ? new LinkedHashMap<>(key) : current);
        return updated == null || updated.isEmpty() ? null : updated;
    }

    /** What UpdateItem returns for its ReturnValues. */
    public Map<String, AttributeValue> returnedAttributes(String returnValues, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage) {
        if (returnValues == null) {
            return null;
        }
        return switch (returnValues) {
            case "ALL_OLD" -> oldImage;
            case "ALL_NEW" -> newImage;
            case "UPDATED_OLD" -> oldImage == null ? null : rx.update().updatedAttributes(oldImage);
            case "UPDATED_NEW" -> newImage == null ? null : rx.update().updatedAttributes(newImage);
            default -> null;
        };
    }
}
