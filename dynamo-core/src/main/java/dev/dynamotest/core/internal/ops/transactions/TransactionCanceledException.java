package dev.dynamotest.core.internal.ops.transactions;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * DynamoDB's TransactionCanceledException: a transaction wrote nothing, and {@link #cancellationReasons()}
 * says why for every action, in request order ({@code None} for the actions that would have succeeded).
 */
public final class TransactionCanceledException extends DynamoException {

    private final transient ArrayNode reasons;

    private TransactionCanceledException(String message, ArrayNode reasons) {
        super(DYNAMODB_NAMESPACE, "TransactionCanceledException", 400, message, null);
        this.reasons = reasons;
    }

    /** The exception for the failures of a transaction's actions ({@code null} where an action succeeded). */
    public static TransactionCanceledException of(List<DynamoException> failures) {
        ArrayNode reasons = NODES.arrayNode();
        StringJoiner codes = new StringJoiner(", ", "[", "]");
        for (DynamoException failure : failures) {
            ObjectNode reason = reasons.addObject();
            String code = code(failure);
            reason.put("Code", code);
            codes.add(code);
            if (failure != null) {
                reason.put("Message", failure.getMessage());
                if (failure.item() != null) {
                    reason.set("Item", AttributeValueJson.encodeItem(failure.item()));
                }
            }
        }
        return new TransactionCanceledException(
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes, reasons);
    }

    private static String code(DynamoException failure) {
        if (failure == null) {
            return "None";
        }
        return switch (failure.type()) {
            case "ConditionalCheckFailedException" -> "ConditionalCheckFailed";
            case "ValidationException" -> "ValidationError";
            case "ThrottlingException" -> "ThrottlingError";
            default -> failure.type().replaceAll("Exception$", "");
        };
    }

    /** The CancellationReasons member: one {@code {Code, Message, Item}} per action. */
    public ArrayNode cancellationReasons() {
        return reasons.deepCopy();
    }

    @Override
    public Map<String, JsonNode> details() {
        return Map.of("CancellationReasons", cancellationReasons());
    }
}
