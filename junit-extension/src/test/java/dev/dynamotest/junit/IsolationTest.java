package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class IsolationTest {

    static final Instant FROZEN = Instant.parse("2001-01-01T00:00:00Z");

    @Test
    void each_method_starts_from_the_declared_tables_and_seeds_with_a_fresh_clock() {
        assertAllPassed(run(PerMethod.class), 2);
    }

    @Test
    void a_table_whose_definition_a_test_changed_is_created_anew() {
        assertAllPassed(run(ChangedDefinition.class), 2);
    }

    @Test
    void methods_share_state_when_the_class_asks_for_it() {
        assertAllPassed(run(PerClass.class), 2);
    }

    @Test
    void nested_class_adds_its_own_tables_to_the_enclosing_ones() {
        assertAllPassed(run(WithNestedTables.class), 2);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static void createUndeclared(DynamoDbClient client) {
        client.createTable(r -> r.tableName("Scratch").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk")
    @DynamoSeed(value = "seeds/orders-dynamodb.json", table = "Orders")
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class PerMethod {
        @Test
        void a_changes_everything(Dynamo dynamo, DynamoDbClient client) {
            assertThat(dynamo.table("Orders").itemCount()).isEqualTo(2);
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("X"), "sk", s("1"))));
            client.deleteItem(r -> r.tableName("Orders").key(Map.of("pk", s("A#1"), "sk", s("1"))));
            createUndeclared(client);
            dynamo.clock().freezeAt(FROZEN);
        }

        @Test
        void b_sees_none_of_it(Dynamo dynamo, DynamoDbClient client) {
            assertThat(client.listTables().tableNames()).containsExactly("Orders");
            assertThat(dynamo.table("Orders").itemCount()).isEqualTo(2);
            assertThat(dynamo.table("Orders").items()).noneMatch(i -> i.get("pk").toString().contains("X"));
            assertThat(dynamo.clock().isFrozen()).isFalse();
            assertThat(dynamo.clock().now()).isAfter(FROZEN);
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class ChangedDefinition {
        @Test
        void a_switches_to_provisioned(DynamoDbClient client) {
            client.updateTable(r -> r.tableName("Orders").billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L)
                            .writeCapacityUnits(1L).build()));
        }

        @Test
        void b_sees_the_declared_definition(DynamoDbClient client) {
            assertThat(client.describeTable(r -> r.tableName("Orders")).table().billingModeSummary().billingMode())
                    .isEqualTo(BillingMode.PAY_PER_REQUEST);
        }
    }

    @DynamoTest(isolation = Isolation.PER_CLASS)
    @DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk")
    @DynamoSeed(value = "seeds/orders-dynamodb.json", table = "Orders")
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class PerClass {
        @Test
        void a_writes(Dynamo dynamo, DynamoDbClient client) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("X"), "sk", s("1"))));
            createUndeclared(client);
            dynamo.clock().freezeAt(FROZEN);
        }

        @Test
        void b_sees_it(Dynamo dynamo, DynamoDbClient client) {
            assertThat(client.listTables().tableNames()).containsExactly("Orders", "Scratch");
            assertThat(dynamo.table("Orders").itemCount()).isEqualTo(3);
            assertThat(dynamo.clock().now()).isEqualTo(FROZEN);
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class WithNestedTables {
        @Test
        void outer_has_its_tables(DynamoDbClient client) {
            assertThat(client.listTables().tableNames()).containsExactly("Orders");
        }

        @Nested
        @DynamoTable(name = "Invoices", partitionKey = "id")
        class Invoicing {
            @Test
            void inner_has_both(DynamoDbClient client) {
                assertThat(client.listTables().tableNames()).containsExactly("Invoices", "Orders");
            }
        }
    }
}
