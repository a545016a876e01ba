package dev.dynamotest.samples.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A stream handler, deployed as a Lambda function on the Orders table's stream, that keeps a derived table up to
 * date: the number of orders of each customer. A new order adds one, a deleted order takes one away. It reports
 * the first record it could not apply (a partial batch response), so Lambda retries from there and does not
 * apply the earlier records twice.
 */
public final class OrderCountProjection {

    private final DynamoDbClient client;
    private final String countsTable;

    public OrderCountProjection(DynamoDbClient client, String countsTable) {
        this.client = client;
        this.countsTable = countsTable;
    }

    /** Applies a batch of the Orders stream; the response names the record to retry from, if any. */
    public StreamsEventResponse handle(DynamodbEvent event) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                apply(record);
            } catch (SdkException e) {
                return new StreamsEventResponse(List.of(
                        new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
            }
        }
        return new StreamsEventResponse();
    }

    private void apply(DynamodbEvent.DynamodbStreamRecord record) {
        int delta = switch (record.getEventName()) {
            case "INSERT" -> 1;
            case "REMOVE" -> -1;
            default -> 0;
        };
        if (delta == 0) {
            return;
        }
        String customerId = record.getDynamodb().getKeys().get("customerId").getS();
        client.updateItem(UpdateItemRequest.builder()
                .tableName(countsTable)
                .key(Map.of("customerId", AttributeValue.fromS(customerId)))
                .updateExpression("ADD orderCount :delta")
                .expressionAttributeValues(Map.of(":delta", AttributeValue.fromN(Integer.toString(delta))))
                .build());
    }
}
