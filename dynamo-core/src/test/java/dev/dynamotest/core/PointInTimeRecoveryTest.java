package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.support.LocalEndpoint;
import dev.dynamotest.core.tables.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.InvalidRestoreTimeException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Point-in-time recovery through the SDK, on a frozen engine clock: the window, restores, and bad inputs. */
class PointInTimeRecoveryTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final ControllableClock CLOCK = new ControllableClock().freezeAt(T0);
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
    }

    private static Instant now() {
        return CLOCK.now();
    }

    private static void at(Instant time) {
        CLOCK.freezeAt(time);
    }

    private static void put(String table, String pk, String value) {
        client.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk),
                "v", AttributeValue.fromS(value))));
    }

    private static Map<String, String> contents(String table) {
        Map<String, String> items = new TreeMap<>();
        client.scan(r -> r.tableName(table)).items().forEach(i -> items.put(i.get("pk").s(), i.get("v").s()));
        return items;
    }

    private static void enable(String table) {
        client.updateContinuousBackups(r -> r.tableName(table)
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    }

    private static void restore(String source, String target, Instant time) {
        client.restoreTableToPointInTime(r -> r.sourceTableName(source).targetTableName(target).restoreDateTime(time));
    }

    @Test
    void restores_to_three_different_seconds_as_three_different_tables() {
        at(T0);
        endpoint.createTable("History", null);
        enable("History");
        at(T0.plusSeconds(10));
        put("History", "a", "1");
        at(T0.plusSeconds(20));
        put("History", "b", "1");
        at(T0.plusSeconds(30));
        put("History", "a", "2");
        at(T0.plusSeconds(40));
        client.deleteItem(r -> r.tableName("History").key(Map.of("pk", AttributeValue.fromS("b"))));
        at(T0.plusSeconds(50));
        put("History", "c", "1");
        at(T0.plus(Duration.ofMinutes(10)));

        restore("History", "History_15", T0.plusSeconds(15));
        restore("History", "History_30", T0.plusSeconds(30));
        restore("History", "History_45", T0.plusSeconds(45));
        client.restoreTableToPointInTime(r -> r.sourceTableName("History").targetTableName("History_latest")
                .useLatestRestorableTime(true));

        assertThat(contents("History_15")).isEqualTo(Map.of("a", "1"));
        assertThat(contents("History_30")).isEqualTo(Map.of("a", "2", "b", "1"));
        assertThat(contents("History_45")).isEqualTo(Map.of("a", "2"));
        assertThat(contents("History_latest")).isEqualTo(Map.of("a", "2", "c", "1"));
        assertThat(contents("History")).isEqualTo(Map.of("a", "2", "c", "1"));
    }

    @Test
    void restores_to_the_earliest_restorable_time_as_described_in_whole_milliseconds() {
        Instant enabledAt = T0.plus(Duration.ofDays(3)).plusNanos(123_456_789);
        at(enabledAt);
        endpoint.createTable("Precise", null);
        put("Precise", "a", "1");
        enable("Precise");
        at(enabledAt.plus(Duration.ofMinutes(10)));
        Instant earliest = client.describeContinuousBackups(r -> r.tableName("Precise")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().earliestRestorableDateTime();
        assertThat(earliest).as("the wire carries milliseconds").isEqualTo(enabledAt.truncatedTo(ChronoUnit.MILLIS));

        restore("Precise", "Precise_earliest", earliest);
        restore("Precise", "Precise_clock", enabledAt);

        assertThat(contents("Precise_earliest")).isEqualTo(Map.of("a", "1"));
        assertThat(contents("Precise_clock")).isEqualTo(Map.of("a", "1"));
        Instant justBefore = earliest.minusMillis(1);
        assertThatThrownBy(() -> restore("Precise", "Precise_before", justBefore))
                .isInstanceOf(InvalidRestoreTimeException.class);
    }

    @Test
    void describes_the_window_on_the_engine_clock() {
        at(T0);
        endpoint.createTable("Window", null);
        ContinuousBackupsDescription before = client.describeContinuousBackups(r -> r.tableName("Window"))
                .continuousBackupsDescription();
        assertThat(before.continuousBackupsStatusAsString()).isEqualTo("DISABLED");
        assertThat(before.pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("DISABLED");
        assertThat(before.pointInTimeRecoveryDescription().earliestRestorableDateTime()).isNull();

        at(T0.plusSeconds(60));
        ContinuousBackupsDescription enabled = client.updateContinuousBackups(r -> r.tableName("Window")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(2)))
                .continuousBackupsDescription();
        assertThat(enabled.continuousBackupsStatusAsString()).isEqualTo("ENABLED");
        assertThat(enabled.pointInTimeRecoveryDescription().recoveryPeriodInDays()).isEqualTo(2);

        at(T0.plus(Duration.ofHours(1)));
        var pitr = client.describeContinuousBackups(r -> r.tableName("Window")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
        assertThat(pitr.pointInTimeRecoveryStatusAsString()).isEqualTo("ENABLED");
        assertThat(pitr.earliestRestorableDateTime()).isEqualTo(T0.plusSeconds(60));
        assertThat(pitr.latestRestorableDateTime()).isEqualTo(T0.plus(Duration.ofMinutes(55)));

        at(T0.plus(Duration.ofDays(3)));
        pitr = client.describeContinuousBackups(r -> r.tableName("Window")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
        assertThat(pitr.earliestRestorableDateTime()).isEqualTo(T0.plus(Duration.ofDays(1)));

        client.updateContinuousBackups(r -> r.tableName("Window")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false)));
        assertThat(client.describeContinuousBackups(r -> r.tableName("Window")).continuousBackupsDescription()
                .continuousBackupsStatusAsString()).isEqualTo("DISABLED");
    }

    @Test
    void a_restored_table_keeps_indexes_and_billing_but_not_streams_and_says_where_it_came_from() {
        at(T0);
        String arn = client.createTable(r -> r.tableName("Indexed").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"), attribute("status"))
                .globalSecondaryIndexes(g -> g.indexName("byStatus").keySchema(key("status", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                .tableDescription().tableArn();
        enable(arn);
        at(T0.plusSeconds(5));
        client.putItem(r -> r.tableName("Indexed").item(Map.of("pk", AttributeValue.fromS("o1"),
                "status", AttributeValue.fromS("NEW"))));
        at(T0.plus(Duration.ofMinutes(6)));

        TableDescription response = client.restoreTableToPointInTime(r -> r.sourceTableArn(arn)
                .targetTableName("Indexed_restored").restoreDateTime(T0.plusSeconds(5))).tableDescription();

        assertThat(response.tableStatusAsString()).isEqualTo("CREATING");
        assertThat(response.restoreSummary().restoreInProgress()).isTrue();
        TableDescription described = client.describeTable(r -> r.tableName("Indexed_restored")).table();
        assertThat(described.restoreSummary().sourceTableArn()).isEqualTo(arn);
        assertThat(described.restoreSummary().restoreDateTime()).isEqualTo(T0.plusSeconds(5));
        assertThat(described.restoreSummary().restoreInProgress()).isFalse();
        assertThat(described.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(described.streamSpecification()).isNull();
        assertThat(described.itemCount()).isEqualTo(1);
        assertThat(client.query(r -> r.tableName("Indexed_restored").indexName("byStatus")
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("NEW")))).count()).isEqualTo(1);
        assertThat(client.describeContinuousBackups(r -> r.tableName("Indexed_restored"))
                .continuousBackupsDescription().continuousBackupsStatusAsString()).isEqualTo("DISABLED");
    }

    @Test
    void overrides_billing_and_indexes() {
        at(T0);
        client.createTable(r -> r.tableName("Overridden").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"), attribute("status"))
                .globalSecondaryIndexes(g -> g.indexName("byStatus").keySchema(key("status", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        enable("Overridden");
        at(T0.plus(Duration.ofMinutes(6)));

        client.restoreTableToPointInTime(r -> r.sourceTableName("Overridden").targetTableName("Overridden_copy")
                .useLatestRestorableTime(true).billingModeOverride(BillingMode.PROVISIONED)
                .provisionedThroughputOverride(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L))
                .globalSecondaryIndexOverride(List.of()));

        TableDescription described = client.describeTable(r -> r.tableName("Overridden_copy")).table();
        assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(3);
        assertThat(described.provisionedThroughput().writeCapacityUnits()).isEqualTo(4);
        assertThat(described.globalSecondaryIndexes()).isEmpty();
        assertThat(described.attributeDefinitions()).extracting(a -> a.attributeName()).containsExactly("pk");
    }

    @Test
    void refuses_bad_restores() {
        at(T0);
        endpoint.createTable("Plain", null);
        endpoint.createTable("Protected", null);
        enable("Protected");
        at(T0.plus(Duration.ofMinutes(10)));

        assertError(() -> restore("Plain", "Plain_copy", T0.plusSeconds(1)), "PointInTimeRecoveryUnavailableException",
                "Point in time recovery is not enabled for table 'Plain'");
        assertError(() -> restore("Missing", "Missing_copy", T0.plusSeconds(1)), "TableNotFoundException",
                "Table not found: Missing");
        assertError(() -> restore("Protected", "Plain", T0.plusSeconds(1)), "TableAlreadyExistsException",
                "Table already exists: Plain");
        assertError(() -> restore("Protected", "Protected_copy", T0.minusSeconds(1)), "InvalidRestoreTimeException",
                "Invalid restore time specified: 2024-05-01T09:59:59Z. RestoreDateTime must be between "
                        + "2024-05-01T10:00:00Z and 2024-05-01T10:05:00Z");
        assertError(() -> restore("Protected", "Protected_copy", T0.plus(Duration.ofMinutes(6))),
                "InvalidRestoreTimeException", "Invalid restore time specified: 2024-05-01T10:06:00Z. RestoreDateTime "
                        + "must be between 2024-05-01T10:00:00Z and 2024-05-01T10:05:00Z");
        assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("Protected")
                        .targetTableName("Protected_copy")), "ValidationException",
                "Either RestoreDateTime or UseLatestRestorableTime must be specified");
        assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("Protected")
                        .targetTableName("Protected_copy").useLatestRestorableTime(true).restoreDateTime(T0)),
                "ValidationException", "Only one of RestoreDateTime or UseLatestRestorableTime can be specified");
        assertError(() -> client.restoreTableToPointInTime(r -> r.targetTableName("Protected_copy")
                        .useLatestRestorableTime(true)), "ValidationException",
                "Either source table name or source table arn must be specified");
        assertError(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("Protected")
                        .targetTableName("x").useLatestRestorableTime(true)), "ValidationException",
                "1 validation error detected: Value 'x' at 'targetTableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3");
        assertThat(client.listTables().tableNames()).doesNotContain("Protected_copy", "Plain_copy");
    }

    @Test
    void refuses_bad_continuous_backup_updates() {
        at(T0);
        endpoint.createTable("Settings", null);
        assertError(() -> client.updateContinuousBackups(r -> r.tableName("Settings")
                        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)
                                .recoveryPeriodInDays(36))), "ValidationException",
                "1 validation error detected: Value '36' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' "
                        + "failed to satisfy constraint: Member must have value less than or equal to 35");
        assertError(() -> client.updateContinuousBackups(r -> r.tableName("Settings")), "ValidationException",
                "1 validation error detected: Value null at 'pointInTimeRecoverySpecification' failed to satisfy "
                        + "constraint: Member must not be null");
        assertError(() -> client.updateContinuousBackups(r -> r.tableName("Settings")
                        .pointInTimeRecoverySpecification(s -> s.recoveryPeriodInDays(3))), "ValidationException",
                "1 validation error detected: Value null at "
                        + "'pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled' failed to satisfy constraint: "
                        + "Member must not be null");
        assertError(() -> client.updateContinuousBackups(r -> r.tableName("Nowhere")
                        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))),
                "TableNotFoundException", "Table not found: Nowhere");
        assertError(() -> client.describeContinuousBackups(r -> r.tableName("Nowhere")), "TableNotFoundException",
                "Table not found: Nowhere");
    }

    @Test
    void items_at_an_instant_are_known_from_the_last_reset_on() {
        at(T0);
        endpoint.createTable("Reset", null);
        at(T0.plusSeconds(1));
        put("Reset", "a", "1");
        at(T0.plusSeconds(2));
        put("Reset", "b", "1");
        Table table = endpoint.server().engine().tables().get("us-east-1", "Reset");

        assertThat(table.itemsAt(T0.plusSeconds(1))).extracting(i -> i.get("pk"))
                .containsExactly(new dev.dynamotest.core.model.AttributeValue.S("a"));

        at(T0.plusSeconds(3));
        table.truncate();
        at(T0.plusSeconds(4));
        put("Reset", "c", "1");
        assertThat(table.itemsAt(T0.plusSeconds(3))).isEmpty();
        assertThat(table.itemsAt(T0.plusSeconds(4))).hasSize(1);
        assertThatThrownBy(() -> table.itemsAt(T0.plusSeconds(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the items of table Reset are known from 2024-05-01T10:00:03Z on");
    }
}
