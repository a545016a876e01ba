package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query's key condition: the value of every partition key attribute, and the conditions on the sort key
 * attributes in key schema order (all equalities but the last, which may be any sort key condition; none when the
 * query reads a whole partition). Tables and local indexes have one partition key attribute and at most one sort
 * key attribute; a global secondary index may have up to four of each. Built from a KeyConditionExpression or from
 * legacy KeyConditions.
 */
public record KeyCondition(List<String> hashKeyNames, List<AttributeValue> hashValues,
        List<SortKeyCondition> sortConditions) {

    public KeyCondition {
        hashKeyNames = List.copyOf(hashKeyNames);
        hashValues = List.copyOf(hashValues);
        sortConditions = List.copyOf(sortConditions);
    }

    /** A condition on a single-attribute key; {@code sort} may be {@code null}. */
    public KeyCondition(String hashKeyName, AttributeValue hashValue, SortKeyCondition sort) {
        this(List.of(hashKeyName), List.of(hashValue), sort == null ? List.of() : List.of(sort));
    }

    /** The (first) partition key attribute's name. */
    public String hashKeyName() {
        return hashKeyNames.get(0);
    }

    /** The (first) partition key attribute's value. */
    public AttributeValue hashValue() {
        return hashValues.get(0);
    }

    /** The partition key values by attribute name, in key schema order. */
    public Map<String, AttributeValue> partition() {
        Map<String, AttributeValue> partition = new LinkedHashMap<>();
        for (int i = 0; i < hashKeyNames.size(); i++) {
            partition.put(hashKeyNames.get(i), hashValues.get(i));
        }
        return partition;
    }

    /** The condition on the last sort key attribute the query names, or {@code null} when it names none. */
    public SortKeyCondition sort() {
        return sortConditions.isEmpty() ? null : sortConditions.get(sortConditions.size() - 1);
    }

    /** Whether the item's key attributes satisfy the condition. */
    public boolean test(Map<String, AttributeValue> item) {
        for (int i = 0; i < hashKeyNames.size(); i++) {
            if (!Values.equal(item.get(hashKeyNames.get(i)), hashValues.get(i))) {
                return false;
            }
        }
        for (SortKeyCondition sort : sortConditions) {
            if (!sort.test(item.get(sort.name()))) {
                return false;
            }
        }
        return true;
    }

    /** Throws DynamoDB's error when a value's type differs from the key schema's type ("S", "N" or "B"). */
    public void checkTypes(String hashKeyType, String rangeKeyType) {
        Map<String, String> types = new LinkedHashMap<>();
        types.put(hashKeyName(), hashKeyType);
        if (sort() != null && rangeKeyType != null) {
            types.put(sort().name(), rangeKeyType);
        }
        checkTypes(types);
    }

    /** Throws DynamoDB's error when a value's type differs from its key attribute's type, given by name. */
    public void checkTypes(Map<String, String> types) {
        boolean ok = true;
        for (int i = 0; i < hashKeyNames.size(); i++) {
            ok &= hashValues.get(i).type().equals(types.get(hashKeyNames.get(i)));
        }
        for (SortKeyCondition sort : sortConditions) {
            String type = types.get(sort.name());
            ok &= type == null || sort.value().type().equals(type)
                    && (sort.upper() == null || sort.upper().type().equals(type));
        }
        if (!ok) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }
}
