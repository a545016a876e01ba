package dev.dynamotest.core.internal.ops.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.schema.Times;
import dev.dynamotest.core.internal.schema.UpdateLimits;
import java.time.Instant;

/** A change of provisioned throughput: refuses a no-op and records the time of increases and decreases. */
final class ThroughputChange {

    private ThroughputChange() {
    }

    /**
     * The throughput after replacing {@code old} with {@code requested} (as {@link Throughputs#provisioned}
     * returns it); {@code target} is "table" or "index NAME".
     */
    static ObjectNode apply(JsonNode old, ObjectNode requested, String target, Instant now) {
        long oldRead = old.path("ReadCapacityUnits").asLong();
        long oldWrite = old.path("WriteCapacityUnits").asLong();
        long read = requested.path("ReadCapacityUnits").asLong();
        long write = requested.path("WriteCapacityUnits").asLong();
        if (oldRead == read && oldWrite == write) {
            String noun = target.startsWith("index") ? "index" : "table";
            throw DynamoException.validation("The provisioned throughput for the " + target + " will not change. "
                    + "The requested value equals the current value. Current ReadCapacityUnits provisioned for the "
                    + noun + ": " + oldRead + ". Requested ReadCapacityUnits: " + read + ". Current "
                    + "WriteCapacityUnits provisioned for the " + noun + ": " + oldWrite + ". Requested "
                    + "WriteCapacityUnits: " + write + ". Refer to the Amazon DynamoDB Developer Guide for current "
                    + "limits and how to request higher limits.");
        }
        ObjectNode pt = requested.deepCopy();
        copy(old, pt, "LastIncreaseDateTime");
        copy(old, pt, "LastDecreaseDateTime");
        int decreases = UpdateLimits.decreasesToday(old, now);
        boolean wasProvisioned = oldRead > 0 || oldWrite > 0;
        if (wasProvisioned && (read > oldRead || write > oldWrite)) {
            pt.put("LastIncreaseDateTime", Times.epochSeconds(now));
        }
        if (wasProvisioned && (read < oldRead || write < oldWrite)) {
            UpdateLimits.checkDecrease(old, now);
            pt.put("LastDecreaseDateTime", Times.epochSeconds(now));
            decreases++;
        }
        pt.put("NumberOfDecreasesToday", decreases);
        return pt;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }
}
