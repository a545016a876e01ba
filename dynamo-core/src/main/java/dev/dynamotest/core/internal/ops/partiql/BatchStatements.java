package dev.dynamotest.core.internal.ops.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.partiql.Statement;
import dev.dynamotest.core.internal.partiql.StatementErrors;
import dev.dynamotest.core.internal.partiql.StatementParser;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.routing.OperationCaller;
import dev.dynamotest.core.internal.routing.OperationHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * BatchExecuteStatement: up to 25 statements, all reads (each a GetItem of a whole key) or all writes, each run on
 * its own; a statement that fails gets an {@code Error} (Code, Message, and the item when asked) in its response
 * and the others still run.
 */
final class BatchStatements implements OperationHandler {

    static final int MAX_STATEMENTS = 25;

    private final StatementPlanner planner;
    private final OperationCaller operations;

    BatchStatements(StatementPlanner planner, OperationCaller operations) {
        this.planner = planner;
        this.operations = operations;
    }

    @Override
    public ObjectNode execute(String region, ObjectNode request) {
        JsonNode statements = Json.array(request, "Statements");
        String capacity = Json.text(request, "ReturnConsumedCapacity");
        Constraints constraints = new Constraints().notNull(statements, "statements")
                .oneOf(capacity, "returnConsumedCapacity", "INDEXES", "TOTAL", "NONE");
        constraints.size(statements, "statements", 1, MAX_STATEMENTS);
        List<Member> members = new ArrayList<>();
        if (statements != null) {
            for (int i = 0; i < statements.size(); i++) {
                members.add(member(statements.get(i), i, constraints));
            }
        }
        constraints.check();
        boolean reads = false;
        boolean writes = false;
        for (Member member : members) {
            if (member.statement() != null) {
                reads |= member.statement().reads();
                writes |= !member.statement().reads();
            }
        }
        if (reads && writes) {
            throw StatementErrors.unsupported("A batch must contain either all reads or all "
                    + "writes");
        }
        ArrayNode responses = PartiqlOperations.NODES.arrayNode();
        ConsumedCapacities consumed = new ConsumedCapacities();
        for (Member member : members) {
            responses.add(run(region, member, capacity, consumed));
        }
        ObjectNode response = PartiqlOperations.NODES.objectNode();
        response.set("Responses", responses);
        ArrayNode capacities = consumed.list();
        if (capacities != null) {
            response.set("ConsumedCapacity", capacities);
        }
        return response;
    }

    /** A statement of the batch: parsed, or the error it failed to parse with. */
    private record Member(Statement statement, DynamoException error, boolean consistent, String onFailure) {
    }

    private static Member member(JsonNode node, int index, Constraints constraints) {
        String text = Json.text(node, "Statement");
        JsonNode parameters = Json.array(node, "Parameters");
        String onFailure = Json.text(node, "ReturnValuesOnConditionCheckFailure");
        String at = "statements." + (index + 1) + ".member.";
        constraints.notNull(text, at + "statement").length(text, at + "statement", 1, StatementParser.MAX_LENGTH)
                .oneOf(onFailure, at + "returnValuesOnConditionCheckFailure", "ALL_OLD", "NONE");
        constraints.size(parameters, at + "parameters", 1, Integer.MAX_VALUE);
        boolean consistent = Json.bool(node, "ConsistentRead", false);
        if (text == null) {
            return new Member(null, null, consistent, onFailure);
        }
        try {
            Statement statement = StatementParser.parse(text, parameters);
            if (statement instanceof Statement.Select select && select.exists()) {
                return new Member(null, StatementErrors.unsupported(
                        "EXISTS is only supported in ExecuteTransaction"), consistent,
                        onFailure);
            }
            return new Member(statement, null, consistent, onFailure);
        } catch (DynamoException e) {
            return new Member(null, e, consistent, onFailure);
        }
    }

    private ObjectNode run(String region, Member member, String capacity, ConsumedCapacities consumed) {
        ObjectNode response = PartiqlOperations.NODES.objectNode();
        if (member.error() != null) {
            return error(response, member.error());
        }
        Statement statement = member.statement();
        response.put("TableName", statement.table());
        try {
            if (statement.reads()) {
                ObjectNode body = planner.pointGet(region, (Statement.Select) statement);
                if (member.consistent()) {
                    body.put("ConsistentRead", true);
                }
                PartiqlOperations.putIfPresent(body, "ReturnConsumedCapacity", capacity);
                ObjectNode result = operations.call(region, "GetItem", body);
                consumed.add(result.get("ConsumedCapacity"));
                if (result.has("Item")) {
                    response.set("Item", result.get("Item"));
                }
                return response;
            }
            StatementPlanner.Call call = planner.write(region, statement);
            PartiqlOperations.putIfPresent(call.body(), "ReturnConsumedCapacity", capacity);
            PartiqlOperations.putIfPresent(call.body(), "ReturnValuesOnConditionCheckFailure", member.onFailure());
            if (call.body().has("ReturnValues")) {
                throw StatementErrors.unsupported("RETURNING is not supported in a batch");
            }
            ObjectNode result = PartiqlOperations.run(region, statement, call, operations);
            consumed.add(result == null ? null : result.get("ConsumedCapacity"));
            return response;
        } catch (DynamoException e) {
            return error(response, e);
        }
    }

    private static ObjectNode error(ObjectNode response, DynamoException e) {
        ObjectNode error = response.putObject("Error");
        error.put("Code", code(e.type()));
        error.put("Message", e.getMessage());
        if (e.item() != null) {
            error.set("Item", AttributeValueJson.encodeItem(e.item()));
        }
        return response;
    }

    /** A BatchStatementError code (BatchStatementErrorCodeEnum) of an error type. */
    static String code(String type) {
        return switch (type) {
            case "ValidationException" -> "ValidationError";
            case "ThrottlingException" -> "ThrottlingError";
            case "AccessDeniedException" -> "AccessDenied";
            case "InternalServerError", "RequestLimitExceeded" -> type;
            default -> type.replaceAll("Exception$", "");
        };
    }
}
