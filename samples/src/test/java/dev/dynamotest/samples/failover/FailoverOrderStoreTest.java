package dev.dynamotest.samples.failover;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.regions.RegionOutage;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTablesFrom;
import dev.dynamotest.junit.DynamoTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoTest(region = "us-east-1")
@DynamoTablesFrom("failover/orders.yaml")
class FailoverOrderStoreTest {

    private List<DynamoDbClient> clients;
    private FailoverOrderStore store;

    /** The application's clients give up after one retry, so that it fails over quickly. */
    @BeforeEach
    void connect(Dynamo dynamo) {
        clients = List.of(client(dynamo, Region.US_EAST_1), client(dynamo, Region.EU_WEST_1));
        store = new FailoverOrderStore(clients, "Orders");
    }

    @AfterEach
    void close() {
        clients.forEach(DynamoDbClient::close);
    }

    private static DynamoDbClient client(Dynamo dynamo, Region region) {
        return DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(region)
                .credentialsProvider(dynamo.client().serviceClientConfiguration().credentialsProvider())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(2)))
                .build();
    }

    @Test
    void works_in_the_preferred_region_and_replicates_to_the_other(Dynamo dynamo) {
        store.save("o-1", "NEW");
        dynamo.replication().awaitQuiet();

        assertThat(store.activeRegion()).isEqualTo("us-east-1");
        assertThat(dynamo.table(Region.EU_WEST_1, "Orders")).item(Key.of("orderId", "o-1"))
                .hasAttribute("status", "NEW");
    }

    @Test
    void keeps_reading_and_writing_through_an_outage_of_the_preferred_region(Dynamo dynamo) {
        store.save("o-1", "NEW");
        dynamo.replication().awaitQuiet();

        try (RegionOutage outage = dynamo.faults().regionOutage(Region.US_EAST_1, OutageMode.SERVER_ERROR)) {
            assertThat(store.status("o-1")).contains("NEW");
            assertThat(store.activeRegion()).isEqualTo("eu-west-1");
            store.save("o-1", "PAID");
            store.save("o-2", "NEW");
            assertThat(store.status("o-1")).contains("PAID");
            assertThat(dynamo.table("Orders")).item(Key.of("orderId", "o-1")).hasAttribute("status", "NEW");
        }

        dynamo.replication().awaitQuiet();
        assertThat(dynamo.table("Orders")).hasItemCount(2)
                .item(Key.of("orderId", "o-1")).hasAttribute("status", "PAID");
    }

    @Test
    void reads_stale_data_in_the_other_region_while_replication_is_paused(Dynamo dynamo) {
        dynamo.replication().pause("Orders");
        store.save("o-1", "NEW");

        assertThat(dynamo.table(Region.EU_WEST_1, "Orders")).doesNotContainItem(Key.of("orderId", "o-1"));
        assertThat(dynamo.replication()).hasLagAtMost(java.time.Duration.ofSeconds(5));

        dynamo.replication().resume("Orders");
        assertThat(dynamo.replication()).eventually().isCaughtUp();
        assertThat(dynamo.table(Region.EU_WEST_1, "Orders")).containsItem(Key.of("orderId", "o-1"));
    }
}
