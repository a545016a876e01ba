package dev.dynamotest.core.internal.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;

/** The parsed expressions (or legacy parameters) of one item request: condition, update, projection. */
final class ItemExpressions {

    private ItemExpressions(ObjectNode request) {
    }

    static ItemExpressions forPut(ObjectNode request) {
        return new ItemExpressions(request);
    }

    static ItemExpressions forDelete(ObjectNode request) {
        return new ItemExpressions(request);
    }

    static ItemExpressions forGet(ObjectNode request) {
        return new ItemExpressions(request);
    }

    static ItemExpressions forUpdate(ObjectNode request) {
        return new ItemExpressions(request);
    }

    void check(Map<String, AttributeValue> current, String onFailure) {
    }

    Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
        return item;
    }

    Map<String, AttributeValue> update(TableMeta table, Map<String, AttributeValue> item) {
        return item;
    }

    Map<String, AttributeValue> returnedAttributes(String returnValues, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage) {
        if ("ALL_OLD".equals(returnValues)) {
            return oldImage;
        }
        if ("ALL_NEW".equals(returnValues)) {
            return newImage;
        }
        return null;
    }
}
