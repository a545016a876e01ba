package dev.dynamotest.core;

import dev.dynamotest.core.support.LocalEndpoint;
import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class UpdateTableTest {

    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final AtomicInteger TABLES = new AtomicInteger();
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
    }

    private static String onDemandTable() {
        String name = "Updated" + TABLES.incrementAndGet();
        endpoint.createTable(name, null);
        return name;
    }

    private static String provisionedTable() {
        String name = "Provisioned" + TABLES.incrementAndGet();
        client.createTable(r -> r.tableName(name).keySchema(key("pk", KeyType.HASH))
                .attributeDefinitions(attribute("pk"))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        return name;
    }

    private static TableDescription describe(String name) {
        return client.describeTable(r -> r.tableName(name)).table();
    }

    private static GlobalSecondaryIndexUpdate createIndex(String name, String attribute) {
        return GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName(name)
                .keySchema(key(attribute, KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.ALL))).build();
    }

    private static GlobalSecondaryIndexUpdate deleteIndex(String name) {
        return GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName(name)).build();
    }

    @Test
    void raises_provisioned_throughput_and_records_the_increase() {
        String table = provisionedTable();

        TableDescription updated = client.updateTable(r -> r.tableName(table)
                .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(5L))).tableDescription();

        assertThat(updated.tableStatus()).isEqualTo(TableStatus.UPDATING);
        TableDescription described = describe(table);
        assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
        assertThat(described.provisionedThroughput().lastIncreaseDateTime()).isNotNull();
        client.updateTable(r -> r.tableName(table).provisionedThroughput(p -> p.readCapacityUnits(2L)
                .writeCapacityUnits(5L)));
        assertThat(describe(table).provisionedThroughput().numberOfDecreasesToday()).isEqualTo(1L);
    }

    @Test
    void rejects_throughput_that_does_not_change() {
        String table = provisionedTable();

        assertError(() -> client.updateTable(r -> r.tableName(table)
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))),
                "ValidationException", "The provisioned throughput for the table will not change. The requested "
                        + "value equals the current value. Current ReadCapacityUnits provisioned for the table: 5. "
                        + "Requested ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 5. "
                        + "Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer Guide for "
                        + "current limits and how to request higher limits.");
    }

    @Test
    void switches_billing_mode_both_ways() {
        String table = provisionedTable();

        client.updateTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST));
        TableDescription onDemand = describe(table);
        assertThat(onDemand.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(onDemand.provisionedThroughput().readCapacityUnits()).isZero();

        assertError(() -> client.updateTable(r -> r.tableName(table).billingMode(BillingMode.PROVISIONED)),
                "ValidationException",
                INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        client.updateTable(r -> r.tableName(table).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L)));
        TableDescription provisioned = describe(table);
        assertThat(provisioned.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(provisioned.provisionedThroughput().writeCapacityUnits()).isEqualTo(4L);
    }

    @Test
    void rejects_throughput_on_an_on_demand_table() {
        String table = onDemandTable();

        assertError(() -> client.updateTable(r -> r.tableName(table)
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))),
                "ValidationException", INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified "
                        + "when BillingMode is PAY_PER_REQUEST");
    }

    @Test
    void changes_the_table_class_and_deletion_protection() {
        String table = onDemandTable();

        client.updateTable(r -> r.tableName(table).tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        client.updateTable(r -> r.tableName(table).deletionProtectionEnabled(true));

        TableDescription described = describe(table);
        assertThat(described.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(described.tableClassSummary().lastUpdateDateTime()).isNotNull();
        assertThat(described.deletionProtectionEnabled()).isTrue();
    }

    @Test
    void rejects_an_update_that_changes_nothing() {
        String table = onDemandTable();

        assertError(() -> client.updateTable(r -> r.tableName(table)), "ValidationException",
                "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, "
                        + "SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, "
                        + "MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or "
                        + "TableClass is required");
    }

    @Test
    void rejects_a_table_class_change_combined_with_another() {
        String table = onDemandTable();

        assertError(() -> client.updateTable(r -> r.tableName(table).tableClass(TableClass.STANDARD)
                        .deletionProtectionEnabled(true)), "ValidationException",
                INVALID + "TableClass modification must be the only operation in the request");
    }

    @Test
    void rejects_a_replica_of_a_table_without_a_new_and_old_images_stream() {
        String table = onDemandTable();

        assertError(() -> client.updateTable(r -> r.tableName(table)
                        .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))), "ValidationException",
                INVALID + "Table must have DynamoDB Streams enabled with StreamViewType NEW_AND_OLD_IMAGES to add a "
                        + "replica: " + table);
    }

    @Test
    void rejects_updating_a_missing_table() {
        assertError(() -> client.updateTable(r -> r.tableName("NoSuchTable").billingMode(BillingMode.PAY_PER_REQUEST)),
                "ResourceNotFoundException", "Requested resource not found: Table: NoSuchTable not found");
    }

    @Test
    void creates_a_global_index_that_becomes_active() {
        String table = onDemandTable();

        TableDescription response = client.updateTable(r -> r.tableName(table)
                .attributeDefinitions(attribute("x", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(createIndex("byX", "x"))).tableDescription();

        GlobalSecondaryIndexDescription creating = response.globalSecondaryIndexes().get(0);
        assertThat(creating.indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(creating.backfilling()).isFalse();
        TableDescription described = describe(table);
        assertThat(described.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(described.globalSecondaryIndexes().get(0).backfilling()).isNull();
        assertThat(described.attributeDefinitions())
                .containsExactly(attribute("pk"), attribute("x", ScalarAttributeType.N));
    }

    @Test
    void deletes_a_global_index_and_prunes_its_attribute() {
        String table = onDemandTable();
        client.updateTable(r -> r.tableName(table).attributeDefinitions(attribute("x"))
                .globalSecondaryIndexUpdates(createIndex("byX", "x")));

        TableDescription response = client.updateTable(r -> r.tableName(table)
                .globalSecondaryIndexUpdates(deleteIndex("byX"))).tableDescription();

        assertThat(response.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.DELETING);
        TableDescription described = describe(table);
        assertThat(described.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(described.attributeDefinitions()).containsExactly(attribute("pk"));
    }

    @Test
    void rejects_creating_an_index_that_exists() {
        String table = onDemandTable();
        client.updateTable(r -> r.tableName(table).attributeDefinitions(attribute("x"))
                .globalSecondaryIndexUpdates(createIndex("byX", "x")));

        assertError(() -> client.updateTable(r -> r.tableName(table).attributeDefinitions(attribute("y"))
                        .globalSecondaryIndexUpdates(createIndex("byX", "y"))), "ValidationException",
                "Attempting to create an index which already exists");
    }

    @Test
    void rejects_an_index_key_redefined_with_another_type() {
        String table = onDemandTable();
        client.updateTable(r -> r.tableName(table).attributeDefinitions(attribute("x"))
                .globalSecondaryIndexUpdates(createIndex("one", "x")));

        assertError(() -> client.updateTable(r -> r.tableName(table)
                        .attributeDefinitions(attribute("x", ScalarAttributeType.N))
                        .globalSecondaryIndexUpdates(createIndex("two", "x"))), "ValidationException",
                INVALID + "Attributes cannot be redefined. Please check that your attribute has the same type as "
                        + "previously defined. Existing schema: Schema:[SchemaElement: key{x:S:HASH}] New schema: "
                        + "Schema:[SchemaElement: key{x:N:HASH}]");
    }

    @Test
    void rejects_an_index_without_attribute_definitions() {
        String table = onDemandTable();

        assertError(() -> client.updateTable(r -> r.tableName(table)
                        .globalSecondaryIndexUpdates(createIndex("byX", "x"))), "ValidationException",
                INVALID + "AttributeDefinitions is not specified for index: byX");
    }

    @Test
    void rejects_two_index_creations_in_one_request() {
        String table = onDemandTable();

        assertError(() -> client.updateTable(r -> r.tableName(table).attributeDefinitions(attribute("x"))
                        .globalSecondaryIndexUpdates(createIndex("idx1", "x"), createIndex("idx2", "x"))),
                "LimitExceededException",
                "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
    }

    @Test
    void rejects_an_empty_index_update() {
        String table = onDemandTable();

        assertError(() -> client.updateTable(r -> r.tableName(table)
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().build())),
                "ValidationException", INVALID + "One of GlobalSecondaryIndexUpdate.Update, "
                        + "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
    }

    @Test
    void rejects_deleting_a_missing_index() {
        String table = onDemandTable();

        assertError(() -> client.updateTable(r -> r.tableName(table)
                        .globalSecondaryIndexUpdates(deleteIndex("ghost"))), "ResourceNotFoundException",
                "Requested resource not found: Index ghost for table " + table);
    }

    @Test
    void updates_the_throughput_of_a_global_index() {
        String table = "WithIndex" + TABLES.incrementAndGet();
        client.createTable(r -> r.tableName(table).keySchema(key("pk", KeyType.HASH))
                .attributeDefinitions(attribute("pk"), attribute("x"))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                .globalSecondaryIndexes(g -> g.indexName("byX").keySchema(key("x", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))));

        client.updateTable(r -> r.tableName(table).globalSecondaryIndexUpdates(u -> u.update(x -> x.indexName("byX")
                .provisionedThroughput(p -> p.readCapacityUnits(8L).writeCapacityUnits(9L)))));

        var pt = describe(table).globalSecondaryIndexes().get(0).provisionedThroughput();
        assertThat(pt.readCapacityUnits()).isEqualTo(8L);
        assertThat(pt.writeCapacityUnits()).isEqualTo(9L);
    }

    @Test
    void requires_index_throughput_when_switching_to_provisioned() {
        String table = "OnDemandIndexed" + TABLES.incrementAndGet();
        client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"), attribute("x"))
                .globalSecondaryIndexes(g -> g.indexName("byX").keySchema(key("x", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));

        assertError(() -> client.updateTable(r -> r.tableName(table).billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))),
                "ValidationException", INVALID + "ProvisionedThroughput must be specified for index: byX");
    }

    @Test
    void rejects_index_throughput_on_an_on_demand_table() {
        String table = onDemandTable();
        client.updateTable(r -> r.tableName(table).attributeDefinitions(attribute("x"))
                .globalSecondaryIndexUpdates(createIndex("byX", "x")));

        assertError(() -> client.updateTable(r -> r.tableName(table).globalSecondaryIndexUpdates(u -> u.update(
                        x -> x.indexName("byX").provisionedThroughput(p -> p.readCapacityUnits(1L)
                                .writeCapacityUnits(1L))))), "ValidationException",
                INVALID + "The only Updates for index: byX when TableThroughputMode is PAY_PER_REQUEST can be to "
                        + "OnDemandThroughput, WarmThroughput");
    }

    @Test
    void sets_on_demand_limits_member_by_member() {
        String table = onDemandTable();

        client.updateTable(r -> r.tableName(table).onDemandThroughput(o -> o.maxReadRequestUnits(100L)));
        client.updateTable(r -> r.tableName(table).onDemandThroughput(o -> o.maxWriteRequestUnits(50L)));

        var limits = describe(table).onDemandThroughput();
        assertThat(limits.maxReadRequestUnits()).isEqualTo(100L);
        assertThat(limits.maxWriteRequestUnits()).isEqualTo(50L);
        assertError(() -> client.updateTable(r -> r.tableName(table).onDemandThroughput(o -> o.maxReadRequestUnits(0L))),
                "ValidationException", INVALID + "Requested MaxReadRequestUnits for OnDemandThroughput for table is "
                        + "outside of valid range");
    }

    @Test
    void enables_encryption_with_a_kms_key() {
        String table = onDemandTable();

        client.updateTable(r -> r.tableName(table).sseSpecification(s -> s.enabled(true)));

        var sse = describe(table).sseDescription();
        assertThat(sse.statusAsString()).isEqualTo("ENABLED");
        assertThat(sse.sseTypeAsString()).isEqualTo("KMS");
        assertThat(sse.kmsMasterKeyArn()).startsWith("arn:aws:kms:us-east-1:000000000000:key/");
    }
}
