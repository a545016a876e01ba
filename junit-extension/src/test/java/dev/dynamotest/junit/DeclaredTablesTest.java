package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class DeclaredTablesTest {

    @Test
    void creates_tables_declared_with_annotations() {
        assertAllPassed(run(Annotated.class), 3);
    }

    @Test
    void creates_tables_from_cli_input_json_files() {
        assertAllPassed(run(FromCliJson.class), 2);
    }

    @Test
    void creates_tables_from_a_cloudformation_yaml_template() {
        assertAllPassed(run(FromYamlTemplate.class), 3);
    }

    @Test
    void creates_global_tables_from_a_cloudformation_json_template_in_each_replica_region() {
        assertAllPassed(run(FromJsonTemplate.class), 1);
    }

    static TableDescription describe(DynamoDbClient client, String table) {
        return client.describeTable(r -> r.tableName(table)).table();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk", sortKeyType = ScalarType.N,
            globalIndexes = @DynamoIndex(name = "byStatus", partitionKey = "status", sortKey = "pk",
                    projection = DynamoIndex.Projection.INCLUDE, nonKeyAttributes = "total"),
            localIndexes = @DynamoIndex(name = "byDate", sortKey = "date"),
            stream = DynamoTable.StreamView.NEW_AND_OLD_IMAGES, ttlAttribute = "expiresAt")
    @DynamoTable(name = "Blobs", partitionKey = "id", partitionKeyType = ScalarType.B, readCapacity = 3,
            writeCapacity = 4)
    @DynamoTable(name = "Elsewhere", partitionKey = "id", region = "sa-east-1")
    static class Annotated {
        @Test
        void keys_indexes_and_stream(DynamoDbClient client) {
            TableDescription orders = describe(client, "Orders");
            assertThat(orders.keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
            assertThat(orders.attributeDefinitions()).containsExactlyInAnyOrder(
                    attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
                    attribute("status", ScalarAttributeType.S), attribute("date", ScalarAttributeType.S));
            assertThat(orders.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
            GlobalSecondaryIndexDescription byStatus = orders.globalSecondaryIndexes().get(0);
            assertThat(byStatus.indexName()).isEqualTo("byStatus");
            assertThat(byStatus.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
            assertThat(byStatus.projection().nonKeyAttributes()).containsExactly("total");
            assertThat(orders.localSecondaryIndexes().get(0).keySchema())
                    .containsExactly(key("pk", KeyType.HASH), key("date", KeyType.RANGE));
            assertThat(orders.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        }

        @Test
        void binary_key_and_provisioned_capacity(DynamoDbClient client) {
            TableDescription blobs = describe(client, "Blobs");
            assertThat(blobs.attributeDefinitions()).containsExactly(attribute("id", ScalarAttributeType.B));
            assertThat(blobs.provisionedThroughput().readCapacityUnits()).isEqualTo(3);
            assertThat(blobs.provisionedThroughput().writeCapacityUnits()).isEqualTo(4);
        }

        @Test
        void table_in_another_region(Dynamo dynamo) {
            assertThat(dynamo.clientFor(Region.SA_EAST_1).listTables().tableNames()).containsExactly("Elsewhere");
            assertThat(dynamo.tableNames()).containsExactly("Blobs", "Orders");
        }
    }

    @DynamoTest
    @DynamoTablesFrom({"tables/customers-cli.json", "/tables/two-tables-cli.json"})
    static class FromCliJson {
        @Test
        void one_request_per_file(DynamoDbClient client) {
            TableDescription customers = describe(client, "Customers");
            assertThat(customers.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
            assertThat(customers.globalSecondaryIndexes().get(0).indexName()).isEqualTo("byEmail");
        }

        @Test
        void an_array_of_requests(DynamoDbClient client) {
            assertThat(client.listTables().tableNames()).containsExactly("Carts", "Customers", "Events");
            assertThat(describe(client, "Events").streamSpecification().streamViewType())
                    .isEqualTo(StreamViewType.NEW_IMAGE);
        }
    }

    @DynamoTest(region = "eu-west-1")
    @DynamoTablesFrom(value = "cloudformation/template.yaml", parameters = "Stage=test")
    static class FromYamlTemplate {
        @Test
        void table_named_with_sub_of_a_parameter(DynamoDbClient client) {
            TableDescription orders = describe(client, "orders-test");
            assertThat(orders.keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
            assertThat(orders.globalSecondaryIndexes().get(0).indexName()).isEqualTo("byStatus");
            assertThat(orders.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
            assertThat(orders.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        }

        @Test
        void table_without_name_takes_its_logical_id(DynamoDbClient client) {
            TableDescription audit = describe(client, "AuditTable");
            assertThat(audit.provisionedThroughput().readCapacityUnits()).isEqualTo(3);
            assertThat(audit.provisionedThroughput().writeCapacityUnits()).isEqualTo(4);
        }

        @Test
        void global_table_in_each_replica_region(Dynamo dynamo) {
            assertThat(dynamo.tableNames()).containsExactly("AuditTable", "orders-test", "sessions-test");
            assertThat(dynamo.clientFor(Region.US_WEST_2).listTables().tableNames()).containsExactly("sessions-test");
        }
    }

    @DynamoTest(region = "eu-west-1")
    @DynamoTablesFrom("cloudformation/template.json")
    static class FromJsonTemplate {
        @Test
        void provisioned_global_table(DynamoDbClient client) {
            TableDescription inventory = describe(client, "Inventory");
            assertThat(inventory.provisionedThroughput().readCapacityUnits()).isEqualTo(7);
            assertThat(inventory.provisionedThroughput().writeCapacityUnits()).isEqualTo(3);
            assertThat(inventory.globalSecondaryIndexes().get(0).provisionedThroughput().writeCapacityUnits())
                    .isEqualTo(2);
        }
    }
}
