package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.readme.OrderImport.orders;

import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk", readCapacity = 5, writeCapacity = 5,
        stream = DynamoTable.StreamView.NEW_AND_OLD_IMAGES)
class ReplicaAutoScalingTest {

    @Test
    void replicas_scale_their_write_units_together(Dynamo dynamo) {
        DynamoDbClient us = dynamo.clientFor(Region.US_EAST_1);
        DynamoDbClient eu = dynamo.clientFor(Region.EU_WEST_1);
        us.updateTable(r -> r.tableName("Orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        dynamo.clock().freeze();
        // begin scaling
        us.updateTableReplicaAutoScaling(r -> r.tableName("Orders").provisionedWriteCapacityAutoScalingUpdate(u -> u
                .minimumUnits(5L).maximumUnits(100L)
                .scalingPolicyUpdate(p -> p.targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0)))));
        for (int minute = 0; minute < 2; minute++) {     // two minutes of writes at 100% of the units, in either region
            new OrderImport(minute == 0 ? us : eu).run(orders(3, 100));   // 300 write units
            dynamo.clock().advance(Duration.ofMinutes(1));
        }
        assertThat(eu.describeTable(r -> r.tableName("Orders")).table().provisionedThroughput().writeCapacityUnits())
                .isEqualTo(us.describeTable(r -> r.tableName("Orders")).table().provisionedThroughput().writeCapacityUnits())
                .isEqualTo(10L);
        // end scaling
    }
}
