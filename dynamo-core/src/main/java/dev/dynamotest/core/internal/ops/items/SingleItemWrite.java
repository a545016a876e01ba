package dev.dynamotest.core.internal.ops.items;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.ItemChange;
import dev.dynamotest.core.internal.write.ItemExpressions;
import dev.dynamotest.core.internal.write.WritePath;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;
import java.util.function.Function;

/**
 * What tells PutItem, DeleteItem and UpdateItem apart in their one request path: the member holding the item or
 * key, the expressions they accept, the change they make and the attributes they return.
 */
enum SingleItemWrite {

    PUT("Item", "item", ItemExpressions::forPut, ItemChange::put),
    DELETE("Key", "key", ItemExpressions::forDelete, ItemChange::delete),
    UPDATE("Key", "key", ItemExpressions::forUpdate, ItemChange::update);

    /** Makes the change of one operation: {@code payload} is the item put, or the key deleted or updated. */
    private interface Change {
        ItemChange of(TableMeta table, Map<String, AttributeValue> payload, ItemExpressions expressions,
                String onFailure);
    }

    private final String payloadField;
    private final String payloadPath;
    private final Function<ObjectNode, ItemExpressions> expressions;
    private final Change change;

    SingleItemWrite(String payloadField, String payloadPath, Function<ObjectNode, ItemExpressions> expressions,
            Change change) {
        this.payloadField = payloadField;
        this.payloadPath = payloadPath;
        this.expressions = expressions;
        this.change = change;
    }

    /** The request member with the item or the key. */
    String payloadField() {
        return payloadField;
    }

    /** That member's name in a constraint message. */
    String payloadPath() {
        return payloadPath;
    }

    ItemExpressions expressions(ObjectNode request) {
        return expressions.apply(request);
    }

    ItemChange change(TableMeta table, Map<String, AttributeValue> payload, ItemExpressions expressions,
            String onFailure) {
        return change.of(table, payload, expressions, onFailure);
    }

    /** PutItem and DeleteItem accept only ALL_OLD or NONE; UpdateItem every ReturnValues. */
    void checkReturnValues(String returnValues) {
        if (this != UPDATE && returnValues != null && !"NONE".equals(returnValues)
                && !"ALL_OLD".equals(returnValues)) {
            throw DynamoException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
    }

    /** The Attributes of the response, or {@code null} for none. */
    Map<String, AttributeValue> returned(ItemExpressions expressions, String returnValues, WritePath.Outcome outcome) {
        if (this == UPDATE) {
            return expressions.returnedAttributes(returnValues, outcome.oldImage(), outcome.newImage());
        }
        return "ALL_OLD".equals(returnValues) ? outcome.oldImage() : null;
    }
}
