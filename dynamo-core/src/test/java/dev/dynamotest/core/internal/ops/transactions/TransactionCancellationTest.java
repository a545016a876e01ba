package dev.dynamotest.core.internal.ops.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.EngineConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine side of transactions: cancellation reasons as the error body carries them, and token expiry. */
class TransactionCancellationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "us-east-1";

    private final ControllableClock clock = new ControllableClock().freeze();
    private DynamoEngine engine;

    @BeforeEach
    void start() {
        engine = DynamoEngine.create(EngineConfig.builder().clock(clock).build());
        engine.execute(REGION, "CreateTable", json("""
                {"TableName": "Accounts", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}"""));
        engine.execute(REGION, "PutItem", json("""
                {"TableName": "Accounts", "Item": {"pk": {"S": "a"}, "balance": {"N": "10"}}}"""));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode balance(String pk) {
        return engine.execute(REGION, "GetItem", json("""
                {"TableName": "Accounts", "Key": {"pk": {"S": "%s"}}}""".formatted(pk)))
                .path("Item").path("balance");
    }

    private static ObjectNode addTen(String token) {
        return json("""
                {"ClientRequestToken": "%s", "TransactItems": [{"Update": {"TableName": "Accounts",
                  "Key": {"pk": {"S": "a"}}, "UpdateExpression": "ADD balance :v",
                  "ExpressionAttributeValues": {":v": {"N": "10"}}}}]}""".formatted(token));
    }

    @Test
    void reports_a_reason_for_every_action_with_the_old_item_when_asked() {
        TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
                () -> engine.execute(REGION, "TransactWriteItems", json("""
                        {"TransactItems": [
                          {"Put": {"TableName": "Accounts", "Item": {"pk": {"S": "b"}}}},
                          {"ConditionCheck": {"TableName": "Accounts", "Key": {"pk": {"S": "a"}},
                            "ConditionExpression": "balance > :min", "ExpressionAttributeValues": {":min": {"N": "50"}},
                            "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}},
                          {"Delete": {"TableName": "Accounts", "Key": {"pk": {"S": "c"}},
                            "ConditionExpression": "attribute_exists(pk)"}},
                          {"Update": {"TableName": "Accounts", "Key": {"pk": {"S": "d"}},
                            "UpdateExpression": "SET x = :x", "ExpressionAttributeValues": {":x": {"S": "1"}}}}
                        ]}""")));

        assertThat(e.getMessage()).isEqualTo("Transaction cancelled, please refer cancellation reasons for specific "
                + "reasons [None, ConditionalCheckFailed, ConditionalCheckFailed, None]");
        assertThat(e.cancellationReasons()).isEqualTo(json("""
                {"r": [{"Code": "None"},
                       {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed",
                        "Item": {"pk": {"S": "a"}, "balance": {"N": "10"}}},
                       {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed"},
                       {"Code": "None"}]}""").get("r"));
        assertThat(e.details()).containsOnlyKeys("CancellationReasons");
        assertThat(engine.execute(REGION, "GetItem", json("""
                {"TableName": "Accounts", "Key": {"pk": {"S": "b"}}}""")).has("Item")).isFalse();
    }

    @Test
    void a_client_token_is_remembered_for_ten_minutes_of_the_engine_clock() {
        engine.execute(REGION, "TransactWriteItems", addTen("t1"));
        clock.advance(Duration.ofMinutes(9));
        engine.execute(REGION, "TransactWriteItems", addTen("t1"));
        assertThat(balance("a").path("N").asText()).isEqualTo("20");

        clock.advance(Duration.ofMinutes(1));
        engine.execute(REGION, "TransactWriteItems", addTen("t1"));

        assertThat(balance("a").path("N").asText()).isEqualTo("30");
    }

    @Test
    void client_tokens_are_kept_per_region() {
        String eu = "eu-west-1";
        engine.execute(eu, "CreateTable", json("""
                {"TableName": "Accounts", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}"""));

        engine.execute(REGION, "TransactWriteItems", addTen("t2"));
        engine.execute(eu, "TransactWriteItems", addTen("t2"));

        assertThat(balance("a").path("N").asText()).isEqualTo("20");
        assertThat(engine.execute(eu, "GetItem", json("""
                {"TableName": "Accounts", "Key": {"pk": {"S": "a"}}}""")).path("Item").path("balance").path("N")
                .asText()).isEqualTo("10");
    }
}
