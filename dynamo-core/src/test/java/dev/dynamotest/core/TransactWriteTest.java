package dev.dynamotest.core;

import static dev.dynamotest.core.BatchWriteTest.errorOf;
import static dev.dynamotest.core.BatchWriteTest.n;
import static dev.dynamotest.core.BatchWriteTest.s;
import static dev.dynamotest.core.BatchWriteTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

class TransactWriteTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Accounts", "pk", null, null);
        endpoint.createTable("Ledger", "pk", "sk", ScalarAttributeType.N);
    }

    static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    static TransactWriteItem add(String pk, String amount) {
        return TransactWriteItem.builder().update(Update.builder().tableName("Accounts").key(Map.of("pk", s(pk)))
                .updateExpression("ADD balance :a").expressionAttributeValues(Map.of(":a", n(amount))).build())
                .build();
    }

    static TransactWriteItem check(String pk, String condition) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("Accounts")
                .key(Map.of("pk", s(pk))).conditionExpression(condition).build()).build();
    }

    static TransactWriteItem delete(String pk) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName("Accounts").key(Map.of("pk", s(pk)))
                .build()).build();
    }

    private static Map<String, AttributeValue> account(String pk) {
        return client.getItem(b -> b.tableName("Accounts").key(Map.of("pk", s(pk))).consistentRead(true)).item();
    }

    @Test
    void applies_put_update_delete_and_condition_check_together() {
        String p = unique();
        client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s(p + "a"), "balance", n("10"))));
        client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s(p + "there"))));
        client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s(p + "old"))));

        client.transactWriteItems(b -> b.transactItems(add(p + "a", "-3"), check(p + "there", "attribute_exists(pk)"),
                put("Ledger", Map.of("pk", s(p), "sk", n("1"), "amount", n("3"))), delete(p + "old")));

        assertThat(account(p + "a")).containsEntry("balance", n("7"));
        assertThat(account(p + "there")).isEqualTo(Map.of("pk", s(p + "there")));
        assertThat(account(p + "old")).isEmpty();
        assertThat(client.getItem(b -> b.tableName("Ledger").key(Map.of("pk", s(p), "sk", n("1")))).item())
                .containsEntry("amount", n("3"));
    }

    @Test
    void a_failed_condition_cancels_the_transaction_and_writes_nothing() {
        String p = unique();
        client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s(p), "balance", n("10"))));

        TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
                () -> client.transactWriteItems(b -> b.transactItems(add(p, "-3"),
                        put("Ledger", Map.of("pk", s(p), "sk", n("1"))),
                        check(p + "missing", "attribute_exists(pk)"), delete(p + "other"))));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer cancellation "
                + "reasons for specific reasons [None, None, ConditionalCheckFailed, None]");
        assertThat(e.cancellationReasons()).extracting(r -> r.code())
                .containsExactly("None", "None", "ConditionalCheckFailed", "None");
        assertThat(account(p)).containsEntry("balance", n("10"));
        assertThat(client.getItem(b -> b.tableName("Ledger").key(Map.of("pk", s(p), "sk", n("1")))).hasItem())
                .isFalse();
    }

    @Test
    void an_update_that_fails_on_the_stored_item_is_a_validation_error_reason() {
        String p = unique();
        client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s(p), "balance", s("not a number"))));

        String error = errorOf(() -> client.transactWriteItems(b -> b.transactItems(
                put("Ledger", Map.of("pk", s(p), "sk", n("1"))), add(p, "1"))));

        assertThat(error).isEqualTo("TransactionCanceledException: Transaction cancelled, please refer "
                + "cancellation reasons for specific reasons [None, ValidationError]");
        assertThat(client.getItem(b -> b.tableName("Ledger").key(Map.of("pk", s(p), "sk", n("1")))).hasItem())
                .isFalse();
    }

    @Test
    void rejects_two_actions_on_one_item() {
        String p = unique();

        String error = errorOf(() -> client.transactWriteItems(b -> b.transactItems(add(p, "1"), delete(p))));

        assertThat(error).isEqualTo(
                "ValidationException: Transaction request cannot include multiple operations on one item");
    }

    @Test
    void rejects_an_element_with_two_actions_or_none() {
        TransactWriteItem both = add("a", "1").toBuilder().delete(delete("b").delete()).build();

        String two = errorOf(() -> client.transactWriteItems(b -> b.transactItems(both)));
        String none = errorOf(() -> client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                .build())));

        assertThat(two).isEqualTo(
                "ValidationException: TransactItems can only contain one of Check, Put, Update or Delete");
        assertThat(none).isEqualTo(two);
    }

    @Test
    void rejects_missing_members_with_their_paths() {
        String error = errorOf(() -> client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("Accounts")
                        .key(Map.of("pk", s("a"))).build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName("Accounts")
                        .key(Map.of("pk", s("b"))).build()).build())));

        assertThat(error).isEqualTo("ValidationException: 2 validation errors detected: Value null at "
                + "'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member "
                + "must not be null; Value null at 'transactItems.2.member.update.updateExpression' failed to "
                + "satisfy constraint: Member must not be null");
    }

    @Test
    void rejects_empty_and_oversized_transactions() {
        List<TransactWriteItem> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(add("k" + i, "1"));
        }

        String empty = errorOf(() -> client.transactWriteItems(b -> b.transactItems(List.of())));
        String tooMany = errorOf(() -> client.transactWriteItems(b -> b.transactItems(many)));

        assertThat(empty).isEqualTo("ValidationException: 1 validation error detected: Value '[]' at "
                + "'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertThat(tooMany).startsWith("ValidationException: 1 validation error detected: Value '["
                + "com.amazonaws.dynamodb.v20120810.TransactWriteItem@").endsWith("]' at 'transactItems' failed to "
                + "satisfy constraint: Member must have length less than or equal to 100");
    }

    @Test
    void checks_items_as_put_item_does_and_rejects_unknown_tables() {
        String wrongType = errorOf(() -> client.transactWriteItems(b -> b.transactItems(
                put("Accounts", Map.of("pk", n("1"))))));
        String unknown = errorOf(() -> client.transactWriteItems(b -> b.transactItems(
                put("Nope", Map.of("pk", s("1"))))));
        String keyUpdate = errorOf(() -> client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().update(Update.builder().tableName("Accounts").key(Map.of("pk", s("a")))
                        .updateExpression("SET pk = :v").expressionAttributeValues(Map.of(":v", s("b"))).build())
                        .build())));

        assertThat(wrongType).isEqualTo("ValidationException: One or more parameter values were invalid: "
                + "Type mismatch for key pk expected: S actual: N");
        assertThat(unknown).isEqualTo("ResourceNotFoundException: Requested resource not found");
        assertThat(keyUpdate).startsWith("ValidationException: One or more parameter values were invalid: "
                + "Cannot update attribute pk. This attribute is part of the key");
    }

    @Test
    void transactional_writes_cost_double() {
        String p = unique();

        TransactWriteItemsResponse response = client.transactWriteItems(b -> b
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(add(p, "1"), put("Ledger", Map.of("pk", s(p), "sk", n("1"), "big",
                        s("x".repeat(1500))))));

        assertThat(response.consumedCapacity())
                .extracting(ConsumedCapacity::tableName, ConsumedCapacity::writeCapacityUnits)
                .containsExactly(tuple("Accounts", 2.0),
                        tuple("Ledger", 4.0));
    }

    @Test
    void the_same_client_token_and_request_run_once() {
        String p = unique();
        String token = unique();

        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(add(p, "5")));
        TransactWriteItemsResponse replay = client.transactWriteItems(b -> b.clientRequestToken(token)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(add(p, "5")));

        assertThat(account(p)).containsEntry("balance", n("5"));
        assertThat(replay.consumedCapacity()).extracting(ConsumedCapacity::readCapacityUnits).containsExactly(1.0);
    }

    @Test
    void the_same_client_token_with_another_request_is_a_mismatch() {
        String p = unique();
        String token = unique();
        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(add(p, "5")));

        String error = errorOf(() -> client.transactWriteItems(b -> b.clientRequestToken(token)
                .transactItems(add(p, "6"))));

        assertThat(error).startsWith("IdempotentParameterMismatchException: ");
        assertThat(account(p)).containsEntry("balance", n("5"));
    }

    @Test
    void a_cancelled_transaction_does_not_use_up_its_token() {
        String p = unique();
        String token = unique();

        errorOf(() -> client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(add(p, "1"),
                check(p + "x", "attribute_exists(pk)"))));
        client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s(p + "x"))));
        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(add(p, "1"),
                check(p + "x", "attribute_exists(pk)")));

        assertThat(account(p)).containsEntry("balance", n("1"));
    }
}
