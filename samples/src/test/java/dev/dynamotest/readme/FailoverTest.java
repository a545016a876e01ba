package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.regions.RegionOutage;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTablesFrom;
import dev.dynamotest.junit.DynamoTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest(region = "us-east-1")
@DynamoTablesFrom("failover/orders.yaml")   // AWS::DynamoDB::GlobalTable with replicas us-east-1 and eu-west-1
class FailoverTest {
    @Test
    void eu_takes_the_writes_while_us_is_down(Dynamo dynamo) {
        try (RegionOutage outage = dynamo.faults().regionOutage(Region.US_EAST_1, OutageMode.SERVER_ERROR)) {
            dynamo.clientFor(Region.EU_WEST_1).putItem(r -> r.tableName("Orders")
                    .item(Map.of("orderId", AttributeValue.fromS("A#1"))));
        }
        dynamo.replication().awaitQuiet();
        assertThat(dynamo.table("Orders")).containsItem(Key.of("orderId", "A#1"));
    }
}
