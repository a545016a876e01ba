package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.Operation;
import dev.dynamotest.core.regions.RegionOutage;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk")
@DynamoTable(name = "Orders", partitionKey = "pk", region = "eu-west-1")
class OutageJournalTest {

    @Test
    void writes_to_europe_while_us_east_1_is_down(Dynamo dynamo) {
        Map<String, AttributeValue> order = Map.of("pk", AttributeValue.fromS("A#1"));
        try (RegionOutage outage = dynamo.faults().regionOutage(Region.US_EAST_1)) {
            assertThatThrownBy(() -> dynamo.client().putItem(r -> r.tableName("Orders").item(order)))
                    .isInstanceOf(InternalServerErrorException.class);
            dynamo.clientFor(Region.EU_WEST_1).putItem(r -> r.tableName("Orders").item(order));
        }

        assertThat(dynamo.requests())
                .hasErrors("InternalServerError", 9)      // the SDK's nine attempts, all made in the outage
                .hasFaults(9)
                .filteredOnRegion(Region.EU_WEST_1)
                .hasCount(Operation.PUT_ITEM, 1)
                .allSucceeded();
    }
}
