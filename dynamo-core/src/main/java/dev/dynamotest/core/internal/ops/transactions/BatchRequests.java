package dev.dynamotest.core.internal.ops.transactions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** What the batch and transaction operations share: DynamoDB's rendering of request members, duplicate checks. */
final class BatchRequests {

    private static final String SHAPES = "com.amazonaws.dynamodb.v20120810.";

    private BatchRequests() {
    }

    /** One item of one table, as duplicate checks compare them. */
    record ItemId(long tableId, Map<String, AttributeValue> key) {
    }

    /** Rejects a second request for the same item with {@code message}. */
    static final class Duplicates {
        private final Set<ItemId> seen = new HashSet<>();
        private final String message;

        Duplicates(String message) {
            this.message = message;
        }

        void add(TableMeta table, Map<String, AttributeValue> key) {
            if (!seen.add(new ItemId(table.id(), table.keyOf(key)))) {
                throw DynamoException.validation(message);
            }
        }
    }

    /** A list of request members as DynamoDB's messages show it: {@code [com...WriteRequest@1f, ...]}. */
    static String renderList(JsonNode list, String shape) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (JsonNode element : list) {
            joiner.add(SHAPES + shape + "@" + Integer.toHexString(element.hashCode()));
        }
        return joiner.toString();
    }

    /** A map of table names to lists of members, as DynamoDB's messages show it: {@code {T=[...]}}. */
    static String renderMap(JsonNode map, String shape) {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            joiner.add(field.getKey() + "=" + (value.isArray() ? renderList(value, shape)
                    : SHAPES + shape + "@" + Integer.toHexString(value.hashCode())));
        }
        return joiner.toString();
    }
}
