package dev.dynamotest.core;

import dev.dynamotest.core.support.LocalEndpoint;
import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class TableOperationsTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
    }

    @Test
    void creates_a_table_that_is_creating_then_active() {
        TableDescription created = client.createTable(r -> r.tableName("Created")
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(attribute("sk", ScalarAttributeType.N), attribute("pk"))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L))
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)).tableDescription();

        assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
        TableDescription described = client.describeTable(r -> r.tableName("Created")).table();
        assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Created");
        assertThat(described.tableId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(described.creationDateTime()).isNotNull();
        assertThat(described.itemCount()).isZero();
        assertThat(described.tableSizeBytes()).isZero();
        assertThat(described.keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        assertThat(described.attributeDefinitions())
                .containsExactly(attribute("pk"), attribute("sk", ScalarAttributeType.N));
        assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(described.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
        assertThat(described.provisionedThroughput().numberOfDecreasesToday()).isZero();
        assertThat(described.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(described.deletionProtectionEnabled()).isFalse();
    }

    @Test
    void describes_on_demand_billing_with_zero_throughput() {
        endpoint.createTable("OnDemand", null);

        TableDescription described = client.describeTable(r -> r.tableName("OnDemand")).table();

        assertThat(described.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(described.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isNotNull();
        assertThat(described.provisionedThroughput().readCapacityUnits()).isZero();
        assertThat(described.provisionedThroughput().writeCapacityUnits()).isZero();
    }

    @Test
    void describes_live_item_count_and_size() {
        endpoint.createTable("Counted", null);
        client.putItem(r -> r.tableName("Counted").item(java.util.Map.of("pk", AttributeValue.fromS("a"),
                "v", AttributeValue.fromS("hello"))));

        TableDescription described = client.describeTable(r -> r.tableName("Counted")).table();

        assertThat(described.itemCount()).isEqualTo(1L);
        assertThat(described.tableSizeBytes()).isPositive();
    }

    @Test
    void describes_secondary_indexes_with_arns_and_status() {
        client.createTable(r -> r.tableName("Indexed")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(attribute("pk"), attribute("sk"), attribute("x"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byX")
                        .keySchema(key("x", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("b", "a").build()).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("local")
                        .keySchema(key("pk", KeyType.HASH), key("x", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));

        TableDescription described = client.describeTable(r -> r.tableName("Indexed")).table();

        var gsi = described.globalSecondaryIndexes().get(0);
        assertThat(gsi.indexArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Indexed/index/byX");
        assertThat(gsi.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(gsi.projection().nonKeyAttributes()).containsExactly("a", "b");
        assertThat(gsi.provisionedThroughput().readCapacityUnits()).isZero();
        assertThat(gsi.itemCount()).isZero();
        var lsi = described.localSecondaryIndexes().get(0);
        assertThat(lsi.indexArn()).endsWith("/index/local");
        assertThat(lsi.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
    }

    @Test
    void describes_a_table_named_by_its_arn() {
        String arn = endpoint.createTable("ByArn", null);

        assertThat(client.describeTable(r -> r.tableName(arn)).table().tableName()).isEqualTo("ByArn");
    }

    @Test
    void rejects_creating_a_table_that_exists() {
        endpoint.createTable("Twice", null);

        assertError(() -> endpoint.createTable("Twice", null), "ResourceInUseException",
                "Table already exists: Twice");
    }

    @Test
    void rejects_describing_a_missing_table() {
        assertError(() -> client.describeTable(r -> r.tableName("Missing")), "ResourceNotFoundException",
                "Requested resource not found: Table: Missing not found");
    }

    @Test
    void rejects_table_names_that_break_the_rules() {
        assertError(() -> endpoint.createTable("ab", null), "ValidationException",
                "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3");
        assertError(() -> endpoint.createTable("a@b", null), "ValidationException",
                "1 validation error detected: Value 'a@b' at 'tableName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        assertError(() -> client.describeTable(r -> r.tableName("n".repeat(256))), "ValidationException",
                "1 validation error detected: Value '" + "n".repeat(256) + "' at 'tableName' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 255");
    }

    @Test
    void lists_tables_in_pages() {
        try (LocalEndpoint own = new LocalEndpoint()) {
            for (String name : List.of("t01", "t02", "t03", "t04", "t05")) {
                own.createTable(name, null);
            }
            ListTablesResponse first = own.client().listTables(r -> r.limit(2));
            assertThat(first.tableNames()).containsExactly("t01", "t02");
            assertThat(first.lastEvaluatedTableName()).isEqualTo("t02");
            ListTablesResponse second = own.client().listTables(r -> r.limit(3).exclusiveStartTableName("t02"));
            assertThat(second.tableNames()).containsExactly("t03", "t04", "t05");
            assertThat(second.lastEvaluatedTableName()).isNull();
            assertThat(own.client().listTablesPaginator(r -> r.limit(1)).tableNames()).hasSize(5);
        }
    }

    @Test
    void rejects_a_list_limit_above_100() {
        assertError(() -> client.listTables(r -> r.limit(101)), "ValidationException",
                "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 100");
    }

    @Test
    void deletes_a_table_returning_the_reduced_description() {
        client.createTable(r -> r.tableName("Deleted")
                .keySchema(key("pk", KeyType.HASH))
                .attributeDefinitions(attribute("pk"))
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L).writeCapacityUnits(1L)
                        .build()));

        TableDescription deleted = client.deleteTable(r -> r.tableName("Deleted")).tableDescription();

        assertThat(deleted.tableStatus()).isEqualTo(TableStatus.DELETING);
        assertThat(deleted.tableName()).isEqualTo("Deleted");
        assertThat(deleted.tableArn()).endsWith(":table/Deleted");
        assertThat(deleted.tableId()).isNotNull();
        assertThat(deleted.itemCount()).isZero();
        assertThat(deleted.provisionedThroughput().readCapacityUnits()).isEqualTo(1L);
        assertThat(deleted.hasKeySchema()).isFalse();
        assertThat(deleted.hasAttributeDefinitions()).isFalse();
        assertThat(deleted.creationDateTime()).isNull();
        assertError(() -> client.describeTable(r -> r.tableName("Deleted")), "ResourceNotFoundException",
                "Requested resource not found: Table: Deleted not found");
    }

    @Test
    void refuses_to_delete_a_protected_table() {
        client.createTable(r -> r.tableName("Protected").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .deletionProtectionEnabled(true));

        assertError(() -> client.deleteTable(r -> r.tableName("Protected")), "ValidationException",
                "Resource cannot be deleted as it is currently protected against deletion. Disable deletion "
                        + "protection first.");
        client.updateTable(r -> r.tableName("Protected").deletionProtectionEnabled(false));
        client.deleteTable(r -> r.tableName("Protected"));
    }

    @Test
    void rejects_deleting_a_missing_table() {
        assertError(() -> client.deleteTable(r -> r.tableName("NeverThere")), "ResourceNotFoundException",
                "Requested resource not found: Table: NeverThere not found");
    }

    @Test
    void sdk_waiters_see_the_table_come_and_go() {
        endpoint.createTable("Waited", null);

        var exists = client.waiter().waitUntilTableExists(r -> r.tableName("Waited"));
        assertThat(exists.matched().response()).hasValueSatisfying(
                d -> assertThat(d.table().tableStatus()).isEqualTo(TableStatus.ACTIVE));
        client.deleteTable(r -> r.tableName("Waited"));
        var gone = client.waiter().waitUntilTableNotExists(r -> r.tableName("Waited"));
        assertThat(gone.matched().exception()).isPresent();
    }
}
