package dev.dynamotest.core.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything expression-like in one item or query request, parsed once: the condition, update, projection,
 * filter and key condition, from either the expression parameters or the legacy ones, with DynamoDB's rules
 * on mixing them and on unused names and values.
 *
 * <pre>{@code
 * RequestExpressions rx = RequestExpressions.parse(request, RequestExpressions.Operation.UPDATE_ITEM);
 * if (!rx.condition().test(oldImage)) throw DynamoException.conditionalCheckFailed(null);
 * Map<String, AttributeValue> newImage = rx.update().apply(oldImage);
 * }</pre>
 */
public final class RequestExpressions {

    /** The operations whose requests carry expressions. */
    public enum Operation {
        PUT_ITEM(List.of("ConditionExpression"), List.of("Expected", "ConditionalOperator")),
        DELETE_ITEM(List.of("ConditionExpression"), List.of("Expected", "ConditionalOperator")),
        UPDATE_ITEM(List.of("UpdateExpression", "ConditionExpression"),
                List.of("AttributeUpdates", "Expected", "ConditionalOperator")),
        GET_ITEM(List.of("ProjectionExpression"), List.of("AttributesToGet")),
        QUERY(List.of("KeyConditionExpression", "FilterExpression", "ProjectionExpression"),
                List.of("QueryFilter", "ConditionalOperator", "AttributesToGet")),
        SCAN(List.of("FilterExpression", "ProjectionExpression"),
                List.of("ScanFilter", "ConditionalOperator", "AttributesToGet"));

        private final List<String> expressionParameters;
        private final List<String> legacyParameters;

        Operation(List<String> expressionParameters, List<String> legacyParameters) {
            this.expressionParameters = expressionParameters;
            this.legacyParameters = legacyParameters;
        }
    }

    /** The update used when an UpdateItem request has none: it changes nothing and creates the item. */
    private static final Update NO_UPDATE = new Update() {
        @Override
        public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
            return item;
        }

        @Override
        public boolean createsItem() {
            return true;
        }

        @Override
        public Set<String> topLevelAttributes() {
            return Set.of();
        }

        @Override
        public Map<String, AttributeValue> updatedAttributes(Map<String, AttributeValue> image) {
            return Map.of();
        }
    };

    private Condition condition = Condition.ALWAYS;
    private Condition filter = Condition.ALWAYS;
    private Update update = NO_UPDATE;
    private Projection projection;
    private KeyCondition keyCondition;

    private RequestExpressions() {
    }

    /** Parses the request of an item operation, or of a Scan. */
    public static RequestExpressions parse(JsonNode request, Operation operation) {
        return parse(request, operation, List.of(), List.of());
    }

    /**
     * Parses the request; for a Query pass the key names of the table or index queried ({@code rangeKeyName}
     * may be {@code null}).
     */
    public static RequestExpressions parse(JsonNode request, Operation operation, String hashKeyName,
            String rangeKeyName) {
        return parse(request, operation, hashKeyName == null ? List.of() : List.of(hashKeyName),
                rangeKeyName == null ? List.of() : List.of(rangeKeyName));
    }

    /**
     * Parses a Query's request against the key attributes of the table or index queried: its partition key
     * attributes and sort key attributes in key schema order (several for multi-attribute keys).
     */
    public static RequestExpressions parse(JsonNode request, Operation operation, List<String> hashKeyNames,
            List<String> rangeKeyNames) {
        if (operation == Operation.QUERY) {
            checkKeyConditionParameters(request);
        }
        List<String> expressions = present(request, operation.expressionParameters);
        List<String> legacy = present(request, operation.legacyParameters);
        if (!expressions.isEmpty() && !legacy.isEmpty()) {
            throw DynamoException.validation("Can not use both expression and non-expression parameters in the same"
                    + " request: Non-expression parameters: {" + String.join(", ", legacy)
                    + "} Expression parameters: {" + String.join(", ", expressions) + "}");
        }
        ExpressionContext ctx = ExpressionContext.fromRequest(request);
        ctx.checkParameters(!expressions.isEmpty());
        RequestExpressions rx = new RequestExpressions();
        rx.parseExpressions(request, operation, ctx, hashKeyNames, rangeKeyNames);
        ctx.checkAllUsed();
        rx.parseLegacy(request, operation, hashKeyNames, rangeKeyNames);
        return rx;
    }

    /**
     * A Query needs KeyConditions or a KeyConditionExpression, not both; unlike the other legacy parameters,
     * KeyConditions may stand beside a FilterExpression or ProjectionExpression.
     */
    private static void checkKeyConditionParameters(JsonNode request) {
        boolean legacy = !present(request, List.of("KeyConditions")).isEmpty();
        boolean expression = !present(request, List.of("KeyConditionExpression")).isEmpty();
        if (!legacy && !expression) {
            throw DynamoException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        if (legacy && expression) {
            throw DynamoException.validation("Can not use both expression and non-expression parameters in the same"
                    + " request: Non-expression parameters: {KeyConditions} Expression parameters: "
                    + "{KeyConditionExpression}");
        }
    }

    private void parseExpressions(JsonNode request, Operation operation, ExpressionContext ctx,
            List<String> hashKeyNames, List<String> rangeKeyNames) {
        String keyCondition = Json.text(request, "KeyConditionExpression");
        if (keyCondition != null) {
            this.keyCondition = KeyConditionExpression.parse(keyCondition, ctx, hashKeyNames, rangeKeyNames);
        }
        String updateText = Json.text(request, "UpdateExpression");
        if (updateText != null) {
            update = UpdateExpression.parse(updateText, ctx);
        }
        String conditionText = Json.text(request, "ConditionExpression");
        if (conditionText != null) {
            condition = ConditionExpression.parse(conditionText, ctx, ConditionExpression.CONDITION);
        }
        String filterText = Json.text(request, "FilterExpression");
        if (filterText != null) {
            filter = ConditionExpression.parse(filterText, ctx, ConditionExpression.FILTER);
        }
        String projectionText = Json.text(request, "ProjectionExpression");
        if (projectionText != null) {
            projection = ProjectionExpression.parse(projectionText, ctx);
        }
    }

    private void parseLegacy(JsonNode request, Operation operation, List<String> hashKeyNames,
            List<String> rangeKeyNames) {
        String conditionalOperator = Json.text(request, "ConditionalOperator");
        JsonNode expected = Json.object(request, "Expected");
        JsonNode queryFilter = Json.object(request, "QueryFilter");
        JsonNode scanFilter = Json.object(request, "ScanFilter");
        JsonNode conditions = expected != null ? expected : queryFilter != null ? queryFilter : scanFilter;
        if (conditionalOperator != null && (conditions == null || conditions.isEmpty())) {
            String parameter = operation == Operation.QUERY ? "QueryFilter"
                    : operation == Operation.SCAN ? "ScanFilter" : "Expected";
            throw DynamoException.validation("One or more parameter values were invalid: ConditionalOperator can only"
                    + " be used when " + parameter + " is present and not empty");
        }
        if (expected != null) {
            condition = LegacyConditions.expected(expected, conditionalOperator);
        }
        if (queryFilter != null) {
            List<String> keys = new ArrayList<>(hashKeyNames);
            keys.addAll(rangeKeyNames);
            for (String key : keys) {
                if (queryFilter.has(key)) {
                    throw DynamoException.validation("QueryFilter can only contain non-primary key attributes:"
                            + " Primary key attribute: " + key);
                }
            }
            filter = LegacyConditions.filter(queryFilter, conditionalOperator, "queryFilter");
        }
        if (scanFilter != null) {
            filter = LegacyConditions.filter(scanFilter, conditionalOperator, "scanFilter");
        }
        JsonNode keyConditions = Json.object(request, "KeyConditions");
        if (keyConditions != null) {
            keyCondition = LegacyConditions.keyConditions(keyConditions, hashKeyNames, rangeKeyNames);
        }
        JsonNode attributeUpdates = Json.object(request, "AttributeUpdates");
        if (attributeUpdates != null) {
            update = LegacyUpdate.parse(attributeUpdates);
        }
        JsonNode attributesToGet = request.get("AttributesToGet");
        if (attributesToGet != null && !attributesToGet.isNull()) {
            projection = AttributesToGet.parse(attributesToGet);
        }
    }

    private static List<String> present(JsonNode request, List<String> names) {
        List<String> present = new ArrayList<>();
        for (String name : names) {
            JsonNode node = request.get(name);
            if (node != null && !node.isNull()) {
                present.add(name);
            }
        }
        return present;
    }

    /** The write condition (ConditionExpression or Expected); {@link Condition#ALWAYS} when there is none. */
    public Condition condition() {
        return condition;
    }

    /** The Query/Scan filter (FilterExpression, QueryFilter or ScanFilter); {@link Condition#ALWAYS} when none. */
    public Condition filter() {
        return filter;
    }

    /** The update (UpdateExpression or AttributeUpdates); an update that changes nothing when there is none. */
    public Update update() {
        return update;
    }

    /** The projection (ProjectionExpression or AttributesToGet), or {@code null} for all attributes. */
    public Projection projection() {
        return projection;
    }

    /** The key condition of a Query, or {@code null} for other operations. */
    public KeyCondition keyCondition() {
        return keyCondition;
    }
}
