package dev.dynamotest.assertions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The invocation record Lambda sends to an event source mapping's on-failure destination (an SQS queue or
 * SNS topic) when it discards a batch of stream records: which records, why, and how often they were tried.
 * The records themselves are not in it, as in Lambda; read them from the stream by their sequence numbers.
 *
 * @param destination            the destination's ARN
 * @param condition              {@code RetryAttemptsExhausted} or {@code RecordAgeExceeded}
 * @param approximateInvokeCount how often the batch was given to the function
 * @param functionError          {@code Unhandled} when the last invocation failed, {@code null} when none was made
 */
public record OnFailureRecord(String destination, String requestId, String functionArn, String condition,
        int approximateInvokeCount, String functionError, Instant timestamp, String shardId,
        String startSequenceNumber, String endSequenceNumber, Instant approximateArrivalOfFirstRecord,
        Instant approximateArrivalOfLastRecord, int batchSize, String streamArn) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The record as the JSON message Lambda sends. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode request = root.putObject("requestContext");
        request.put("requestId", requestId);
        request.put("functionArn", functionArn);
        request.put("condition", condition);
        request.put("approximateInvokeCount", approximateInvokeCount);
        if (functionError != null) {
            ObjectNode response = root.putObject("responseContext");
            response.put("statusCode", 200);
            response.put("executedVersion", "$LATEST");
            response.put("functionError", functionError);
        }
        root.put("version", "1.0");
        root.put("timestamp", MILLIS.format(timestamp));
        ObjectNode batch = root.putObject("DDBStreamBatchInfo");
        batch.put("shardId", shardId);
        batch.put("startSequenceNumber", startSequenceNumber);
        batch.put("endSequenceNumber", endSequenceNumber);
        batch.put("approximateArrivalOfFirstRecord", approximateArrivalOfFirstRecord.toString());
        batch.put("approximateArrivalOfLastRecord", approximateArrivalOfLastRecord.toString());
        batch.put("batchSize", batchSize);
        batch.put("streamArn", streamArn);
        return root.toString();
    }
}
