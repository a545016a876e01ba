package dev.dynamotest.core.requests;

import dev.dynamotest.core.Door;
import dev.dynamotest.core.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One request the engine received, as the request journal keeps it: when, where, what, which attempt of which
 * SDK call, how it ended, how long it took and which door it came through.
 *
 * @param number        the request's number, from 1: in {@link RequestJournal#all()} since the journal began, in
 *                      {@link RequestJournal#since(long)} after the mark (in a {@code @DynamoTest}, within the test
 *                      method, as its assertions' messages and failure report number it)
 * @param time          the engine clock's time when the request arrived
 * @param region        the region the request was signed for
 * @param operation     the operation ({@link Operation#UNKNOWN} for a name outside the APIs)
 * @param tables        the tables the request names (TableName, RequestItems, TransactItems, a table ARN, an
 *                      Application Auto Scaling ResourceId)
 * @param index         the IndexName of a Query or Scan, or {@code null}
 * @param attempt       the SDK's attempt number from the {@code amz-sdk-request} header ({@code attempt=N}), 0 if absent
 * @param maxAttempts   the SDK's maximum attempts from that header ({@code max=M}), 0 if absent
 * @param invocationId  the {@code amz-sdk-invocation-id} header, the same for every attempt of one call, or {@code null}
 * @param statusCode    the HTTP status of the answer (200 on success); 0 when the connection was dropped
 * @param errorType     the error type ({@code ProvisionedThroughputExceededException}, ...), or {@code null} on success
 * @param errorMessage  the error's message, or {@code null}
 * @param latency       the time the engine took to answer, injected delays included
 * @param fault         what fault shaped the answer: a fault rule ({@code "throttle"}, {@code "latency 200 ms"},
 *                      ...) or a region outage ({@code "region outage (SERVER_ERROR)"}); {@code null} if none did
 * @param door          the door it came through: {@link Door#HTTP}, {@link Door#IN_PROCESS}, {@link Door#DAX} (a
 *                      DAX call that missed DAX's caches; a cache hit never reaches the engine) or
 *                      {@link Door#ENGINE}; {@link RequestJournal#record} notes {@link Door#HTTP}
 */
public record RecordedRequest(long number, Instant time, String region, Operation operation, List<String> tables,
        String index, int attempt, int maxAttempts, String invocationId, int statusCode, String errorType,
        String errorMessage, Duration latency, String fault, Door door) {

    /** The error type of a request whose connection was dropped without an answer. */
    public static final String CONNECTION_DROPPED = "ConnectionDropped";

    public RecordedRequest {
        tables = List.copyOf(tables);
        door = door == null ? Door.ENGINE : door;
    }

    /** A request that came through the engine's own door ({@link Door#ENGINE}), as before doors were recorded. */
    public RecordedRequest(long number, Instant time, String region, Operation operation, List<String> tables,
            String index, int attempt, int maxAttempts, String invocationId, int statusCode, String errorType,
            String errorMessage, Duration latency, String fault) {
        this(number, time, region, operation, tables, index, attempt, maxAttempts, invocationId, statusCode,
                errorType, errorMessage, latency, fault, Door.ENGINE);
    }

    /** Whether the request was answered without an error. */
    public boolean succeeded() {
        return errorType == null;
    }

    /** Whether it ended in an error (or a dropped connection). */
    public boolean failed() {
        return errorType != null;
    }

    /** Whether a fault (a fault rule or a region outage) shaped the answer. */
    public boolean faulted() {
        return fault != null;
    }

    /** Whether the SDK sent it as a retry (attempt 2 or later). */
    public boolean isRetry() {
        return attempt > 1;
    }

    /** Whether the request names that table. */
    public boolean touches(String table) {
        return tables.contains(table);
    }

    /** {@code OK}, or the error type and message. */
    public String outcome() {
        if (succeeded()) {
            return "OK";
        }
        return errorMessage == null || errorMessage.isEmpty() ? errorType : errorType + ": " + errorMessage;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("#").append(number).append(' ').append(operation.apiName());
        if (!tables.isEmpty()) {
            out.append(' ').append(String.join(",", tables));
        }
        if (index != null) {
            out.append('/').append(index);
        }
        out.append(" (").append(region);
        if (attempt > 0) {
            out.append(", attempt ").append(attempt);
        }
        out.append(") ").append(succeeded() ? "OK" : errorType);
        if (fault != null) {
            out.append(" [fault: ").append(fault).append(']');
        }
        return out.toString();
    }
}
