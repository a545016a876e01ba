package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The settings that the replicas of a global table (version 2019.11.21) share, changed through any replica, and
 * those that stay each replica's own.
 */
class GlobalTableSettingsTest {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final ControllableClock CLOCK = new ControllableClock();
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());
    private static DynamoEngine engine;
    private static DynamoDbClient us;
    private static DynamoDbClient eu;

    @BeforeAll
    static void start() {
        engine = endpoint.server().engine();
        us = endpoint.client(Region.US_EAST_1);
        eu = endpoint.client(Region.EU_WEST_1);
    }

    @AfterEach
    void reset() {
        engine.replication().reset();
        CLOCK.reset();
    }

    private static String globalTable(BillingMode mode) {
        String name = "Settings" + TABLES.incrementAndGet();
        us.createTable(r -> {
            r.tableName(name).billingMode(mode).keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            if (mode == BillingMode.PROVISIONED) {
                r.provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L));
            }
        });
        us.updateTable(r -> r.tableName(name).replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        return name;
    }

    private static void put(DynamoDbClient client, String table, String pk, AttributeValue score) {
        client.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk), "score", score)));
    }

    private static TableDescription describe(DynamoDbClient client, String table) {
        return client.describeTable(r -> r.tableName(table)).table();
    }

    private static List<String> indexNames(TableDescription table) {
        return table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).toList();
    }

    @Test
    void an_index_created_in_one_replica_is_created_and_backfilled_in_every_replica() {
        String table = globalTable(BillingMode.PAY_PER_REQUEST);
        put(us, table, "a", AttributeValue.fromN("7"));
        engine.replication().awaitQuiet();

        eu.updateTable(r -> r.tableName(table)
                .attributeDefinitions(attribute("pk"), attribute("score", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byScore")
                        .keySchema(key("score", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL)))));

        assertThat(indexNames(describe(us, table))).containsExactly("byScore");
        assertThat(describe(us, table).replicas()).singleElement().satisfies(replica ->
                assertThat(replica.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("byScore"));
        assertThat(us.query(r -> r.tableName(table).indexName("byScore").keyConditionExpression("score = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromN("7")))).items())
                .extracting(i -> i.get("pk").s()).containsExactly("a");
        assertError(() -> put(us, table, "b", AttributeValue.fromS("high")), "ValidationException",
                "One or more parameter values were invalid: Type mismatch for Index Key score Expected: N Actual: S "
                        + "IndexName: byScore");
    }

    @Test
    void an_index_deleted_in_one_replica_is_deleted_in_every_replica() {
        String table = globalTable(BillingMode.PAY_PER_REQUEST);
        us.updateTable(r -> r.tableName(table)
                .attributeDefinitions(attribute("pk"), attribute("score", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byScore")
                        .keySchema(key("score", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL)))));
        assertThat(indexNames(describe(eu, table))).containsExactly("byScore");

        eu.updateTable(r -> r.tableName(table).globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byScore"))));

        assertThat(describe(us, table).hasGlobalSecondaryIndexes()).isFalse();
        put(us, table, "b", AttributeValue.fromS("high"));
    }

    @Test
    void write_capacity_and_billing_mode_apply_to_every_replica_read_capacity_to_one() {
        String table = globalTable(BillingMode.PROVISIONED);

        eu.updateTable(r -> r.tableName(table).provisionedThroughput(p -> p.readCapacityUnits(10L)
                .writeCapacityUnits(20L)));

        assertThat(describe(eu, table).provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
        assertThat(describe(eu, table).provisionedThroughput().writeCapacityUnits()).isEqualTo(20L);
        assertThat(describe(us, table).provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(describe(us, table).provisionedThroughput().writeCapacityUnits()).isEqualTo(20L);

        us.updateTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST));

        assertThat(describe(eu, table).billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void the_write_capacity_of_an_index_applies_to_every_replica_its_read_capacity_to_one() {
        String table = globalTable(BillingMode.PROVISIONED);
        us.updateTable(r -> r.tableName(table)
                .attributeDefinitions(attribute("pk"), attribute("score", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byScore")
                        .keySchema(key("score", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL))
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)))));

        eu.updateTable(r -> r.tableName(table).globalSecondaryIndexUpdates(u -> u.update(i -> i.indexName("byScore")
                .provisionedThroughput(p -> p.readCapacityUnits(8L).writeCapacityUnits(9L)))));

        var usIndex = describe(us, table).globalSecondaryIndexes().get(0).provisionedThroughput();
        var euIndex = describe(eu, table).globalSecondaryIndexes().get(0).provisionedThroughput();
        assertThat(usIndex.readCapacityUnits()).isEqualTo(5L);
        assertThat(usIndex.writeCapacityUnits()).isEqualTo(9L);
        assertThat(euIndex.readCapacityUnits()).isEqualTo(8L);
        assertThat(euIndex.writeCapacityUnits()).isEqualTo(9L);
    }

    @Test
    void the_on_demand_maximum_write_throughput_applies_to_every_replica_the_read_one_to_one() {
        String table = globalTable(BillingMode.PAY_PER_REQUEST);

        us.updateTable(r -> r.tableName(table).onDemandThroughput(o -> o.maxReadRequestUnits(100L)
                .maxWriteRequestUnits(50L)));

        assertThat(describe(eu, table).onDemandThroughput().maxWriteRequestUnits()).isEqualTo(50L);
        assertThat(describe(eu, table).onDemandThroughput().maxReadRequestUnits()).isEqualTo(-1L);
        assertThat(describe(us, table).onDemandThroughput().maxReadRequestUnits()).isEqualTo(100L);
    }

    @Test
    void warm_throughput_applies_to_every_replica() {
        String table = globalTable(BillingMode.PAY_PER_REQUEST);

        eu.updateTable(r -> r.tableName(table).warmThroughput(w -> w.readUnitsPerSecond(15000L)
                .writeUnitsPerSecond(6000L)));

        assertThat(describe(us, table).warmThroughput().writeUnitsPerSecond()).isEqualTo(6000L);
        assertThat(describe(us, table).warmThroughput().readUnitsPerSecond()).isEqualTo(15000L);
    }

    @Test
    void time_to_live_enabled_in_one_replica_applies_to_every_replica_and_one_deletes_for_all() {
        String table = globalTable(BillingMode.PAY_PER_REQUEST);
        CLOCK.freeze();

        eu.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));

        assertThat(us.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.ENABLED);
        us.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("old"),
                "expires", AttributeValue.fromN(String.valueOf(CLOCK.now().getEpochSecond() + 60)))));
        engine.replication().awaitQuiet();
        CLOCK.advance(Duration.ofSeconds(61));

        assertThat(engine.ttl().sweepNow()).isEqualTo(1);
        engine.replication().awaitQuiet();

        assertThat(us.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("old")))).hasItem())
                .isFalse();
        assertThat(eu.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("old")))).hasItem())
                .isFalse();
    }

    @Test
    void a_new_replica_gets_the_time_to_live_of_the_table() {
        String table = "Settings" + TABLES.incrementAndGet();
        us.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST).keySchema(key("pk", KeyType.HASH))
                .attributeDefinitions(attribute("pk"))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        us.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));

        us.updateTable(r -> r.tableName(table).replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));

        assertThat(eu.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription().attributeName())
                .isEqualTo("expires");
    }

    @Test
    void table_class_deletion_protection_and_tags_stay_with_their_replica() {
        String table = globalTable(BillingMode.PAY_PER_REQUEST);
        String euArn = describe(eu, table).tableArn();

        eu.updateTable(r -> r.tableName(table).tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        eu.updateTable(r -> r.tableName(table).deletionProtectionEnabled(true));
        eu.tagResource(r -> r.resourceArn(euArn).tags(Tag.builder().key("team").value("eu").build()));

        TableDescription usTable = describe(us, table);
        assertThat(describe(eu, table).tableClassSummary().tableClass())
                .isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(usTable.tableClassSummary() == null ? TableClass.STANDARD
                : usTable.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD);
        assertThat(describe(eu, table).deletionProtectionEnabled()).isTrue();
        assertThat(usTable.deletionProtectionEnabled()).isFalse();
        assertThat(us.listTagsOfResource(r -> r.resourceArn(usTable.tableArn())).tags()).isEmpty();
        assertThat(usTable.replicas()).singleElement().satisfies(replica ->
                assertThat(replica.replicaTableClassSummary().tableClass())
                        .isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS));
    }
}
