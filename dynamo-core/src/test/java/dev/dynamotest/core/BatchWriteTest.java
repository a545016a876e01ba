package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchWriteTest {

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

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static String unique() {
        return UUID.randomUUID().toString();
    }

    static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }

    static String errorOf(Runnable call) {
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, call::run);
        assertThat(e).as("expected a DynamoDbException").isNotNull();
        return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }

    private static Map<String, AttributeValue> user(String pk) {
        return client.getItem(b -> b.tableName("Users").key(Map.of("pk", s(pk))).consistentRead(true)).item();
    }

    @Test
    void writes_and_deletes_items_over_two_tables() {
        String p = unique();
        client.putItem(b -> b.tableName("Users").item(Map.of("pk", s(p + "old"))));

        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(
                "Orders", List.of(put(Map.of("pk", s(p), "sk", n("1"), "total", n("10"))),
                        put(Map.of("pk", s(p), "sk", n("2")))),
                "Users", List.of(put(Map.of("pk", s(p), "name", s("Ann"))), delete(Map.of("pk", s(p + "old")))))));

        assertThat(response.unprocessedItems()).isEmpty();
        assertThat(response.hasUnprocessedItems()).isTrue();
        assertThat(user(p)).isEqualTo(Map.of("pk", s(p), "name", s("Ann")));
        assertThat(user(p + "old")).isEmpty();
        assertThat(client.getItem(b -> b.tableName("Orders").key(Map.of("pk", s(p), "sk", n("1")))).item())
                .containsEntry("total", n("10"));
    }

    @Test
    void put_request_replaces_the_whole_item() {
        String p = unique();
        client.putItem(b -> b.tableName("Users").item(Map.of("pk", s(p), "a", s("hi"))));

        client.batchWriteItem(b -> b.requestItems(Map.of("Users", List.of(put(Map.of("pk", s(p), "b", s("yo")))))));

        assertThat(user(p)).isEqualTo(Map.of("pk", s(p), "b", s("yo")));
    }

    @Test
    void rejects_two_requests_for_one_item() {
        String p = unique();

        String twoPuts = errorOf(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Users",
                List.of(put(Map.of("pk", s(p))), put(Map.of("pk", s(p), "x", s("1"))))))));
        String putAndDelete = errorOf(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Orders",
                List.of(delete(Map.of("pk", s(p), "sk", n("1"))), put(Map.of("pk", s(p), "sk", n("1.0"))))))));

        assertThat(twoPuts).isEqualTo("ValidationException: Provided list of item keys contains duplicates");
        assertThat(putAndDelete).isEqualTo("ValidationException: Provided list of item keys contains duplicates");
        assertThat(user(p)).isEmpty();
    }

    @Test
    void same_key_in_two_tables_is_not_a_duplicate() {
        String p = unique();

        client.batchWriteItem(b -> b.requestItems(Map.of("Users", List.of(put(Map.of("pk", s(p), "a", s("1")))),
                "Users2", List.of(put(Map.of("pk", s(p), "b", s("2")))))));

        assertThat(user(p)).isEqualTo(Map.of("pk", s(p), "a", s("1")));
    }

    @Test
    void rejects_the_whole_batch_when_one_item_is_invalid() {
        String p1 = unique();
        String p2 = unique();

        String wrongType = errorOf(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Users",
                List.of(put(Map.of("pk", s(p1))), put(Map.of("pk", n("3"))), put(Map.of("pk", s(p2))))))));
        String missingKey = errorOf(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Users",
                List.of(put(Map.of("pk", s(p1))), put(Map.of("x", s("3"))))))));

        assertThat(wrongType).isEqualTo("ValidationException: One or more parameter values were invalid: "
                + "Type mismatch for key pk expected: S actual: N");
        assertThat(missingKey).isEqualTo("ValidationException: One or more parameter values were invalid: "
                + "Missing the key pk in the item");
        assertThat(user(p1)).isEmpty();
        assertThat(user(p2)).isEmpty();
    }

    @Test
    void checks_items_and_keys_as_put_item_and_delete_item_do() {
        String big = "x".repeat(400 * 1024);

        String tooLarge = errorOf(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Users",
                List.of(put(Map.of("pk", s(unique()), "big", s(big))))))));
        String badKey = errorOf(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Orders",
                List.of(delete(Map.of("pk", s(unique()))))))));
        String emptyKey = errorOf(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Users",
                List.of(put(Map.of("pk", s(""))))))));

        assertThat(tooLarge).isEqualTo("ValidationException: Item size has exceeded the maximum allowed size");
        assertThat(badKey).isEqualTo("ValidationException: The provided key element does not match the schema");
        assertThat(emptyKey).isEqualTo("ValidationException: One or more parameter values are not valid. The "
                + "AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
    }

    @Test
    void rejects_empty_and_oversized_request_lists() {
        List<WriteRequest> twentySix = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            twentySix.add(put(Map.of("pk", s(unique()))));
        }

        String empty = errorOf(() -> client.batchWriteItem(b -> b.requestItems(Map.of())));
        String emptyList = errorOf(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Users", List.of()))));
        String tooMany = errorOf(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Users", twentySix))));
        String tooManyOverTables = errorOf(() -> client.batchWriteItem(b -> b.requestItems(Map.of(
                "Users", twentySix.subList(0, 13), "Users2", twentySix.subList(13, 26)))));

        assertThat(empty).isEqualTo("ValidationException: 1 validation error detected: Value '{}' at "
                + "'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertThat(emptyList).isEqualTo("ValidationException: 1 validation error detected: Value '{Users=[]}' at "
                + "'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have "
                + "length less than or equal to 25, Member must have length greater than or equal to 1]");
        assertThat(tooMany).startsWith("ValidationException: 1 validation error detected: Value '{Users=["
                + "com.amazonaws.dynamodb.v20120810.WriteRequest@").endsWith("]}' at 'requestItems' failed to "
                + "satisfy constraint: Map value must satisfy constraint: [Member must have length less than or "
                + "equal to 25, Member must have length greater than or equal to 1]");
        assertThat(tooManyOverTables)
                .isEqualTo("ValidationException: Too many items requested for the BatchWriteItem call");
    }

    @Test
    void rejects_an_unknown_table() {
        assertThat(errorOf(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Nope",
                List.of(put(Map.of("pk", s("a")))))))))
                .isEqualTo("ResourceNotFoundException: Requested resource not found");
    }

    @Test
    void reports_consumed_capacity_per_table() {
        String p = unique();
        String twoKb = "x".repeat(2000);

        BatchWriteItemResponse response = client.batchWriteItem(b -> b
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
                .requestItems(Map.of("Users", List.of(put(Map.of("pk", s(p), "big", s(twoKb))),
                        put(Map.of("pk", s(p + "2")))),
                        "Orders", List.of(put(Map.of("pk", s(p), "sk", n("1")))))));

        assertThat(response.consumedCapacity())
                .extracting(ConsumedCapacity::tableName, ConsumedCapacity::capacityUnits)
                .containsExactlyInAnyOrder(tuple("Users", 3.0),
                        tuple("Orders", 1.0));
    }
}
