package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@DynamoTable(name = "Sessions", partitionKey = "id")
class PointInTimeTest {

    @Test
    void restores_the_table_as_it_was_and_expires_items(Dynamo dynamo, DynamoDbClient client) {
        ControllableClock clock = dynamo.clock();
        // begin restore
        clock.freeze();
        client.updateTimeToLive(r -> r.tableName("Sessions")
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expiresAt")));
        client.updateContinuousBackups(r -> r.tableName("Sessions")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        client.putItem(r -> r.tableName("Sessions").item(Map.of("id", AttributeValue.fromS("s-1"),
                "expiresAt", AttributeValue.fromN(Long.toString(clock.now().plusSeconds(300).getEpochSecond())))));
        Instant before = clock.now();
        clock.advance(Duration.ofMinutes(10));       // s-1 expires
        client.restoreTableToPointInTime(r -> r.sourceTableName("Sessions")
                .targetTableName("Sessions_restored").restoreDateTime(before));
        dynamo.ttl().sweepNow();                     // engine.ttl().sweepNow() on an engine of your own
        assertThat(dynamo.table("Sessions_restored")).matchesTableAt("Sessions", before);
        assertThat(dynamo.table("Sessions")).isEmpty();
        // end restore
    }
}
