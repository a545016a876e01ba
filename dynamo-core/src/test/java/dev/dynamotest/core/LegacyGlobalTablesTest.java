package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Replica;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class LegacyGlobalTablesTest {

    private static final AtomicInteger TABLES = new AtomicInteger();
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoEngine engine;
    private static DynamoDbClient us;
    private static DynamoDbClient eu;

    @BeforeAll
    static void start() {
        engine = endpoint.server().engine();
        us = endpoint.client(Region.US_EAST_1);
        eu = endpoint.client(Region.EU_WEST_1);
    }

    private static String tableIn(DynamoDbClient... clients) {
        String name = "Legacy" + TABLES.incrementAndGet();
        for (DynamoDbClient client : clients) {
            client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                    .streamSpecification(s -> s.streamEnabled(true)
                            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        }
        return name;
    }

    private static GlobalTableDescription create(String name) {
        return us.createGlobalTable(r -> r.globalTableName(name).replicationGroup(
                Replica.builder().regionName("us-east-1").build(), Replica.builder().regionName("eu-west-1").build()))
                .globalTableDescription();
    }

    @Test
    void creates_describes_and_lists_a_global_table() {
        String name = tableIn(us, eu);

        GlobalTableDescription created = create(name);

        assertThat(created.globalTableStatus()).isEqualTo(GlobalTableStatus.CREATING);
        assertThat(created.globalTableArn()).isEqualTo("arn:aws:dynamodb::000000000000:global-table/" + name);
        GlobalTableDescription described = eu.describeGlobalTable(r -> r.globalTableName(name))
                .globalTableDescription();
        assertThat(described.globalTableStatus()).isEqualTo(GlobalTableStatus.ACTIVE);
        assertThat(described.replicationGroup()).extracting(ReplicaDescription::regionName)
                .containsExactly("eu-west-1", "us-east-1");
        assertThat(described.creationDateTime()).isNotNull();
        assertThat(us.listGlobalTables(r -> r.regionName("eu-west-1")).globalTables())
                .anySatisfy(t -> assertThat(t.globalTableName()).isEqualTo(name));
        assertThat(us.describeGlobalTableSettings(r -> r.globalTableName(name)).replicaSettings())
                .extracting(s -> s.regionName()).containsExactly("eu-west-1", "us-east-1");
        assertThat(us.describeTable(r -> r.tableName(name)).table().hasReplicas()).isFalse();
    }

    @Test
    void replicates_items_with_the_aws_rep_attributes() {
        String name = tableIn(us, eu);
        create(name);

        us.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromS("a"))));
        engine.replication().awaitQuiet();

        Map<String, AttributeValue> inEu = eu.getItem(r -> r.tableName(name)
                .key(Map.of("pk", AttributeValue.fromS("a")))).item();
        assertThat(inEu.get("aws:rep:updateregion").s()).isEqualTo("us-east-1");
        assertThat(inEu.get("aws:rep:deleting").bool()).isFalse();
        assertThat(inEu.get("aws:rep:updatetime").n()).matches("\\d+\\.\\d{6}");
        assertThat(us.getItem(r -> r.tableName(name).key(Map.of("pk", AttributeValue.fromS("a")))).item())
                .isEqualTo(inEu);
    }

    @Test
    void update_global_table_adds_and_removes_replicas() {
        String name = tableIn(us, eu);
        us.createGlobalTable(r -> r.globalTableName(name).replicationGroup(
                Replica.builder().regionName("us-east-1").build()));

        us.updateGlobalTable(r -> r.globalTableName(name).replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        assertThat(us.describeGlobalTable(r -> r.globalTableName(name)).globalTableDescription().replicationGroup())
                .hasSize(2);
        assertError(() -> us.updateGlobalTable(r -> r.globalTableName(name)
                        .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))),
                "ReplicaAlreadyExistsException", "Replica already exists: eu-west-1");

        us.updateGlobalTable(r -> r.globalTableName(name).replicaUpdates(u -> u.delete(c -> c.regionName("eu-west-1"))));
        assertThat(us.describeGlobalTable(r -> r.globalTableName(name)).globalTableDescription().replicationGroup())
                .extracting(ReplicaDescription::regionName).containsExactly("us-east-1");
        assertError(() -> us.updateGlobalTable(r -> r.globalTableName(name)
                        .replicaUpdates(u -> u.delete(c -> c.regionName("eu-west-1")))),
                "ReplicaNotFoundException", "Replica not found: eu-west-1");
    }

    @Test
    void update_global_table_settings_sets_billing_and_capacity_of_the_replicas() {
        String name = "Legacy" + TABLES.incrementAndGet();
        for (DynamoDbClient client : java.util.List.of(us, eu)) {
            client.createTable(r -> r.tableName(name).billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                    .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                    .streamSpecification(s -> s.streamEnabled(true)
                            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        }
        create(name);

        var settings = us.updateGlobalTableSettings(r -> r.globalTableName(name)
                .globalTableProvisionedWriteCapacityUnits(8L)
                .replicaSettingsUpdate(u -> u.regionName("eu-west-1").replicaProvisionedReadCapacityUnits(9L)))
                .replicaSettings();

        assertThat(settings).extracting(s -> s.regionName() + " " + s.replicaProvisionedReadCapacityUnits() + " "
                + s.replicaProvisionedWriteCapacityUnits()).containsExactly("eu-west-1 9 8", "us-east-1 5 8");
        assertThat(eu.describeTable(r -> r.tableName(name)).table().provisionedThroughput().readCapacityUnits())
                .isEqualTo(9);
        assertError(() -> us.updateGlobalTableSettings(r -> r.globalTableName(name)
                        .replicaSettingsUpdate(u -> u.regionName("ap-south-1").replicaProvisionedReadCapacityUnits(1L))),
                "ReplicaNotFoundException", "Replica not found: ap-south-1");
    }

    @Test
    void rejects_what_cannot_become_a_global_table() {
        String name = tableIn(us);

        assertError(() -> create(name), "TableNotFoundException",
                "Table not found: Table: " + name + " not found in region: eu-west-1");
        assertError(() -> us.describeGlobalTable(r -> r.globalTableName(name)), "GlobalTableNotFoundException",
                "Global table not found: Global table with name: '" + name + "' does not exist.");
        String full = tableIn(us, eu);
        eu.putItem(r -> r.tableName(full).item(Map.of("pk", AttributeValue.fromS("a"))));
        assertError(() -> create(full), "ValidationException", "One or more parameter values were invalid: Table: "
                + full + " in region: eu-west-1 is not empty; a replica can only be added to an empty global table");
    }
}
