package dev.dynamotest.core;

import static dev.dynamotest.core.BatchWriteTest.errorOf;
import static dev.dynamotest.core.BatchWriteTest.n;
import static dev.dynamotest.core.BatchWriteTest.put;
import static dev.dynamotest.core.BatchWriteTest.s;
import static dev.dynamotest.core.BatchWriteTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchGetTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Orders", "pk", "sk", ScalarAttributeType.N);
        endpoint.createTable("Users", "pk", null, null);
        endpoint.createTable("Users2", "pk", null, null);
    }

    private static KeysAndAttributes keys(List<Map<String, AttributeValue>> keys) {
        return KeysAndAttributes.builder().keys(keys).consistentRead(true).build();
    }

    private static Map<String, AttributeValue> order(String p, int sk) {
        return Map.of("pk", s(p), "sk", n(Integer.toString(sk)));
    }

    @Test
    void reads_items_of_two_tables_and_leaves_out_missing_ones() {
        String p = unique();
        client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s(p), "sk", n("1"), "total", n("5"))));
        client.putItem(b -> b.tableName("Users").item(Map.of("pk", s(p), "name", s("Ann"))));

        BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(
                "Orders", keys(List.of(order(p, 1), order(p, 2))),
                "Users", keys(List.of(Map.of("pk", s(p + "missing")), Map.of("pk", s(p)))))));

        assertThat(response.responses().get("Orders"))
                .containsExactly(Map.of("pk", s(p), "sk", n("1"), "total", n("5")));
        assertThat(response.responses().get("Users")).containsExactly(Map.of("pk", s(p), "name", s("Ann")));
        assertThat(response.unprocessedKeys()).isEmpty();
        assertThat(response.hasUnprocessedKeys()).isTrue();
    }

    @Test
    void gives_an_empty_list_for_a_table_whose_items_are_all_missing() {
        BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(
                "Users", keys(List.of(Map.of("pk", s(unique())))))));

        assertThat(response.responses()).containsEntry("Users", List.of());
    }

    @Test
    void projects_each_table_with_its_own_expression_or_attributes_to_get() {
        String p = unique();
        client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s(p), "sk", n("1"), "a", s("A"), "b", s("B"),
                "m", AttributeValue.fromM(Map.of("x", s("X"), "y", s("Y"))))));
        client.putItem(b -> b.tableName("Users").item(Map.of("pk", s(p), "name", s("Ann"), "age", n("3"))));

        BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(
                "Orders", KeysAndAttributes.builder().keys(order(p, 1)).projectionExpression("#a, m.x")
                        .expressionAttributeNames(Map.of("#a", "a")).build(),
                "Users", KeysAndAttributes.builder().keys(Map.of("pk", s(p))).attributesToGet("name").build())));

        assertThat(response.responses().get("Orders"))
                .containsExactly(Map.of("a", s("A"), "m", AttributeValue.fromM(Map.of("x", s("X")))));
        assertThat(response.responses().get("Users")).containsExactly(Map.of("name", s("Ann")));
    }

    @Test
    void rejects_an_unused_expression_attribute_name() {
        assertThat(errorOf(() -> client.batchGetItem(b -> b.requestItems(Map.of("Users",
                KeysAndAttributes.builder().keys(Map.of("pk", s("a"))).projectionExpression("#a")
                        .expressionAttributeNames(Map.of("#a", "a", "#b", "b")).build())))))
                .isEqualTo("ValidationException: Value provided in ExpressionAttributeNames unused in expressions: "
                        + "keys: {#b}");
    }

    @Test
    void rejects_duplicate_keys_but_not_the_same_key_in_two_tables() {
        String p = unique();

        String duplicate = errorOf(() -> client.batchGetItem(b -> b.requestItems(Map.of(
                "Orders", keys(List.of(order(p, 1), order(p, 1)))))));
        BatchGetItemResponse twoTables = client.batchGetItem(b -> b.requestItems(Map.of(
                "Users", keys(List.of(Map.of("pk", s(p)))), "Users2", keys(List.of(Map.of("pk", s(p)))))));

        assertThat(duplicate).isEqualTo("ValidationException: Provided list of item keys contains duplicates");
        assertThat(twoTables.responses()).containsOnlyKeys("Users", "Users2");
    }

    @Test
    void rejects_more_than_100_keys() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(order("p", i));
        }

        List<Map<String, AttributeValue>> userKeys = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            userKeys.add(Map.of("pk", s("u" + i)));
        }

        String overTables = errorOf(() -> client.batchGetItem(b -> b.requestItems(Map.of(
                "Orders", keys(keys.subList(0, 60)), "Users", keys(userKeys)))));
        String oneTable = errorOf(() -> client.batchGetItem(b -> b.requestItems(Map.of("Orders", keys(keys)))));

        assertThat(overTables).isEqualTo("ValidationException: Too many items requested for the BatchGetItem call");
        assertThat(oneTable).startsWith("ValidationException: 1 validation error detected: Value '[")
                .endsWith("' at 'requestItems.Orders.member.keys' failed to satisfy constraint: Member must have "
                        + "length less than or equal to 100");
    }

    @Test
    void rejects_bad_keys_and_unknown_tables() {
        String wrongSchema = errorOf(() -> client.batchGetItem(b -> b.requestItems(Map.of(
                "Orders", keys(List.of(Map.of("pk", s("a"))))))));
        String unknown = errorOf(() -> client.batchGetItem(b -> b.requestItems(Map.of(
                "Nope", keys(List.of(Map.of("pk", s("a"))))))));
        String empty = errorOf(() -> client.batchGetItem(b -> b.requestItems(Map.of())));

        assertThat(wrongSchema).isEqualTo("ValidationException: The provided key element does not match the schema");
        assertThat(unknown).isEqualTo("ResourceNotFoundException: Requested resource not found");
        assertThat(empty).isEqualTo("ValidationException: 1 validation error detected: Value '{}' at "
                + "'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void reports_consumed_capacity_per_table() {
        String p = unique();
        String fiveKb = "x".repeat(5000);
        client.putItem(b -> b.tableName("Users").item(Map.of("pk", s(p), "big", s(fiveKb))));

        BatchGetItemResponse response = client.batchGetItem(b -> b
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .requestItems(Map.of("Users", keys(List.of(Map.of("pk", s(p)), Map.of("pk", s(p + "x")))),
                        "Orders", KeysAndAttributes.builder().keys(order(p, 1)).build())));

        assertThat(response.consumedCapacity())
                .extracting(ConsumedCapacity::tableName, ConsumedCapacity::capacityUnits)
                .containsExactlyInAnyOrder(tuple("Users", 3.0), tuple("Orders", 0.5));
    }

    @Test
    void consumed_capacity_holds_the_fields_the_api_reference_lists_and_charges_a_key_not_found_as_a_get() {
        String p = unique();
        client.putItem(b -> b.tableName("Users2").item(Map.of("pk", s(p))));
        Map<String, KeysAndAttributes> request = Map.of("Users2", KeysAndAttributes.builder()
                .keys(Map.of("pk", s(p)), Map.of("pk", s(p + "missing"))).build());

        ConsumedCapacity total = client.batchGetItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .requestItems(request)).consumedCapacity().get(0);
        ConsumedCapacity indexes = client.batchGetItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .requestItems(request)).consumedCapacity().get(0);

        assertThat(total).isEqualTo(ConsumedCapacity.builder().tableName("Users2").capacityUnits(1.0).build());
        assertThat(indexes).isEqualTo(ConsumedCapacity.builder().tableName("Users2").capacityUnits(1.0)
                .table(c -> c.capacityUnits(1.0)).build());
    }

    @Test
    void returns_keys_past_16_mb_as_unprocessed_keys_with_the_table_parameters() {
        String p = unique();
        String big = "x".repeat(390 * 1024);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        List<WriteRequest> puts = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            keys.add(order(p, i));
            puts.add(put(Map.of("pk", s(p), "sk", n(Integer.toString(i)), "big", s(big))));
        }
        for (int from = 0; from < puts.size(); from += 25) {
            List<WriteRequest> chunk = puts.subList(from, Math.min(from + 25, puts.size()));
            client.batchWriteItem(b -> b.requestItems(Map.of("Orders", chunk)));
        }

        BatchGetItemResponse first = client.batchGetItem(b -> b.requestItems(Map.of("Orders",
                KeysAndAttributes.builder().keys(keys).consistentRead(true).projectionExpression("pk, sk, big")
                        .build())));
        KeysAndAttributes unprocessed = first.unprocessedKeys().get("Orders");
        BatchGetItemResponse second = client.batchGetItem(b -> b.requestItems(first.unprocessedKeys()));

        assertThat(first.responses().get("Orders")).hasSize(42);
        assertThat(unprocessed.keys()).containsExactlyElementsOf(keys.subList(42, 45));
        assertThat(unprocessed.consistentRead()).isTrue();
        assertThat(unprocessed.projectionExpression()).isEqualTo("pk, sk, big");
        assertThat(second.responses().get("Orders")).hasSize(3);
        assertThat(second.unprocessedKeys()).isEmpty();
    }
}
