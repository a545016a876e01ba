package dev.dynamotest.core;

import static dev.dynamotest.core.BatchWriteTest.errorOf;
import static dev.dynamotest.core.BatchWriteTest.n;
import static dev.dynamotest.core.BatchWriteTest.s;
import static dev.dynamotest.core.BatchWriteTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;

class TransactGetTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Accounts", "pk", null, null);
        endpoint.createTable("Ledger", "pk", "sk", ScalarAttributeType.N);
    }

    private static TransactGetItem get(String table, Map<String, AttributeValue> key) {
        return TransactGetItem.builder().get(Get.builder().tableName(table).key(key).build()).build();
    }

    @Test
    void reads_items_in_request_order_with_an_empty_entry_for_a_missing_one() {
        String p = unique();
        client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s(p), "balance", n("4"), "owner", s("Ann"))));
        client.putItem(b -> b.tableName("Ledger").item(Map.of("pk", s(p), "sk", n("1"))));

        TransactGetItemsResponse response = client.transactGetItems(b -> b.transactItems(
                get("Ledger", Map.of("pk", s(p), "sk", n("1"))),
                get("Accounts", Map.of("pk", s(p + "missing"))),
                TransactGetItem.builder().get(Get.builder().tableName("Accounts").key(Map.of("pk", s(p)))
                        .projectionExpression("#o").expressionAttributeNames(Map.of("#o", "owner")).build()).build()));

        assertThat(response.responses()).extracting(ItemResponse::item).containsExactly(
                Map.of("pk", s(p), "sk", n("1")), Map.of(), Map.of("owner", s("Ann")));
        assertThat(response.responses().get(1).hasItem()).isFalse();
    }

    @Test
    void transactional_reads_cost_double() {
        String p = unique();
        client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s(p), "big", s("x".repeat(5000)))));

        TransactGetItemsResponse response = client.transactGetItems(b -> b
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(get("Accounts", Map.of("pk", s(p))), get("Ledger", Map.of("pk", s(p), "sk", n("1")))));

        assertThat(response.consumedCapacity())
                .extracting(ConsumedCapacity::tableName, ConsumedCapacity::readCapacityUnits)
                .containsExactly(tuple("Accounts", 4.0), tuple("Ledger", 2.0));
    }

    @Test
    void rejects_two_gets_of_one_item_bad_keys_and_unknown_tables() {
        String twice = errorOf(() -> client.transactGetItems(b -> b.transactItems(
                get("Accounts", Map.of("pk", s("a"))), get("Accounts", Map.of("pk", s("a"))))));
        String badKey = errorOf(() -> client.transactGetItems(b -> b.transactItems(
                get("Ledger", Map.of("pk", s("a"))))));
        String unknown = errorOf(() -> client.transactGetItems(b -> b.transactItems(
                get("Nope", Map.of("pk", s("a"))))));
        String noGet = errorOf(() -> client.transactGetItems(b -> b.transactItems(TransactGetItem.builder()
                .build())));

        assertThat(twice).isEqualTo(
                "ValidationException: Transaction request cannot include multiple operations on one item");
        assertThat(badKey).isEqualTo("ValidationException: The provided key element does not match the schema");
        assertThat(unknown).isEqualTo("ResourceNotFoundException: Requested resource not found");
        assertThat(noGet).isEqualTo("ValidationException: 1 validation error detected: Value null at "
                + "'transactItems.1.member.get' failed to satisfy constraint: Member must not be null");
    }
}
