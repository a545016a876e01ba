package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** On-demand backups through the SDK: create, describe, list with filters and pages, delete, restore. */
class BackupTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final ControllableClock CLOCK = new ControllableClock().freezeAt(T0);
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
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

    private static BackupDetails backup(String table, String name) {
        return client.createBackup(r -> r.tableName(table).backupName(name)).backupDetails();
    }

    @Test
    void a_backup_restored_after_later_writes_holds_what_the_table_held_when_it_was_taken() {
        CLOCK.freezeAt(T0);
        String tableArn = client.createTable(r -> r.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"), attribute("v"))
                .globalSecondaryIndexes(g -> g.indexName("byV").keySchema(key("v", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
                .tableDescription().tableArn();
        put("Orders", "a", "1");
        put("Orders", "b", "1");
        CLOCK.advance(java.time.Duration.ofSeconds(5));
        BackupDetails created = backup("Orders", "orders-1");
        put("Orders", "a", "2");
        client.deleteItem(r -> r.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("b"))));
        put("Orders", "c", "1");

        assertThat(created.backupStatusAsString()).isEqualTo("CREATING");
        assertThat(created.backupTypeAsString()).isEqualTo("USER");
        assertThat(created.backupArn()).startsWith(tableArn + "/backup/01714557605000-");
        assertThat(created.backupCreationDateTime()).isEqualTo(T0.plusSeconds(5));
        TableDescription restored = client.restoreTableFromBackup(r -> r.backupArn(created.backupArn())
                .targetTableName("Orders_restored")).tableDescription();

        assertThat(restored.restoreSummary().sourceBackupArn()).isEqualTo(created.backupArn());
        assertThat(restored.restoreSummary().sourceTableArn()).isEqualTo(tableArn);
        assertThat(restored.restoreSummary().restoreDateTime()).isEqualTo(T0.plusSeconds(5));
        assertThat(contents("Orders_restored")).isEqualTo(Map.of("a", "1", "b", "1"));
        TableDescription described = client.describeTable(r -> r.tableName("Orders_restored")).table();
        assertThat(described.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("byV");
        assertThat(described.streamSpecification()).isNull();
        assertThat(described.restoreSummary().restoreInProgress()).isFalse();
        assertThat(client.query(r -> r.tableName("Orders_restored").indexName("byV").keyConditionExpression("v = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("1")))).count()).isEqualTo(2);
    }

    @Test
    void describes_a_backup_with_its_source_and_features() {
        CLOCK.freezeAt(T0);
        endpoint.createTable("Described", null);
        put("Described", "a", "1");
        client.updateTimeToLive(r -> r.tableName("Described").timeToLiveSpecification(s -> s.enabled(true)
                .attributeName("expiresAt")));
        String arn = backup("Described", "described-1").backupArn();

        BackupDescription description = client.describeBackup(r -> r.backupArn(arn)).backupDescription();

        assertThat(description.backupDetails().backupStatusAsString()).isEqualTo("AVAILABLE");
        assertThat(description.backupDetails().backupName()).isEqualTo("described-1");
        assertThat(description.backupDetails().backupSizeBytes()).isPositive();
        assertThat(description.sourceTableDetails().tableName()).isEqualTo("Described");
        assertThat(description.sourceTableDetails().itemCount()).isEqualTo(1);
        assertThat(description.sourceTableDetails().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(description.sourceTableFeatureDetails().timeToLiveDescription().attributeName())
                .isEqualTo("expiresAt");

        client.deleteTable(r -> r.tableName("Described"));
        assertThat(client.describeBackup(r -> r.backupArn(arn)).backupDescription().backupDetails().backupArn())
                .as("a backup outlives its table").isEqualTo(arn);
        client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("Described"));
        assertThat(contents("Described")).isEqualTo(Map.of("a", "1"));
        assertThat(client.describeTimeToLive(r -> r.tableName("Described")).timeToLiveDescription()
                .timeToLiveStatusAsString()).as("TTL is not restored").isEqualTo("DISABLED");
    }

    @Test
    void lists_backups_by_table_time_and_type_in_pages() {
        CLOCK.freezeAt(T0.plusSeconds(3600));
        endpoint.createTable("Listed", null);
        endpoint.createTable("Other", null);
        String first = backup("Listed", "listed-1").backupArn();
        CLOCK.advance(java.time.Duration.ofMinutes(1));
        String second = backup("Listed", "listed-2").backupArn();
        String other = backup("Other", "other-1").backupArn();
        CLOCK.advance(java.time.Duration.ofMinutes(1));
        String third = backup("Listed", "listed-3").backupArn();

        assertThat(arns(client.listBackups(r -> r.tableName("Listed")))).containsExactly(first, second, third);
        ListBackupsResponse page = client.listBackups(r -> r.tableName("Listed").limit(2));
        assertThat(arns(page)).containsExactly(first, second);
        assertThat(page.lastEvaluatedBackupArn()).isEqualTo(second);
        ListBackupsResponse rest = client.listBackups(r -> r.tableName("Listed").limit(2)
                .exclusiveStartBackupArn(second));
        assertThat(arns(rest)).containsExactly(third);
        assertThat(rest.lastEvaluatedBackupArn()).isNull();
        assertThat(arns(client.listBackups(r -> r.timeRangeLowerBound(T0.plusSeconds(3660))
                .timeRangeUpperBound(T0.plusSeconds(3720))))).containsExactly(second, other);
        assertThat(arns(client.listBackups(r -> r.tableName("Listed").backupType("SYSTEM")))).isEmpty();
        assertThat(arns(client.listBackups(r -> r.tableName("Listed").backupType("ALL")))).hasSize(3);
        BackupSummary summary = client.listBackups(r -> r.tableName("Other")).backupSummaries().get(0);
        assertThat(summary.backupName()).isEqualTo("other-1");
        assertThat(summary.backupStatusAsString()).isEqualTo("AVAILABLE");
        assertThat(summary.tableName()).isEqualTo("Other");

        BackupDescription deleted = client.deleteBackup(r -> r.backupArn(second)).backupDescription();
        assertThat(deleted.backupDetails().backupStatusAsString()).isEqualTo("DELETED");
        assertThat(arns(client.listBackups(r -> r.tableName("Listed")))).containsExactly(first, third);
        assertError(() -> client.describeBackup(r -> r.backupArn(second)), "BackupNotFoundException",
                "Backup not found: " + second);
    }

    @Test
    void restores_with_overrides() {
        CLOCK.freezeAt(T0);
        endpoint.createTable("Billed", null);
        String arn = backup("Billed", "billed").backupArn();
        client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("Billed_provisioned")
                .billingModeOverride(BillingMode.PROVISIONED)
                .provisionedThroughputOverride(p -> p.readCapacityUnits(7L).writeCapacityUnits(8L)));
        TableDescription described = client.describeTable(r -> r.tableName("Billed_provisioned")).table();
        assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(7);
        assertThat(described.billingModeSummary().billingModeAsString()).isEqualTo("PROVISIONED");
    }

    @Test
    void refuses_bad_backup_requests() {
        CLOCK.freezeAt(T0);
        endpoint.createTable("Guarded", null);
        String arn = backup("Guarded", "guarded").backupArn();
        String missing = "arn:aws:dynamodb:us-east-1:000000000000:table/Guarded/backup/01714557600000-00000000";

        assertError(() -> backup("Nowhere", "x-backup"), "TableNotFoundException", "Table not found: Nowhere");
        assertError(() -> backup("Guarded", "x"), "ValidationException", "1 validation error detected: Value 'x' at "
                + "'backupName' failed to satisfy constraint: Member must have length greater than or equal to 3");
        assertError(() -> client.describeBackup(r -> r.backupArn(missing)), "BackupNotFoundException",
                "Backup not found: " + missing);
        assertError(() -> client.deleteBackup(r -> r.backupArn(missing)), "BackupNotFoundException",
                "Backup not found: " + missing);
        assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(missing).targetTableName("Guarded_copy")),
                "BackupNotFoundException", "Backup not found: " + missing);
        assertError(() -> client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("Guarded")),
                "TableAlreadyExistsException", "Table already exists: Guarded");
        assertError(() -> client.listBackups(r -> r.limit(0)), "ValidationException", "1 validation error detected: "
                + "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertError(() -> client.listBackups(r -> r.timeRangeLowerBound(T0).timeRangeUpperBound(T0.minusSeconds(1))),
                "ValidationException", "TimeRangeUpperBound must be greater than TimeRangeLowerBound");
    }

    private static List<String> arns(ListBackupsResponse response) {
        return response.backupSummaries().stream().map(BackupSummary::backupArn).toList();
    }
}
