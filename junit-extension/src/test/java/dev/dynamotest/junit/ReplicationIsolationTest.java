package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.core.regions.OutageMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ReplicationIsolationTest {

    @Test
    void each_method_starts_with_replication_running_and_without_the_backlog_of_the_one_before() {
        assertAllPassed(run(ResetBetweenMethods.class), 2);
    }

    @Test
    void a_replica_a_test_added_is_gone_in_the_next_test() {
        assertAllPassed(run(ReplicaAddedByATest.class), 2);
    }

    static void put(DynamoDbClient client, String pk) {
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS(pk))));
    }

    @DynamoTest(region = "us-east-1")
    @DynamoTablesFrom("cloudformation/global-orders.yaml")
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class ResetBetweenMethods {
        @Test
        void a_leaves_replication_paused_delayed_and_a_region_down(Dynamo dynamo) {
            dynamo.replication().pause().delay(Duration.ofHours(1));
            put(dynamo.client(), "A#1");
            dynamo.faults().regionOutage(Region.EU_WEST_1, OutageMode.SERVICE_UNAVAILABLE);
            assertThat(dynamo.replication().isCaughtUp()).isFalse();
        }

        @Test
        void b_starts_clean(Dynamo dynamo) {
            assertThat(dynamo.replication()).isCaughtUp();
            assertThat(dynamo.engine().regions().isDown("eu-west-1")).isFalse();
            assertThat(dynamo.replication().delayOf("Orders")).isZero();

            put(dynamo.clientFor(Region.EU_WEST_1), "B#1");
            dynamo.replication().awaitQuiet();

            assertThat(dynamo.table("Orders")).hasItemCount(1).containsItem(Key.of("pk", "B#1"));
        }
    }

    @DynamoTest(region = "us-east-1")
    @DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_AND_OLD_IMAGES)
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class ReplicaAddedByATest {
        @Test
        void a_adds_a_replica(Dynamo dynamo) {
            dynamo.client().updateTable(r -> r.tableName("Orders")
                    .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
            put(dynamo.client(), "A#1");
            dynamo.replication().awaitQuiet();
            assertThat(dynamo.table(Region.EU_WEST_1, "Orders")).containsItem(Key.of("pk", "A#1"));
        }

        @Test
        void b_has_a_plain_table_again(Dynamo dynamo) {
            assertThat(dynamo.clientFor(Region.EU_WEST_1).listTables().tableNames()).isEmpty();
            assertThat(dynamo.client().describeTable(r -> r.tableName("Orders")).table().hasReplicas()).isFalse();
        }
    }
}
