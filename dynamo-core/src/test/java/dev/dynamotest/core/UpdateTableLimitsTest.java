package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class UpdateTableLimitsTest {

    private static final Instant MORNING = Instant.parse("2026-03-02T08:00:00Z");

    private final ControllableClock clock = new ControllableClock().freezeAt(MORNING);
    private LocalEndpoint endpoint;
    private DynamoDbClient client;

    private void start(Duration updateDelay) {
        endpoint = new LocalEndpoint(EngineConfig.builder().clock(clock).tableUpdateDelay(updateDelay).build());
        client = endpoint.client();
        client.createTable(r -> r.tableName("Orders").keySchema(key("pk", KeyType.HASH))
                .attributeDefinitions(attribute("pk"), attribute("status"))
                .provisionedThroughput(p -> p.readCapacityUnits(100L).writeCapacityUnits(100L))
                .globalSecondaryIndexes(g -> g.indexName("byStatus").keySchema(key("status", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .provisionedThroughput(p -> p.readCapacityUnits(100L).writeCapacityUnits(100L))));
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private void decreaseTableTo(long read) {
        client.updateTable(r -> r.tableName("Orders").provisionedThroughput(p -> p.readCapacityUnits(read)
                .writeCapacityUnits(100L)));
    }

    private ProvisionedThroughputDescription tableThroughput() {
        return client.describeTable(r -> r.tableName("Orders")).table().provisionedThroughput();
    }

    @Test
    void four_decreases_a_day_then_one_an_hour_and_the_count_restarts_at_midnight_utc() {
        start(Duration.ZERO);
        for (long read = 90; read >= 60; read -= 10) {
            decreaseTableTo(read);
        }
        assertThat(tableThroughput().numberOfDecreasesToday()).isEqualTo(4);
        assertThat(tableThroughput().lastDecreaseDateTime()).isEqualTo(MORNING);

        assertError(() -> decreaseTableTo(50), "LimitExceededException", "Subscriber limit exceeded: Provisioned "
                + "throughput decreases are limited within a given UTC day. After the first 4 decreases, each "
                + "subsequent decrease in the same UTC day can be performed at most once every 3600 seconds. Number "
                + "of decreases today: 4. Last decrease at Monday, March 2, 2026 at 8:00:00 AM Coordinated Universal "
                + "Time. Next decrease can be made at Monday, March 2, 2026 at 9:00:00 AM Coordinated Universal Time");
        client.updateTable(r -> r.tableName("Orders").provisionedThroughput(p -> p.readCapacityUnits(200L)
                .writeCapacityUnits(100L)));

        clock.advance(Duration.ofHours(1));
        decreaseTableTo(50);
        assertError(() -> decreaseTableTo(40), "LimitExceededException",
                "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. "
                + "After the first 4 decreases, each subsequent decrease in the same UTC day can be performed at most "
                + "once every 3600 seconds. Number of decreases today: 5. Last decrease at Monday, March 2, 2026 at "
                + "9:00:00 AM Coordinated Universal Time. Next decrease can be made at Monday, March 2, 2026 at "
                + "10:00:00 AM Coordinated Universal Time");

        clock.freezeAt(Instant.parse("2026-03-03T00:00:01Z"));
        assertThat(tableThroughput().numberOfDecreasesToday()).isZero();
        decreaseTableTo(40);
        assertThat(tableThroughput().numberOfDecreasesToday()).isEqualTo(1);
    }

    @Test
    void an_index_counts_its_decreases_apart_from_the_table_and_a_refused_request_changes_nothing() {
        start(Duration.ZERO);
        for (long read = 90; read >= 60; read -= 10) {
            decreaseTableTo(read);
        }
        GlobalSecondaryIndexUpdate indexDecrease = GlobalSecondaryIndexUpdate.builder().update(u -> u
                .indexName("byStatus").provisionedThroughput(p -> p.readCapacityUnits(100L).writeCapacityUnits(90L)))
                .build();

        assertError(() -> client.updateTable(r -> r.tableName("Orders").provisionedThroughput(p -> p
                .readCapacityUnits(50L).writeCapacityUnits(100L)).globalSecondaryIndexUpdates(indexDecrease)),
                "LimitExceededException", "Subscriber limit exceeded: Provisioned throughput decreases are limited "
                        + "within a given UTC day. After the first 4 decreases, each subsequent decrease in the same "
                        + "UTC day can be performed at most once every 3600 seconds. Number of decreases today: 4. "
                        + "Last decrease at Monday, March 2, 2026 at 8:00:00 AM Coordinated Universal Time. Next "
                        + "decrease can be made at Monday, March 2, 2026 at 9:00:00 AM Coordinated Universal Time");
        assertThat(index().writeCapacityUnits()).isEqualTo(100);

        client.updateTable(r -> r.tableName("Orders").globalSecondaryIndexUpdates(indexDecrease));
        assertThat(index().numberOfDecreasesToday()).isEqualTo(1);
        assertThat(index().writeCapacityUnits()).isEqualTo(90);
        assertThat(tableThroughput().numberOfDecreasesToday()).isEqualTo(4);
    }

    private ProvisionedThroughputDescription index() {
        return client.describeTable(r -> r.tableName("Orders")).table().globalSecondaryIndexes().get(0)
                .provisionedThroughput();
    }

    @Test
    void switching_to_on_demand_is_limited_to_4_times_in_a_rolling_24_hours() {
        start(Duration.ZERO);
        for (int i = 0; i < 4; i++) {
            client.updateTable(r -> r.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST));
            clock.advance(Duration.ofHours(1));
            client.updateTable(r -> r.tableName("Orders").billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().update(u -> u
                            .indexName("byStatus").provisionedThroughput(p -> p.readCapacityUnits(5L)
                                    .writeCapacityUnits(5L))).build()));
        }

        assertError(() -> client.updateTable(r -> r.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)),
                "LimitExceededException", "Subscriber limit exceeded: Update to PayPerRequest mode are limited to 4 "
                        + "times in 1 day(s). Last update at Mon Mar 02 11:00:00 UTC 2026. Next update can be made at "
                        + "Tue Mar 03 08:00:00 UTC 2026");
        clock.advance(Duration.ofHours(21));
        client.updateTable(r -> r.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST));
    }

    @Test
    void the_table_class_changes_at_most_twice_in_30_days() {
        start(Duration.ZERO);
        client.updateTable(r -> r.tableName("Orders").tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        client.updateTable(r -> r.tableName("Orders").tableClass(TableClass.STANDARD));

        assertError(() -> client.updateTable(r -> r.tableName("Orders")
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)), "LimitExceededException",
                "Updates to TableClass are limited to 2 times in 30 day(s).");
        clock.advance(Duration.ofDays(30));
        client.updateTable(r -> r.tableName("Orders").tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
    }

    @Test
    void a_table_stays_updating_for_the_configured_delay_and_refuses_a_second_update_meanwhile() {
        start(Duration.ofSeconds(20));
        decreaseTableTo(90);

        assertThat(client.describeTable(r -> r.tableName("Orders")).table().tableStatus())
                .isEqualTo(TableStatus.UPDATING);
        assertError(() -> decreaseTableTo(80), "ResourceInUseException", "Attempt to change a resource which is "
                + "still in use: Table: Orders is in the process of being updated.");

        clock.advance(Duration.ofSeconds(20));
        assertThat(client.describeTable(r -> r.tableName("Orders")).table().tableStatus())
                .isEqualTo(TableStatus.ACTIVE);
        decreaseTableTo(80);
    }
}
