package dev.dynamotest.core.internal.ops.items;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.ItemChange;
import dev.dynamotest.core.internal.write.ItemExpressions;
import dev.dynamotest.core.internal.write.WritePath;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;

/**
 * What tells PutItem, DeleteItem and UpdateItem apart in their one request path: the member holding the item or
 * key, the expressions they accept, the change they make and the attributes they return.
 */
enum SingleItemWrite {

    PUT("Item", "item") {
        @Override
        ItemExpressions expressions(ObjectNode request) {
            return ItemExpressions.forPut(request);
        }

        @Override
        ItemChange change(TableMeta table, Map<String, AttributeValue> item, ItemExpressions expressions,
                String onFailure) {
            return ItemChange.put(table, item, expressions, onFailure);
        }
    },
    DELETE("Key", "key") {
        @Override
        ItemExpressions expressions(ObjectNode request) {
            return ItemExpressions.forDelete(request);
        }

        @Override
        ItemChange change(TableMeta table, Map<String, AttributeValue> key, ItemExpressions expressions,
                String onFailure) {
            return ItemChange.delete(table, key, expressions, onFailure);
        }
    },
    UPDATE("Key", "key") {
        @Override
        ItemExpressions expressions(ObjectNode request) {
            return ItemExpressions.forUpdate(request);
        }

        @Override
        ItemChange change(TableMeta table, Map<String, AttributeValue> key, ItemExpressions expressions,
                String onFailure) {
            return ItemChange.update(table, key, expressions, onFailure);
        }

        @Override
        void checkReturnValues(String returnValues) {
        }

        @Override
        Map<String, AttributeValue> returned(ItemExpressions expressions, String returnValues,
                WritePath.Outcome outcome) {
            return expressions.returnedAttributes(returnValues, outcome.oldImage(), outcome.newImage());
        }
    };

    private final String payloadField;
    private final String payloadPath;

    SingleItemWrite(String payloadField, String payloadPath) {
        this.payloadField = payloadField;
        this.payloadPath = payloadPath;
    }

    /** The request member with the item or the key. */
    String payloadField() {
        return payloadField;
    }

    /** That member's name in a constraint message. */
    String payloadPath() {
        return payloadPath;
    }

    abstract ItemExpressions expressions(ObjectNode request);

    abstract ItemChange change(TableMeta table, Map<String, AttributeValue> payload, ItemExpressions expressions,
            String onFailure);

    /** PutItem and DeleteItem accept only ALL_OLD or NONE. */
    void checkReturnValues(String returnValues) {
        if (returnValues != null && !"NONE".equals(returnValues) && !"ALL_OLD".equals(returnValues)) {
            throw DynamoException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
    }

    /** The Attributes of the response, or {@code null} for none. */
    Map<String, AttributeValue> returned(ItemExpressions expressions, String returnValues, WritePath.Outcome outcome) {
        return "ALL_OLD".equals(returnValues) ? outcome.oldImage() : null;
    }
}
