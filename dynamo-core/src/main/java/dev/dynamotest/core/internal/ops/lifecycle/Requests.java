package dev.dynamotest.core.internal.ops.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.ops.EngineContext;
import dev.dynamotest.core.internal.ops.TableNames;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.storage.TableMeta;
import java.math.BigDecimal;
import java.time.Instant;

/** Request reading shared by the lifecycle operations: tables named by name or ARN, and timestamps. */
final class Requests {

    private Requests() {
    }

    /** The table the parameter names, or the TableNotFoundException of the backup operations. */
    static TableMeta table(EngineContext ctx, String region, String nameOrArn) {
        TableNames.check(nameOrArn);
        try {
            return TableNames.resolve(ctx, region, nameOrArn);
        } catch (DynamoException e) {
            if (!"ResourceNotFoundException".equals(e.type())) {
                throw e;
            }
            throw tableNotFound(nameOrArn);
        }
    }

    static DynamoException tableNotFound(String nameOrArn) {
        String name = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
        return new DynamoException("TableNotFoundException", "Table not found: " + name);
    }

    /** A timestamp member (epoch seconds, with a fraction), or {@code null} when absent. */
    static Instant time(JsonNode request, String field) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal seconds;
        if (node.isNumber()) {
            seconds = node.decimalValue();
        } else if (node.isTextual()) {
            try {
                seconds = new BigDecimal(node.textValue());
            } catch (NumberFormatException e) {
                throw Json.unexpected(node, "timestamp");
            }
        } else {
            throw Json.unexpected(node, "timestamp");
        }
        BigDecimal nanos = seconds.movePointRight(9);
        try {
            return Instant.ofEpochSecond(0, nanos.longValueExact());
        } catch (ArithmeticException | java.time.DateTimeException e) {
            try {
                return Instant.ofEpochSecond(seconds.longValueExact());
            } catch (ArithmeticException | java.time.DateTimeException beyondInstants) {
                return seconds.signum() < 0 ? Instant.MIN : Instant.MAX;
            }
        }
    }
}
