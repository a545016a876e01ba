package dev.dynamotest.core.internal.ops.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.partiql.Statement;
import dev.dynamotest.core.internal.partiql.StatementErrors;
import dev.dynamotest.core.internal.partiql.StatementParser;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.routing.Api;
import dev.dynamotest.core.internal.routing.OperationCaller;
import dev.dynamotest.core.internal.routing.Routes;
import dev.dynamotest.core.internal.write.EngineContext;

/**
 * DynamoDB's PartiQL operations: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. Each statement is
 * parsed, planned as the item operations it stands for (see {@link StatementPlanner}) and run through the router
 * as those operations, so their checks, write path, capacity and streams apply; the request journal and fault
 * rules see the PartiQL operation itself.
 */
public final class PartiqlOperations {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StatementPlanner planner;
    private final OperationCaller operations;

    public PartiqlOperations(EngineContext ctx, OperationCaller operations) {
        this.planner = new StatementPlanner(ctx);
        this.operations = operations;
    }

    /** Registers ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. */
    public void registerIn(Routes routes) {
        routes.add(Api.DYNAMODB, "ExecuteStatement", this::executeStatement);
        routes.add(Api.DYNAMODB, "BatchExecuteStatement", new BatchStatements(planner, operations));
        routes.add(Api.DYNAMODB, "ExecuteTransaction", new TransactionStatements(planner, operations));
    }

    private ObjectNode executeStatement(String region, ObjectNode request) {
        String text = Json.text(request, "Statement");
        JsonNode parameters = Json.array(request, "Parameters");
        String nextToken = Json.text(request, "NextToken");
        Long limit = Json.integer(request, "Limit");
        String capacity = Json.text(request, "ReturnConsumedCapacity");
        String onFailure = Json.text(request, "ReturnValuesOnConditionCheckFailure");
        Constraints constraints = new Constraints().notNull(text, "statement")
                .length(text, "statement", 1, StatementParser.MAX_LENGTH)
                .length(nextToken, "nextToken", 1, 32768)
                .range(limit, "limit", 1, Integer.MAX_VALUE)
                .oneOf(capacity, "returnConsumedCapacity", "INDEXES", "TOTAL", "NONE")
                .oneOf(onFailure, "returnValuesOnConditionCheckFailure", "ALL_OLD", "NONE");
        constraints.size(parameters, "parameters", 1, Integer.MAX_VALUE);
        constraints.check();
        Statement statement = StatementParser.parse(text, parameters);
        if (!statement.reads()) {
            if (statement instanceof Statement.Select) {
                throw StatementErrors.unsupported(
                        "EXISTS is only supported in ExecuteTransaction");
            }
            if (nextToken != null) {
                throw DynamoException.validation("NextToken does not match request");
            }
            return write(region, statement, capacity, onFailure);
        }
        Statement.Select select = (Statement.Select) statement;
        StatementPlanner.ReadPlan plan = planner.read(region, select);
        SelectPaging.Position start = nextToken == null ? new SelectPaging.Position(0, null)
                : SelectPaging.position(nextToken, text, parameters);
        boolean consistent = Json.bool(request, "ConsistentRead", false);
        return new SelectRun(operations, region, plan, consistent, capacity, limit)
                .page(start, position -> SelectPaging.token(text, parameters, position));
    }

    private ObjectNode write(String region, Statement statement, String capacity, String onFailure) {
        StatementPlanner.Call call = planner.write(region, statement);
        ObjectNode body = call.body();
        putIfPresent(body, "ReturnConsumedCapacity", capacity);
        putIfPresent(body, "ReturnValuesOnConditionCheckFailure", onFailure);
        ObjectNode result = run(region, statement, call);
        ObjectNode response = NODES.objectNode();
        ArrayNode items = response.putArray("Items");
        if (result != null && result.has("Attributes")) {
            items.add(result.get("Attributes"));
        }
        if (result != null && result.has("ConsumedCapacity")) {
            response.set("ConsumedCapacity", result.get("ConsumedCapacity"));
        }
        return response;
    }

    /** Runs a write statement's operation; a failed INSERT condition is DynamoDB's duplicate item error. */
    static ObjectNode run(String region, Statement statement, StatementPlanner.Call call, OperationCaller operations) {
        try {
            return operations.call(region, call.operation(), call.body());
        } catch (DynamoException e) {
            if (statement instanceof Statement.Insert && e.type().equals("ConditionalCheckFailedException")) {
                throw duplicateItem();
            }
            throw e;
        }
    }

    private ObjectNode run(String region, Statement statement, StatementPlanner.Call call) {
        return run(region, statement, call, operations);
    }

    /** DynamoDB's answer to an INSERT of a key that exists. */
    static DynamoException duplicateItem() {
        return new DynamoException("DuplicateItemException", "Duplicate primary key exists in table");
    }

    static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
