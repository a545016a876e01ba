package dev.dynamotest.core.internal.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.expr.Condition;
import dev.dynamotest.core.internal.expr.KeyCondition;
import dev.dynamotest.core.internal.expr.Projection;
import dev.dynamotest.core.internal.expr.RequestExpressions;

/**
 * The parsed expressions of a Query. DynamoDB accepts the legacy KeyConditions beside a FilterExpression or
 * ProjectionExpression (it only refuses KeyConditions beside a KeyConditionExpression), and asks for a key
 * condition before it looks at a QueryFilter; this applies those two rules in front of
 * {@link RequestExpressions}.
 */
record QueryExpressions(KeyCondition keyCondition, Condition filter, Projection projection) {

    static QueryExpressions parse(ObjectNode request, String hashKeyName, String rangeKeyName) {
        boolean keyConditions = request.hasNonNull("KeyConditions");
        if (!keyConditions && !request.hasNonNull("KeyConditionExpression")) {
            throw DynamoException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        boolean otherLegacy = request.hasNonNull("QueryFilter") || request.hasNonNull("AttributesToGet")
                || request.hasNonNull("ConditionalOperator") || request.hasNonNull("KeyConditionExpression");
        boolean expressions = request.hasNonNull("FilterExpression") || request.hasNonNull("ProjectionExpression");
        if (!keyConditions || otherLegacy || !expressions) {
            RequestExpressions rx = RequestExpressions.parse(request, RequestExpressions.Operation.QUERY,
                    hashKeyName, rangeKeyName);
            return new QueryExpressions(rx.keyCondition(), rx.filter(), rx.projection());
        }
        ObjectNode keysOnly = request.objectNode();
        keysOnly.set("KeyConditions", request.get("KeyConditions"));
        KeyCondition keyCondition = RequestExpressions.parse(keysOnly, RequestExpressions.Operation.QUERY,
                hashKeyName, rangeKeyName).keyCondition();
        ObjectNode rest = request.deepCopy();
        rest.remove("KeyConditions");
        RequestExpressions rx = RequestExpressions.parse(rest, RequestExpressions.Operation.SCAN);
        return new QueryExpressions(keyCondition, rx.filter(), rx.projection());
    }
}
