package dev.dynamotest.core.internal.ops.query;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.expr.KeyCondition;
import dev.dynamotest.core.internal.expr.SortKeyCondition;
import dev.dynamotest.core.internal.storage.KeyAttribute;
import dev.dynamotest.core.internal.storage.StoredKey;
import dev.dynamotest.core.internal.write.ItemKeys;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;

/**
 * DynamoDB's checks of an ExclusiveStartKey, and the stored position it names: after it, a Query or Scan
 * goes on. The key need not be the key of an existing item.
 */
final class StartKeys {

    private static final String INVALID = "The provided starting key is invalid";
    private static final String NO_MATCH = "The provided key element does not match the schema";

    private StartKeys() {
    }

    /** The position of a Query's ExclusiveStartKey, checked against the target and the key condition. */
    static StoredKey forQuery(ReadTarget target, Map<String, AttributeValue> start, KeyCondition condition) {
        if (start == null) {
            return null;
        }
        checkShape(target, start, INVALID);
        for (SortKeyCondition sort : condition.sortConditions()) {
            if (!sort.test(start.get(sort.name()))) {
                throw DynamoException.validation("The provided starting key does not match the range key predicate");
            }
        }
        for (Map.Entry<String, AttributeValue> hash : condition.partition().entrySet()) {
            if (!hash.getValue().equals(start.get(hash.getKey()))) {
                throw DynamoException.validation(
                        "The provided starting key is outside query boundaries based on provided conditions");
            }
        }
        return position(target, start);
    }

    /** The position of a Scan's ExclusiveStartKey. */
    static StoredKey forScan(ReadTarget target, Map<String, AttributeValue> start) {
        if (start == null) {
            return null;
        }
        checkShape(target, start, target.isIndex() ? INVALID : INVALID + ": " + NO_MATCH);
        return position(target, start);
    }

    private static void checkShape(ReadTarget target, Map<String, AttributeValue> start, String wrongSize) {
        if (start.size() != target.positionKeys().size()) {
            throw DynamoException.validation(wrongSize);
        }
        if (target.isIndex()) {
            for (KeyAttribute key : target.orderKeys()) {
                AttributeValue value = start.get(key.name());
                if (value == null) {
                    throw DynamoException.validation(INVALID);
                }
                if (!value.type().equals(key.type())) {
                    throw DynamoException.validation(NO_MATCH);
                }
            }
        }
        try {
            ItemKeys.checkKey(target.table(), target.table().keyOf(start));
        } catch (DynamoException e) {
            throw DynamoException.validation(INVALID + ": " + e.getMessage());
        }
    }

    private static StoredKey position(ReadTarget target, Map<String, AttributeValue> start) {
        return target.isIndex() ? StoredKey.of(target.table(), target.index(), start)
                : StoredKey.of(target.table(), start);
    }
}
