package dev.dynamotest.core.internal.ops.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.routing.OperationCaller;
import java.util.function.Function;

/**
 * One page of a SELECT: runs its GetItem, Scan or Queries from a position, within the Limit and each operation's
 * own 1 MB page, and answers the items, the NextToken of the rest and the capacity the operations consumed.
 */
final class SelectRun {

    private final OperationCaller operations;
    private final String region;
    private final StatementPlanner.ReadPlan plan;
    private final boolean consistent;
    private final String capacity;
    private final Long limit;

    SelectRun(OperationCaller operations, String region, StatementPlanner.ReadPlan plan, boolean consistent,
            String capacity, Long limit) {
        this.operations = operations;
        this.region = region;
        this.plan = plan;
        this.consistent = consistent;
        this.capacity = capacity;
        this.limit = limit;
    }

    ObjectNode page(SelectPaging.Position start, Function<SelectPaging.Position, String> tokens) {
        ObjectNode response = PartiqlOperations.NODES.objectNode();
        ArrayNode items = response.putArray("Items");
        ConsumedCapacities consumed = new ConsumedCapacities();
        if (plan.operation().equals("GetItem")) {
            ObjectNode result = operations.call(region, "GetItem", options(plan.parts().get(0), null));
            if (result.has("Item")) {
                items.add(result.get("Item"));
            }
            consumed.add(result.get("ConsumedCapacity"));
            return finish(response, consumed);
        }
        int part = Math.max(0, start.part());
        JsonNode startKey = start.startKey();
        while (part < plan.parts().size()) {
            ObjectNode body = options(plan.parts().get(part), startKey);
            if (limit != null) {
                body.put("Limit", limit - items.size());
            }
            ObjectNode result = operations.call(region, plan.operation(), body);
            result.path("Items").forEach(items::add);
            consumed.add(result.get("ConsumedCapacity"));
            JsonNode last = result.get("LastEvaluatedKey");
            if (last != null) {
                response.put("NextToken", tokens.apply(new SelectPaging.Position(part, last)));
                response.set("LastEvaluatedKey", last);
                return finish(response, consumed);
            }
            part++;
            startKey = null;
            if (limit != null && items.size() >= limit && part < plan.parts().size()) {
                response.put("NextToken", tokens.apply(new SelectPaging.Position(part, null)));
                return finish(response, consumed);
            }
        }
        return finish(response, consumed);
    }

    private ObjectNode options(ObjectNode part, JsonNode startKey) {
        ObjectNode body = part.deepCopy();
        if (consistent) {
            body.put("ConsistentRead", true);
        }
        PartiqlOperations.putIfPresent(body, "ReturnConsumedCapacity", capacity);
        if (startKey != null) {
            body.set("ExclusiveStartKey", startKey);
        }
        return body;
    }

    private static ObjectNode finish(ObjectNode response, ConsumedCapacities consumed) {
        ObjectNode single = consumed.single();
        if (single != null) {
            response.set("ConsumedCapacity", single);
        }
        return response;
    }
}
