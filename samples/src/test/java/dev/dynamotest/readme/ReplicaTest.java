package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_AND_OLD_IMAGES)
class ReplicaTest {

    @Test
    void a_replica_in_another_region_receives_the_writes(Dynamo dynamo) {
        // begin replica
        DynamoDbClient us = dynamo.clientFor(Region.US_EAST_1);  // the table has a NEW_AND_OLD_IMAGES stream
        us.updateTable(r -> r.tableName("Orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        us.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"))));
        dynamo.replication().awaitQuiet();   // now A#1 is in eu-west-1 too
        // end replica
        assertThat(dynamo.table(Region.EU_WEST_1, "Orders")).containsItem(Key.of("pk", "A#1"));
    }
}
