package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;

/**
 * A query's key condition: the partition key value and an optional sort key condition ({@code sort} may be
 * {@code null}). Built from a KeyConditionExpression or from legacy KeyConditions.
 */
public record KeyCondition(String hashKeyName, AttributeValue hashValue, SortKeyCondition sort) {

    /** Whether the item's key attributes satisfy the condition. */
    public boolean test(Map<String, AttributeValue> item) {
        return Values.equal(item.get(hashKeyName), hashValue)
                && (sort == null || sort.test(item.get(sort.name())));
    }

    /** Throws DynamoDB's error when a value's type differs from the key schema's type ("S", "N" or "B"). */
    public void checkTypes(String hashKeyType, String rangeKeyType) {
        boolean ok = hashValue.type().equals(hashKeyType);
        if (sort != null && rangeKeyType != null) {
            ok &= sort.value().type().equals(rangeKeyType)
                    && (sort.upper() == null || sort.upper().type().equals(rangeKeyType));
        }
        if (!ok) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }
}
