package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.dynamotest.assertions.Key;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.StreamHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_AND_OLD_IMAGES)
class StreamHandlerTest {

    /** What the handler under test does with a batch: here, it keeps the new orders' keys. */
    static final class Projection {
        final List<String> orders = new ArrayList<>();

        void apply(DynamodbEvent event) {
            event.getRecords().forEach(r -> orders.add(r.getDynamodb().getKeys().get("pk").getS()));
        }
    }

    private final Projection projection = new Projection();

    // begin handler
    @Test
    void projects_orders(DynamoDbClient client, Dynamo dynamo) {
        StreamHandler handler = dynamo.streams().onTable("Orders")
                .batchSize(10).maximumRetryAttempts(2).bisectBatchOnFunctionError(true)
                .filter("{\"eventName\": [\"INSERT\"]}")
                .onFailureDestination("arn:aws:sqs:us-east-1:000000000000:orders-dlq")
                .handler(event -> projection.apply(event));

        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"))));
        dynamo.streams().awaitQuiet();

        assertThat(handler).hasNoFailures().processed(Key.of("pk", "A#1"));
    }
    // end handler
}
