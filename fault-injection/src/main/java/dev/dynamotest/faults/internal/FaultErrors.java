package dev.dynamotest.faults.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.Operation;
import dev.dynamotest.core.requests.RequestJournal;
import dev.dynamotest.faults.ThrottleError;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The errors DynamoDB sends under stress, with its types, status codes, messages and extra members. */
public final class FaultErrors {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String ONGOING = "Transaction is ongoing for the item";

    private FaultErrors() {
    }

    /**
     * A throttling error whose ThrottlingReasons name the throttled table (or index) and whether reads or writes:
     * {@code {"reason": "TableWriteProvisionedThroughputExceeded", "resource": "arn:aws:dynamodb:...:table/Orders"}}.
     *
     * @param reason    a reason to send instead of the derived one, or {@code null}
     * @param table     the table to name, or {@code null} for the first the request names
     */
    public static DynamoException throttle(ThrottleError kind, DynamoRequest request, String table, String reason,
            String accountId) {
        String name = table != null ? table : RequestJournal.tablesOf(request.body()).stream().findFirst().orElse(null);
        String index = RequestJournal.indexOf(request.body());
        Operation operation = Operation.of(request.operation());
        String resourceType = index != null ? "Index" : "Table";
        String operationType = reads(operation, request.body()) ? "Read" : "Write";
        ArrayNode reasons = NODES.arrayNode();
        if (name != null) {
            String arn = "arn:aws:dynamodb:" + request.region() + ":" + accountId + ":table/" + name
                    + (index != null ? "/index/" + index : "");
            reasons.addObject().put("reason", reason != null ? reason : resourceType + operationType + limitOf(kind))
                    .put("resource", arn);
        }
        Map<String, JsonNode> details = reasons.isEmpty() ? Map.of() : Map.of("ThrottlingReasons", reasons);
        return new FaultException(DynamoException.DYNAMODB_NAMESPACE, kind.type(), 400, messageOf(kind), details);
    }

    /**
     * Whether the throttled request reads: by its operation, or for PartiQL by its statements (a SELECT reads; an
     * INSERT, UPDATE or DELETE writes, and a batch or transaction with one of them writes).
     */
    private static boolean reads(Operation operation, JsonNode body) {
        if (body == null) {
            return operation.readsItems();
        }
        return switch (operation) {
            case EXECUTE_STATEMENT -> isSelect(body.path("Statement"));
            case BATCH_EXECUTE_STATEMENT -> allSelect(body.path("Statements"));
            case EXECUTE_TRANSACTION -> allSelect(body.path("TransactStatements"));
            default -> operation.readsItems();
        };
    }

    private static boolean allSelect(JsonNode statements) {
        if (!statements.isArray() || statements.isEmpty()) {
            return false;
        }
        for (JsonNode statement : statements) {
            if (!isSelect(statement.path("Statement"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSelect(JsonNode statement) {
        return statement.isTextual() && statement.asText().stripLeading().regionMatches(true, 0, "SELECT", 0, 6);
    }

    /** What a rule that throttles with this error is called in the journal and in rule descriptions. */
    public static String describe(ThrottleError kind) {
        return switch (kind) {
            case PROVISIONED_THROUGHPUT_EXCEEDED -> "throttle";
            case THROTTLING_EXCEPTION -> "throttling exception";
            case REQUEST_LIMIT_EXCEEDED -> "request limit exceeded";
        };
    }

    /** The limit type that derived ThrottlingReasons name after the resource and operation types. */
    private static String limitOf(ThrottleError kind) {
        return switch (kind) {
            case PROVISIONED_THROUGHPUT_EXCEEDED -> "ProvisionedThroughputExceeded";
            case THROTTLING_EXCEPTION -> "MaxOnDemandThroughputExceeded";
            case REQUEST_LIMIT_EXCEEDED -> "AccountLimitExceeded";
        };
    }

    private static String messageOf(ThrottleError kind) {
        return switch (kind) {
            case PROVISIONED_THROUGHPUT_EXCEEDED -> "The level of configured provisioned throughput for the table was "
                    + "exceeded. Consider increasing your provisioning level with the UpdateTable API.";
            case THROTTLING_EXCEPTION -> "Throughput exceeds the current capacity of your table or index. DynamoDB is "
                    + "automatically scaling your table or index so please try again shortly. If exceptions persist, "
                    + "check if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
                    + "bp-partition-key-design.html";
            case REQUEST_LIMIT_EXCEEDED -> "Throughput exceeds the current throughput limit for your account. Please "
                    + "contact AWS Support at https://aws.amazon.com/support request a limit increase";
        };
    }

    /** DynamoDB's InternalServerError (HTTP 500). */
    public static DynamoException internalServerError() {
        return new FaultException(DynamoException.DYNAMODB_NAMESPACE, "InternalServerError", 500,
                "Internal server error", Map.of());
    }

    /** DynamoDB's ServiceUnavailable (HTTP 503). */
    public static DynamoException serviceUnavailable() {
        return new FaultException(DynamoException.DYNAMODB_NAMESPACE, "ServiceUnavailable", 503,
                "The service is currently unavailable or busy.", Map.of());
    }

    /**
     * A conflict with a transaction in flight: for TransactWriteItems and TransactGetItems a
     * TransactionCanceledException with the reason {@code TransactionConflict} for the actions on the table (all of
     * them when no table is given, {@code None} for the others); for other operations a TransactionConflictException.
     */
    public static DynamoException transactionConflict(DynamoRequest request, String table) {
        Operation operation = Operation.of(request.operation());
        JsonNode items = request.body() == null ? null : request.body().get("TransactItems");
        if ((operation == Operation.TRANSACT_WRITE_ITEMS || operation == Operation.TRANSACT_GET_ITEMS)
                && items != null && items.isArray() && !items.isEmpty()) {
            ArrayNode reasons = NODES.arrayNode();
            StringJoiner codes = new StringJoiner(", ", "[", "]");
            for (JsonNode action : items) {
                boolean conflicts = table == null || tablesOfAction(action).contains(table);
                ObjectNode reason = reasons.addObject();
                reason.put("Code", conflicts ? "TransactionConflict" : "None");
                if (conflicts) {
                    reason.put("Message", ONGOING);
                }
                codes.add(conflicts ? "TransactionConflict" : "None");
            }
            return new FaultException(DynamoException.DYNAMODB_NAMESPACE, "TransactionCanceledException", 400,
                    "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
                    Map.of("CancellationReasons", reasons));
        }
        return new FaultException(DynamoException.DYNAMODB_NAMESPACE, "TransactionConflictException", 400, ONGOING,
                Map.of());
    }

    /** TransactionInProgressException: a transaction with the same ClientRequestToken is still being handled. */
    public static DynamoException transactionInProgress() {
        return new FaultException(DynamoException.DYNAMODB_NAMESPACE, "TransactionInProgressException", 400,
                "Transaction with the given request token is already in progress.", Map.of());
    }

    private static List<String> tablesOfAction(JsonNode action) {
        ObjectNode wrapper = NODES.objectNode();
        wrapper.putArray("TransactItems").add(action);
        return RequestJournal.tablesOf(wrapper);
    }
}
