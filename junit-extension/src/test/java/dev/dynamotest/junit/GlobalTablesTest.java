package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.core.regions.RegionOutage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@DynamoTest(region = "us-east-1")
@DynamoTablesFrom("cloudformation/global-orders.yaml")
class GlobalTablesTest {

    private static final Key A1 = Key.of("pk", "A#1");

    private static void put(DynamoDbClient client, String pk, String status) {
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS(pk),
                "status", AttributeValue.fromS(status))));
    }

    private static List<String> replicaRegions(DynamoDbClient client) {
        TableDescription table = client.describeTable(r -> r.tableName("Orders")).table();
        assertThat(table.globalTableVersion()).isEqualTo("2019.11.21");
        return table.replicas().stream().map(ReplicaDescription::regionName).toList();
    }

    /** A client for the application under test: fails at once instead of retrying, so it can fail over. */
    private static DynamoDbClient impatient(Dynamo dynamo, Region region) {
        return DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(region)
                .credentialsProvider(dynamo.client().serviceClientConfiguration().credentialsProvider())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    /** Writes to the first region that answers, as a failover client does. */
    private static String putWithFailover(List<DynamoDbClient> clients, String pk, String status) {
        for (DynamoDbClient client : clients) {
            try {
                put(client, pk, status);
                return client.serviceClientConfiguration().region().id();
            } catch (SdkException e) {
                // the region is down: try the next one
            }
        }
        throw new IllegalStateException("no region answers");
    }

    @Test
    void a_cloudformation_global_table_has_linked_replicas_in_every_region(Dynamo dynamo) {
        assertThat(replicaRegions(dynamo.client())).containsExactlyInAnyOrder("eu-west-1", "ap-southeast-2");
        assertThat(replicaRegions(dynamo.clientFor(Region.EU_WEST_1)))
                .containsExactlyInAnyOrder("us-east-1", "ap-southeast-2");
        assertThat(replicaRegions(dynamo.clientFor(Region.AP_SOUTHEAST_2)))
                .containsExactlyInAnyOrder("us-east-1", "eu-west-1");
    }

    @Test
    void writes_in_each_region_are_seen_in_the_others_after_await_quiet(Dynamo dynamo) {
        put(dynamo.client(), "A#1", "NEW");
        put(dynamo.clientFor(Region.EU_WEST_1), "B#1", "NEW");
        dynamo.asyncClientFor(Region.AP_SOUTHEAST_2).putItem(r -> r.tableName("Orders").item(Map.of(
                "pk", AttributeValue.fromS("C#1"), "status", AttributeValue.fromS("NEW")))).join();

        dynamo.replication().awaitQuiet();

        for (Region region : List.of(Region.US_EAST_1, Region.EU_WEST_1, Region.AP_SOUTHEAST_2)) {
            assertThat(dynamo.table(region, "Orders")).hasItemCount(3).containsItem(A1);
        }
        assertThat(dynamo.replication()).isCaughtUp();
    }

    @Test
    void paused_replication_gives_stale_reads_then_catches_up(Dynamo dynamo) {
        dynamo.replication().pause("Orders");
        put(dynamo.client(), "A#1", "NEW");

        assertThat(dynamo.table(Region.EU_WEST_1, "Orders")).doesNotContainItem(A1);
        assertThat(dynamo.clientFor(Region.EU_WEST_1).getItem(r -> r.tableName("Orders")
                .key(Map.of("pk", AttributeValue.fromS("A#1")))).hasItem()).isFalse();
        assertThatThrownBy(() -> assertThat(dynamo.replication()).isCaughtUp())
                .hasMessageContaining("2 changes wait to be delivered");

        dynamo.replication().resume("Orders");

        assertThat(dynamo.replication()).eventually().isCaughtUp();
        assertThat(dynamo.table(Region.EU_WEST_1, "Orders")).item(A1).hasAttribute("status", "NEW");
    }

    @Test
    void a_failover_client_keeps_working_through_an_outage_and_the_backlog_arrives_in_order(Dynamo dynamo) {
        List<DynamoDbClient> clients = List.of(impatient(dynamo, Region.US_EAST_1),
                impatient(dynamo, Region.EU_WEST_1));
        put(dynamo.client(), "A#1", "NEW");
        dynamo.replication().awaitQuiet();
        var streamBefore = dynamo.streamRecords("Orders");
        int recordsBefore = streamBefore.records().size();

        try (RegionOutage outage = dynamo.faults().regionOutage(Region.US_EAST_1, OutageMode.SERVER_ERROR)) {
            assertThat(putWithFailover(clients, "A#1", "PAID")).isEqualTo("eu-west-1");
            assertThat(putWithFailover(clients, "A#1", "SHIPPED")).isEqualTo("eu-west-1");
            assertThat(dynamo.table("Orders")).item(A1).hasAttribute("status", "NEW");
            assertThat(dynamo.table(Region.AP_SOUTHEAST_2, "Orders")).eventually().item(A1)
                    .hasAttribute("status", "SHIPPED");
        }

        dynamo.replication().awaitQuiet();
        assertThat(dynamo.table("Orders")).item(A1).hasAttribute("status", "SHIPPED");
        List<String> statuses = dynamo.streamRecords("Orders").records().stream().skip(recordsBefore)
                .map(StreamRecord::newImage).map(image -> image.get("status").toString()).toList();
        assertThat(statuses).hasSize(2);
        assertThat(statuses.get(0)).contains("PAID");
        assertThat(statuses.get(1)).contains("SHIPPED");
        clients.forEach(DynamoDbClient::close);
    }
}
