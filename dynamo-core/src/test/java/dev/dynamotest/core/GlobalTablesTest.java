package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.core.model.TableStream;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.regions.RegionOutage;
import dev.dynamotest.core.support.LocalEndpoint;
import dev.dynamotest.core.tables.Table;
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
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class GlobalTablesTest {

    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";
    private static final String AP = "ap-southeast-2";
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final ControllableClock CLOCK = new ControllableClock();
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());
    private static DynamoEngine engine;
    private static DynamoDbClient us;
    private static DynamoDbClient eu;
    private static DynamoDbClient ap;

    @BeforeAll
    static void start() {
        engine = endpoint.server().engine();
        us = endpoint.client(Region.US_EAST_1);
        eu = endpoint.client(Region.EU_WEST_1);
        ap = endpoint.client(Region.AP_SOUTHEAST_2);
    }

    @AfterEach
    void reset() {
        engine.replication().reset();
        engine.regions().endOutages();
        CLOCK.reset();
    }

    private static String globalTable(String... replicaRegions) {
        String name = "Global" + TABLES.incrementAndGet();
        us.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        for (String region : replicaRegions) {
            us.updateTable(r -> r.tableName(name).replicaUpdates(u -> u.create(c -> c.regionName(region))));
        }
        return name;
    }

    private static void put(DynamoDbClient client, String table, String pk, String value) {
        client.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk),
                "value", AttributeValue.fromS(value))));
    }

    private static String value(DynamoDbClient client, String table, String pk) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(pk)))).item();
        return item == null || item.isEmpty() ? null : item.get("value").s();
    }

    private static List<String> regionsOf(TableDescription table) {
        return table.replicas().stream().map(ReplicaDescription::regionName).toList();
    }

    @Test
    void creates_a_replica_backfilled_with_the_existing_items() {
        String table = globalTable();
        put(us, table, "a", "1");
        put(us, table, "b", "2");

        TableDescription updated = us.updateTable(r -> r.tableName(table)
                .replicaUpdates(u -> u.create(c -> c.regionName(EU)))).tableDescription();

        assertThat(updated.globalTableVersion()).isEqualTo("2019.11.21");
        assertThat(updated.replicas()).singleElement().satisfies(replica -> {
            assertThat(replica.regionName()).isEqualTo(EU);
            assertThat(replica.replicaStatus()).isEqualTo(ReplicaStatus.CREATING);
        });
        TableDescription inEu = eu.describeTable(r -> r.tableName(table)).table();
        assertThat(inEu.globalTableVersion()).isEqualTo("2019.11.21");
        assertThat(regionsOf(inEu)).containsExactly(US);
        assertThat(inEu.replicas().get(0).replicaStatus()).isEqualTo(ReplicaStatus.ACTIVE);
        assertThat(inEu.tableArn()).isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/" + table);
        assertThat(inEu.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(eu.scan(r -> r.tableName(table)).count()).isEqualTo(2);
        assertThat(regionsOf(us.describeTable(r -> r.tableName(table)).table())).containsExactly(EU);
    }

    @Test
    void replicates_writes_made_in_any_of_three_regions_to_the_others() {
        String table = globalTable(EU, AP);
        assertThat(regionsOf(ap.describeTable(r -> r.tableName(table)).table())).containsExactlyInAnyOrder(US, EU);

        put(us, table, "a", "from us");
        put(eu, table, "b", "from eu");
        put(ap, table, "c", "from ap");
        engine.replication().awaitQuiet();
        eu.updateItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("a")))
                .updateExpression("SET #v = :v").expressionAttributeNames(Map.of("#v", "value"))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("changed in eu"))));
        ap.deleteItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("b"))));
        engine.replication().awaitQuiet();

        for (DynamoDbClient client : List.of(us, eu, ap)) {
            assertThat(value(client, table, "a")).isEqualTo("changed in eu");
            assertThat(value(client, table, "b")).isNull();
            assertThat(value(client, table, "c")).isEqualTo("from ap");
        }
        assertThat(engine.replication().isCaughtUp()).isTrue();
        assertThat(engine.replication().lag()).isZero();
    }

    @Test
    void replicates_batches_and_transactions_item_by_item() {
        String table = globalTable(EU);

        us.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(Map.of(
                        "pk", AttributeValue.fromS("x"), "value", AttributeValue.fromS("batch")))).build()))));
        us.transactWriteItems(r -> r.transactItems(
                t -> t.put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("y"),
                        "value", AttributeValue.fromS("tx")))),
                t -> t.put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("z"),
                        "value", AttributeValue.fromS("tx"))))));
        engine.replication().awaitQuiet();

        assertThat(value(eu, table, "x")).isEqualTo("batch");
        assertThat(value(eu, table, "y")).isEqualTo("tx");
        assertThat(value(eu, table, "z")).isEqualTo("tx");
    }

    @Test
    void concurrent_writes_converge_to_the_later_one_everywhere() {
        String table = globalTable(EU);
        engine.replication().pause(table);
        CLOCK.freeze();

        put(eu, table, "k", "earlier in eu");
        CLOCK.advance(Duration.ofMillis(5));
        put(us, table, "k", "later in us");
        CLOCK.advance(Duration.ofMillis(5));
        put(us, table, "j", "earlier in us");
        CLOCK.advance(Duration.ofMillis(5));
        put(eu, table, "j", "later in eu");
        engine.replication().resume(table).awaitQuiet();

        assertThat(value(us, table, "k")).isEqualTo("later in us");
        assertThat(value(eu, table, "k")).isEqualTo("later in us");
        assertThat(value(us, table, "j")).isEqualTo("later in eu");
        assertThat(value(eu, table, "j")).isEqualTo("later in eu");
    }

    @Test
    void writes_of_the_same_instant_settle_on_one_region_everywhere() {
        String table = globalTable(EU);
        CLOCK.freeze();
        put(us, table, "k", "first");
        engine.replication().awaitQuiet();
        put(eu, table, "k", "second, same instant");
        engine.replication().awaitQuiet();
        assertThat(value(us, table, "k")).isEqualTo("second, same instant");

        engine.replication().pause();
        put(eu, table, "k", "eu");
        put(us, table, "k", "us");
        engine.replication().resume().awaitQuiet();

        assertThat(value(eu, table, "k")).isEqualTo(value(us, table, "k")).isEqualTo("us");
    }

    @Test
    void paused_replication_gives_stale_reads_then_catches_up() {
        String table = globalTable(EU);
        engine.replication().pause(table, US, EU);

        put(us, table, "a", "new");
        put(eu, table, "b", "other way");

        assertThatThrownBy(() -> engine.replication().awaitQuiet())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Replication cannot become quiet: 1 change(s) of " + table
                        + " us-east-1 -> eu-west-1 is paused");
        assertThat(value(eu, table, "a")).isNull();
        assertThat(value(us, table, "b")).isEqualTo("other way");
        assertThat(engine.replication().isCaughtUp()).isFalse();

        engine.replication().resume(table, US, EU).awaitQuiet();
        assertThat(value(eu, table, "a")).isEqualTo("new");
    }

    @Test
    void a_delay_holds_changes_until_the_clock_passes_it() {
        String table = globalTable(EU);
        CLOCK.freezeAt(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        engine.replication().delay(Duration.ofSeconds(2));

        put(us, table, "a", "slow");
        CLOCK.advance(Duration.ofSeconds(1));

        assertThat(engine.replication().lag()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> engine.replication().awaitQuiet())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the clock is frozen");
        assertThat(value(eu, table, "a")).isNull();

        CLOCK.advance(Duration.ofSeconds(1));
        engine.replication().awaitQuiet();
        assertThat(value(eu, table, "a")).isEqualTo("slow");
    }

    @Test
    void a_region_outage_fails_its_requests_and_holds_replication_until_it_ends() {
        String table = globalTable(EU);
        put(us, table, "before", "1");
        engine.replication().awaitQuiet();

        try (RegionOutage outage = engine.regions().outage(US, OutageMode.SERVER_ERROR);
                DynamoDbClient once = DynamoDbClient.builder().endpointOverride(endpoint.endpoint())
                        .region(Region.US_EAST_1).credentialsProvider(us.serviceClientConfiguration()
                                .credentialsProvider())
                        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                        .build()) {
            assertThatThrownBy(() -> value(once, table, "before"))
                    .isInstanceOf(DynamoDbException.class)
                    .satisfies(e -> assertThat(((DynamoDbException) e).statusCode()).isEqualTo(500));
            put(eu, table, "during", "1");
            put(eu, table, "during", "2");
            assertThat(value(eu, table, "before")).isEqualTo("1");
            assertThatThrownBy(() -> engine.replication().awaitQuiet())
                    .hasMessageContaining("region us-east-1 is down");
        }

        engine.replication().awaitQuiet();
        assertThat(value(us, table, "during")).isEqualTo("2");
        assertThat(value(us, table, "before")).isEqualTo("1");
    }

    @Test
    void deleting_a_replica_leaves_the_others() {
        String table = globalTable(EU, AP);

        us.updateTable(r -> r.tableName(table).replicaUpdates(u -> u.delete(d -> d.regionName(EU))));

        assertThat(eu.listTables().tableNames()).doesNotContain(table);
        assertThat(regionsOf(us.describeTable(r -> r.tableName(table)).table())).containsExactly(AP);
        assertThat(regionsOf(ap.describeTable(r -> r.tableName(table)).table())).containsExactly(US);
        put(ap, table, "a", "still replicated");
        engine.replication().awaitQuiet();
        assertThat(value(us, table, "a")).isEqualTo("still replicated");

        ap.deleteTable(r -> r.tableName(table));
        TableDescription alone = us.describeTable(r -> r.tableName(table)).table();
        assertThat(alone.replicas()).isEmpty();
        assertThat(alone.globalTableVersion()).isNull();
    }

    @Test
    void rejects_replicas_that_cannot_be_created_or_deleted() {
        String table = globalTable(EU);

        assertError(() -> us.updateTable(r -> r.tableName(table)
                        .replicaUpdates(u -> u.create(c -> c.regionName(EU)))), "ValidationException",
                "One or more parameter values were invalid: Replica already exists in region eu-west-1 for table "
                        + table);
        assertError(() -> us.updateTable(r -> r.tableName(table)
                        .replicaUpdates(u -> u.delete(c -> c.regionName(AP)))), "ValidationException",
                "One or more parameter values were invalid: Replica does not exist in region ap-southeast-2 for "
                        + "table " + table);
        ap.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk")));
        assertError(() -> us.updateTable(r -> r.tableName(table)
                        .replicaUpdates(u -> u.create(c -> c.regionName(AP)))), "ValidationException",
                "Failed to create a the new replica of table with name: '" + table
                        + "' because one or more replicas already existed as tables.");
    }

    @Test
    void replicated_writes_appear_in_the_replica_stream() {
        String table = globalTable(EU);
        put(us, table, "a", "1");
        engine.replication().awaitQuiet();

        String arn = eu.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        var records = engine.tableStreams().records(arn);

        assertThat(arn).startsWith("arn:aws:dynamodb:eu-west-1:");
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.eventName()).isEqualTo("INSERT");
            assertThat(record.origin()).isEqualTo("replication");
            assertThat(record.region()).isEqualTo(EU);
        });
    }

    @Test
    void a_ttl_deletion_reaches_the_replicas_as_an_ordinary_delete() {
        String table = globalTable(EU);
        us.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
        CLOCK.freeze();
        String expires = String.valueOf(CLOCK.now().getEpochSecond() + 60);
        us.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("old"),
                "expires", AttributeValue.fromN(expires))));
        engine.replication().awaitQuiet();
        assertThat(eu.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("old")))).hasItem())
                .isTrue();

        CLOCK.advance(Duration.ofSeconds(61));
        engine.ttl().sweepNow();
        engine.replication().awaitQuiet();

        assertThat(eu.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("old")))).hasItem())
                .isFalse();
        Table replica = engine.tables().get(US, table).in(EU);
        assertThat(replica.region()).isEqualTo(EU);
        assertThat(replica.itemCount()).isZero();
        assertThatThrownBy(() -> replica.in(AP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no table " + table + " in " + AP);
        StreamRecord usRemove = lastRecord(US, table);
        StreamRecord euRemove = lastRecord(EU, table);
        assertThat(usRemove.eventName()).isEqualTo("REMOVE");
        assertThat(usRemove.byTimeToLive()).isTrue();
        assertThat(euRemove.eventName()).isEqualTo("REMOVE");
        assertThat(euRemove.byTimeToLive()).isFalse();
    }

    private static StreamRecord lastRecord(String region, String table) {
        TableStream stream = engine.tableStreams().latest(region, table).orElseThrow();
        List<StreamRecord> records = engine.tableStreams().records(stream.streamArn());
        return records.get(records.size() - 1);
    }
}
