package dev.dynamotest.core.internal.ops.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.partiql.Statement;
import dev.dynamotest.core.internal.partiql.StatementErrors;
import dev.dynamotest.core.internal.partiql.StatementParser;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.routing.OperationCaller;
import dev.dynamotest.core.internal.routing.OperationHandler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * ExecuteTransaction: up to 100 statements, all reads (run as TransactGetItems, each a whole key) or all writes
 * and {@code EXISTS(SELECT ...)} checks (run as TransactWriteItems, with its ClientRequestToken idempotency and
 * its TransactionCanceledException, whose reasons name a failed INSERT {@code DuplicateItem}).
 */
final class TransactionStatements implements OperationHandler {

    static final int MAX_STATEMENTS = 100;

    private final StatementPlanner planner;
    private final OperationCaller operations;

    TransactionStatements(StatementPlanner planner, OperationCaller operations) {
        this.planner = planner;
        this.operations = operations;
    }

    @Override
    public ObjectNode execute(String region, ObjectNode request) {
        JsonNode members = Json.array(request, "TransactStatements");
        String capacity = Json.text(request, "ReturnConsumedCapacity");
        String token = Json.text(request, "ClientRequestToken");
        Constraints constraints = new Constraints().notNull(members, "transactStatements")
                .oneOf(capacity, "returnConsumedCapacity", "INDEXES", "TOTAL", "NONE")
                .length(token, "clientRequestToken", 1, 36);
        constraints.size(members, "transactStatements", 1, MAX_STATEMENTS);
        List<String> onFailure = new ArrayList<>();
        if (members != null) {
            for (int i = 0; i < members.size(); i++) {
                String at = "transactStatements." + (i + 1) + ".member.";
                String text = Json.text(members.get(i), "Statement");
                String returnOnFailure = Json.text(members.get(i), "ReturnValuesOnConditionCheckFailure");
                constraints.notNull(text, at + "statement")
                        .length(text, at + "statement", 1, StatementParser.MAX_LENGTH)
                        .oneOf(returnOnFailure, at + "returnValuesOnConditionCheckFailure", "ALL_OLD", "NONE");
                constraints.size(Json.array(members.get(i), "Parameters"), at + "parameters", 1,
                        Integer.MAX_VALUE);
                onFailure.add(returnOnFailure);
            }
        }
        constraints.check();
        List<Statement> statements = new ArrayList<>();
        for (JsonNode member : members) {
            statements.add(StatementParser.parse(Json.text(member, "Statement"), Json.array(member, "Parameters")));
        }
        long reads = statements.stream().filter(Statement::reads).count();
        if (reads > 0 && reads < statements.size()) {
            throw StatementErrors.unsupported("A transaction must contain either all reads "
                    + "or all writes");
        }
        return reads > 0 ? read(region, statements, capacity) : write(region, statements, onFailure, capacity,
                token);
    }

    private ObjectNode read(String region, List<Statement> statements, String capacity) {
        ObjectNode body = PartiqlOperations.NODES.objectNode();
        ArrayNode items = body.putArray("TransactItems");
        for (Statement statement : statements) {
            items.addObject().set("Get", planner.pointGet(region, (Statement.Select) statement));
        }
        PartiqlOperations.putIfPresent(body, "ReturnConsumedCapacity", capacity);
        return operations.call(region, "TransactGetItems", body);
    }

    private ObjectNode write(String region, List<Statement> statements, List<String> onFailure, String capacity,
            String token) {
        ObjectNode body = PartiqlOperations.NODES.objectNode();
        ArrayNode items = body.putArray("TransactItems");
        for (int i = 0; i < statements.size(); i++) {
            ObjectNode item = planner.transactItem(region, statements.get(i));
            if (onFailure.get(i) != null) {
                ((ObjectNode) item.elements().next()).put("ReturnValuesOnConditionCheckFailure", onFailure.get(i));
            }
            items.add(item);
        }
        PartiqlOperations.putIfPresent(body, "ReturnConsumedCapacity", capacity);
        PartiqlOperations.putIfPresent(body, "ClientRequestToken", token);
        try {
            ObjectNode response = operations.call(region, "TransactWriteItems", body);
            return response == null ? PartiqlOperations.NODES.objectNode() : response;
        } catch (DynamoException e) {
            JsonNode reasons = e.details().get("CancellationReasons");
            if (reasons == null) {
                throw e;
            }
            throw canceled(statements, reasons);
        }
    }

    /** The TransactionCanceledException with a failed INSERT's reason as DynamoDB gives it: DuplicateItem. */
    private static DynamoException canceled(List<Statement> statements, JsonNode reasons) {
        ArrayNode rewritten = PartiqlOperations.NODES.arrayNode();
        StringJoiner codes = new StringJoiner(", ", "[", "]");
        Iterator<JsonNode> each = reasons.elements();
        for (Statement statement : statements) {
            ObjectNode reason = ((ObjectNode) each.next()).deepCopy();
            if (statement instanceof Statement.Insert && "ConditionalCheckFailed".equals(reason.path("Code")
                    .asText())) {
                DynamoException duplicate = PartiqlOperations.duplicateItem();
                reason.put("Code", "DuplicateItem");
                reason.put("Message", duplicate.getMessage());
                reason.remove("Item");
            }
            codes.add(reason.path("Code").asText());
            rewritten.add(reason);
        }
        return new Canceled("Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
                rewritten);
    }

    /** A TransactionCanceledException with the given reasons. */
    private static final class Canceled extends DynamoException {

        private final transient ArrayNode reasons;

        Canceled(String message, ArrayNode reasons) {
            super(DYNAMODB_NAMESPACE, "TransactionCanceledException", 400, message, null);
            this.reasons = reasons;
        }

        @Override
        public Map<String, JsonNode> details() {
            return Map.of("CancellationReasons", reasons.deepCopy());
        }
    }
}
