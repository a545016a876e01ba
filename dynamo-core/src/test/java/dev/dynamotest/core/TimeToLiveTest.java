package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/** Time to live through the SDK on a frozen engine clock: settings, expiry, the sweep and its stream records. */
class TimeToLiveTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final ControllableClock CLOCK = new ControllableClock().freezeAt(T0);
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
    }

    private static void enable(String table, String attribute) {
        client.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(s -> s.enabled(true)
                .attributeName(attribute)));
    }

    private static void put(String table, String pk, AttributeValue expiresAt) {
        client.putItem(r -> r.tableName(table).item(expiresAt == null
                ? Map.of("pk", AttributeValue.fromS(pk), "user", AttributeValue.fromS("u1"))
                : Map.of("pk", AttributeValue.fromS(pk), "user", AttributeValue.fromS("u1"), "expiresAt", expiresAt)));
    }

    private static AttributeValue epoch(Instant time) {
        return AttributeValue.fromN(Long.toString(time.getEpochSecond()));
    }

    private static boolean exists(String table, String pk) {
        return client.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk)))).hasItem();
    }

    private static TimeToLiveDescription describe(String table) {
        return client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
    }

    @Test
    void items_expire_as_the_clock_passes_their_ttl_and_leave_as_service_removals() {
        CLOCK.freezeAt(T0);
        String streamArn = client.createTable(r -> r.tableName("Sessions").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"), attribute("user"))
                .globalSecondaryIndexes(g -> g.indexName("byUser").keySchema(key("user", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
        enable("Sessions", "expiresAt");
        put("Sessions", "soon", epoch(T0.plusSeconds(60)));
        put("Sessions", "later", epoch(T0.plus(Duration.ofHours(2))));
        put("Sessions", "text", AttributeValue.fromS(Long.toString(T0.getEpochSecond())));
        put("Sessions", "ancient", epoch(T0.minus(Duration.ofDays(6 * 365))));
        put("Sessions", "none", null);

        CLOCK.advance(Duration.ofSeconds(61));
        assertThat(exists("Sessions", "soon")).as("expired, not yet swept").isTrue();
        List<String> live = client.scan(r -> r.tableName("Sessions").filterExpression("#t > :now")
                        .expressionAttributeNames(Map.of("#t", "expiresAt"))
                        .expressionAttributeValues(Map.of(":now", epoch(CLOCK.now())))).items().stream()
                .map(i -> i.get("pk").s()).toList();
        assertThat(live).containsExactly("later");

        CLOCK.advance(Duration.ofSeconds(10));
        assertThat(exists("Sessions", "soon")).isFalse();
        assertThat(client.query(r -> r.tableName("Sessions").indexName("byUser").keyConditionExpression("#u = :u")
                        .expressionAttributeNames(Map.of("#u", "user"))
                        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS("u1")))).count())
                .isEqualTo(4);

        CLOCK.advance(Duration.ofHours(2));
        assertThat(exists("Sessions", "later")).isFalse();
        assertThat(client.scan(r -> r.tableName("Sessions")).items()).extracting(i -> i.get("pk").s())
                .containsExactlyInAnyOrder("text", "ancient", "none");

        List<Record> removals = endpoint.streamRecords(streamArn).stream()
                .filter(r -> r.eventName() == OperationType.REMOVE).toList();
        assertThat(removals).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("soon", "later");
        assertThat(removals).allSatisfy(r -> {
            assertThat(r.userIdentity().type()).isEqualTo("Service");
            assertThat(r.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
            assertThat(r.dynamodb().oldImage()).containsKey("expiresAt");
        });
    }

    @Test
    void sweep_now_deletes_expired_items_without_waiting_for_the_delay() {
        CLOCK.freezeAt(T0);
        endpoint.createTable("Carts", null);
        enable("Carts", "expiresAt");
        put("Carts", "stale", epoch(T0.minusSeconds(1)));
        put("Carts", "fresh", epoch(T0.plusSeconds(30)));
        DynamoEngine engine = endpoint.server().engine();

        assertThat(engine.ttl().sweepDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(engine.ttl().sweepNow()).isEqualTo(1);
        assertThat(engine.tables().get("us-east-1", "Carts").items()).extracting(i -> i.get("pk"))
                .containsExactly(new dev.dynamotest.core.model.AttributeValue.S("fresh"));
        assertThat(engine.changes().since(0)).filteredOn(c -> c.tableName().equals("Carts"))
                .last().satisfies(c -> {
                    assertThat(c.eventName()).isEqualTo("REMOVE");
                    assertThat(c.origin()).isEqualTo("ttl");
                });
    }

    @Test
    void a_table_without_ttl_keeps_expired_items() {
        CLOCK.freezeAt(T0);
        endpoint.createTable("Forever", null);
        put("Forever", "old", epoch(T0.minusSeconds(100)));
        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(endpoint.server().engine().ttl().sweepNow()).isZero();
        assertThat(exists("Forever", "old")).isTrue();
    }

    @Test
    void describes_and_changes_the_setting_as_dynamodb_does() {
        CLOCK.freezeAt(T0);
        endpoint.createTable("Leases", null);
        assertThat(describe("Leases").timeToLiveStatusAsString()).isEqualTo("DISABLED");
        assertThat(describe("Leases").attributeName()).isNull();
        assertError(() -> client.updateTimeToLive(r -> r.tableName("Leases").timeToLiveSpecification(s -> s
                .enabled(false).attributeName("expiresAt"))), "ValidationException", "TimeToLive is already disabled");

        var spec = client.updateTimeToLive(r -> r.tableName("Leases").timeToLiveSpecification(s -> s.enabled(true)
                .attributeName("expiresAt"))).timeToLiveSpecification();
        assertThat(spec.enabled()).isTrue();
        assertThat(spec.attributeName()).isEqualTo("expiresAt");
        assertThat(describe("Leases").timeToLiveStatusAsString()).isEqualTo("ENABLED");
        assertThat(describe("Leases").attributeName()).isEqualTo("expiresAt");
        assertError(() -> enable("Leases", "expiresAt"), "ValidationException", "TimeToLive is already enabled");
        assertError(() -> enable("Leases", "other"), "ValidationException",
                "TimeToLive is active on a different AttributeName: current AttributeName is expiresAt");
        assertError(() -> client.updateTimeToLive(r -> r.tableName("Leases").timeToLiveSpecification(s -> s
                        .enabled(false).attributeName("expiresAt"))), "ValidationException",
                "Time to live has been modified multiple times within a fixed interval");

        CLOCK.advance(Duration.ofHours(1));
        client.updateTimeToLive(r -> r.tableName("Leases").timeToLiveSpecification(s -> s.enabled(false)
                .attributeName("expiresAt")));
        assertThat(describe("Leases").timeToLiveStatusAsString()).isEqualTo("DISABLING");
        assertThat(describe("Leases").attributeName()).isEqualTo("expiresAt");
        assertError(() -> enable("Leases", "expiresAt"), "ValidationException",
                "Time to live has been modified multiple times within a fixed interval");
        CLOCK.advance(Duration.ofHours(1));
        assertThat(describe("Leases").timeToLiveStatusAsString()).isEqualTo("DISABLED");
        enable("Leases", "validUntil");
        assertThat(describe("Leases").attributeName()).isEqualTo("validUntil");
    }

    @Test
    void refuses_bad_settings() {
        CLOCK.freezeAt(T0);
        endpoint.createTable("Checked", null);
        assertError(() -> enable("Checked", ""), "ValidationException", "1 validation error detected: Value '' at "
                + "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length "
                + "greater than or equal to 1");
        assertError(() -> client.updateTimeToLive(r -> r.tableName("Checked").timeToLiveSpecification(s -> s
                        .enabled(true))), "ValidationException", "1 validation error detected: Value null at "
                + "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null");
        assertError(() -> client.updateTimeToLive(r -> r.tableName("Checked").timeToLiveSpecification(s -> s
                        .attributeName("x"))), "ValidationException", "1 validation error detected: Value null at "
                + "'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null");
        assertError(() -> client.updateTimeToLive(r -> r.tableName("Checked")), "ValidationException",
                "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: "
                        + "Member must not be null");
        assertError(() -> enable("Missing", "x"), "ResourceNotFoundException",
                "Requested resource not found: Table: Missing not found");
        assertError(() -> client.describeTimeToLive(r -> r.tableName("Missing")), "ResourceNotFoundException",
                "Requested resource not found: Table: Missing not found");
    }
}
