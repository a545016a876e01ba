package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.model.AttributeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class InjectionTest {

    @Test
    void injects_each_type_as_test_method_parameter() {
        assertAllPassed(run(Parameters.class), 5);
    }

    @Test
    void injects_constructor_parameters() {
        assertAllPassed(run(ConstructorParameters.class), 1);
    }

    @Test
    void injects_instance_and_static_fields() {
        assertAllPassed(run(Fields.class), 1);
    }

    @Test
    void dynamo_handle_gives_region_clients_clock_and_table_contents() {
        assertAllPassed(run(Handle.class), 3);
    }

    static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(value);
    }

    /** A bean for the enhanced client. */
    @DynamoDbBean
    public static class Order {
        private String pk;
        private String status;

        @DynamoDbPartitionKey
        public String getPk() {
            return pk;
        }

        public void setPk(String pk) {
            this.pk = pk;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }
    }

    @DynamoTest(region = "eu-west-1")
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class Parameters {
        @Test
        void sync_client(DynamoDbClient client) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("A#1"))));
            assertThat(client.getItem(r -> r.tableName("Orders").key(Map.of("pk", s("A#1")))).hasItem()).isTrue();
        }

        @Test
        void async_client(DynamoDbAsyncClient client) {
            assertThat(client.listTables().join().tableNames()).containsExactly("Orders");
        }

        @Test
        void enhanced_client(DynamoDbEnhancedClient enhanced) {
            DynamoDbTable<Order> orders = enhanced.table("Orders", TableSchema.fromBean(Order.class));
            Order order = new Order();
            order.setPk("A#2");
            order.setStatus("NEW");
            orders.putItem(order);
            assertThat(orders.getItem(Key.builder().partitionValue("A#2").build()).getStatus()).isEqualTo("NEW");
        }

        @Test
        void enhanced_async_client(DynamoDbEnhancedAsyncClient enhanced) {
            DynamoDbAsyncTable<Order> orders = enhanced.table("Orders", TableSchema.fromBean(Order.class));
            Order order = new Order();
            order.setPk("A#3");
            order.setStatus("PAID");
            orders.putItem(order).join();
            assertThat(orders.getItem(Key.builder().partitionValue("A#3").build()).join().getStatus())
                    .isEqualTo("PAID");
        }

        @Test
        void handle(Dynamo dynamo, DynamoDbClient client) {
            assertThat(dynamo.client()).isSameAs(client);
            assertThat(dynamo.region()).isEqualTo(Region.EU_WEST_1);
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class ConstructorParameters {
        private final DynamoDbClient client;
        private final Dynamo dynamo;

        ConstructorParameters(DynamoDbClient client, Dynamo dynamo) {
            this.client = client;
            this.dynamo = dynamo;
        }

        @Test
        void uses_constructor_parameters() {
            assertThat(client.listTables().tableNames()).containsExactly("Orders");
            assertThat(dynamo.tableNames()).containsExactly("Orders");
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class Fields {
        static DynamoDbClient sharedClient;
        static String tablesSeenBeforeAll;

        DynamoDbClient client;
        DynamoDbAsyncClient asyncClient;
        DynamoDbEnhancedClient enhancedClient;
        Dynamo dynamo;

        @BeforeAll
        static void before() {
            tablesSeenBeforeAll = String.join(",", sharedClient.listTables().tableNames());
        }

        @Test
        void fields_are_set() {
            assertThat(tablesSeenBeforeAll).isEqualTo("Orders");
            assertThat(client).isSameAs(dynamo.client()).isSameAs(sharedClient);
            assertThat(asyncClient).isSameAs(dynamo.asyncClient());
            assertThat(enhancedClient).isSameAs(dynamo.enhancedClient());
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class Handle {
        @Test
        void client_for_another_region_sees_that_regions_tables(Dynamo dynamo) {
            DynamoDbClient west = dynamo.clientFor(Region.US_WEST_2);
            west.createTable(r -> r.tableName("Elsewhere").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));

            assertThat(west.listTables().tableNames()).containsExactly("Elsewhere");
            assertThat(dynamo.client().listTables().tableNames()).containsExactly("Orders");
            assertThat(dynamo.table(Region.US_WEST_2, "Elsewhere").itemCount()).isZero();
        }

        @Test
        void clock_freezes_and_advances(Dynamo dynamo) {
            Instant start = Instant.parse("2024-01-01T00:00:00Z");
            dynamo.clock().freezeAt(start).advance(Duration.ofHours(2));

            assertThat(dynamo.clock().now()).isEqualTo(start.plus(Duration.ofHours(2)));
            Instant created = dynamo.client().createTable(r -> r.tableName("Clocked")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()))
                    .tableDescription().creationDateTime();
            assertThat(created).isEqualTo(start.plus(Duration.ofHours(2)));
        }

        @Test
        void table_contents_without_a_request(Dynamo dynamo) {
            dynamo.client().putItem(r -> r.tableName("Orders").item(Map.of("pk", s("A#1"), "status", s("NEW"))));

            assertThat(dynamo.table("Orders").items())
                    .containsExactly(Map.of("pk", AttributeValue.string("A#1"), "status", AttributeValue.string("NEW")));
            assertThat(dynamo.tableName("Orders")).isEqualTo("Orders");
            assertThat(dynamo.engine().tables().names("us-east-1")).containsExactly("Orders");
        }
    }
}
