package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ItemOperationsTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Items", "pk", "sk", ScalarAttributeType.N);
        endpoint.createTable("Simple", "pk", null, null);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    private static String errorOf(Runnable call) {
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, call::run);
        assertThat(e).as("expected a DynamoDbException").isNotNull();
        return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }

    @Test
    void puts_and_gets_an_item_with_every_type() {
        Map<String, AttributeValue> item = Map.ofEntries(
                Map.entry("pk", s("all-types")), Map.entry("sk", n("1")),
                Map.entry("s", s("text")), Map.entry("n", n("-12.5")),
                Map.entry("b", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes"))),
                Map.entry("bool", AttributeValue.fromBool(true)), Map.entry("nul", AttributeValue.fromNul(true)),
                Map.entry("m", AttributeValue.fromM(Map.of("inner", s("x")))),
                Map.entry("l", AttributeValue.fromL(List.of(n("1"), s("two")))),
                Map.entry("ss", AttributeValue.fromSs(List.of("a", "b"))),
                Map.entry("ns", AttributeValue.fromNs(List.of("1", "2.5"))),
                Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x")))));
        client.putItem(b -> b.tableName("Items").item(item));

        var got = client.getItem(b -> b.tableName("Items").key(Map.of("pk", s("all-types"), "sk", n("1"))));

        assertThat(got.item()).isEqualTo(item);
    }

    @Test
    void returns_numbers_in_canonical_form() {
        client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("numbers"),
                "a", n("1.50"), "b", n("1e3"), "c", n("-0.000"), "d", n("0012"))));

        var item = client.getItem(b -> b.tableName("Simple").key(key("numbers"))).item();

        assertThat(item.get("a").n()).isEqualTo("1.5");
        assertThat(item.get("b").n()).isEqualTo("1000");
        assertThat(item.get("c").n()).isEqualTo("0");
        assertThat(item.get("d").n()).isEqualTo("12");
    }

    @Test
    void get_of_a_missing_item_returns_no_item() {
        var response = client.getItem(b -> b.tableName("Simple").key(key("nobody")));

        assertThat(response.hasItem()).isFalse();
    }

    @Test
    void put_returns_the_old_item_when_asked() {
        client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("old"), "v", n("1"))));

        var response = client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("old"), "v", n("2")))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).containsEntry("v", n("1"));
    }

    @Test
    void a_failed_condition_leaves_the_item_and_can_return_it() {
        client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("guarded"), "v", n("1"))));

        ConditionalCheckFailedException e = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("guarded"), "v", n("2")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
        assertThat(e.item()).containsEntry("v", n("1"));
        assertThat(client.getItem(b -> b.tableName("Simple").key(key("guarded"))).item()).containsEntry("v", n("1"));
    }

    @Test
    void updates_with_an_update_expression_and_returns_updated_values() {
        client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("upd"), "count", n("1"), "tmp", s("x"))));

        var response = client.updateItem(b -> b.tableName("Simple").key(key("upd"))
                .updateExpression("SET #c = #c + :one, tags = :tags REMOVE tmp")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n("1"), ":tags", AttributeValue.fromSs(List.of("t"))))
                .returnValues(ReturnValue.UPDATED_NEW));

        assertThat(response.attributes()).isEqualTo(Map.of("count", n("2"), "tags",
                AttributeValue.fromSs(List.of("t"))));
        assertThat(client.getItem(b -> b.tableName("Simple").key(key("upd"))).item())
                .isEqualTo(Map.of("pk", s("upd"), "count", n("2"), "tags", AttributeValue.fromSs(List.of("t"))));
    }

    @Test
    void update_creates_a_missing_item() {
        client.updateItem(b -> b.tableName("Simple").key(key("created"))
                .updateExpression("ADD visits :one").expressionAttributeValues(Map.of(":one", n("1"))));

        assertThat(client.getItem(b -> b.tableName("Simple").key(key("created"))).item())
                .isEqualTo(Map.of("pk", s("created"), "visits", n("1")));
    }

    @Test
    void delete_removes_the_item_and_returns_it_when_asked() {
        client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("gone"), "v", n("1"))));

        var response = client.deleteItem(b -> b.tableName("Simple").key(key("gone"))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).containsEntry("v", n("1"));
        assertThat(client.getItem(b -> b.tableName("Simple").key(key("gone"))).hasItem()).isFalse();
    }

    @Test
    void legacy_parameters_still_work() {
        client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("legacy"), "v", n("1"))));

        client.updateItem(b -> b.tableName("Simple").key(key("legacy"))
                .attributeUpdates(Map.of("v", AttributeValueUpdate.builder().action(AttributeAction.ADD)
                        .value(n("4")).build()))
                .expected(Map.of("v", ExpectedAttributeValue.builder().value(n("1")).build())));

        var item = client.getItem(b -> b.tableName("Simple").key(key("legacy")).attributesToGet("v")).item();
        assertThat(item).isEqualTo(Map.of("v", n("5")));
    }

    @Test
    void reports_consumed_capacity_with_dynamodb_arithmetic() {
        String kb = "x".repeat(1500);
        var put = client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("cap"), "v", s(kb)))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var eventual = client.getItem(b -> b.tableName("Simple").key(key("cap"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var strong = client.getItem(b -> b.tableName("Simple").key(key("cap")).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));

        assertThat(put.consumedCapacity().capacityUnits()).isEqualTo(2.0);
        assertThat(put.consumedCapacity().tableName()).isEqualTo("Simple");
        assertThat(eventual.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        assertThat(strong.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        assertThat(strong.consumedCapacity().table().capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void rejects_an_unknown_table() {
        DynamoDbException e = catchThrowableOfType(ResourceNotFoundException.class,
                () -> client.getItem(b -> b.tableName("Missing").key(key("a"))));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found");
    }

    @Test
    void rejects_items_without_their_key_or_with_the_wrong_key_type() {
        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("a"))))))
                .isEqualTo("ValidationException: One or more parameter values were invalid: Missing the key sk in the item");
        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("a"), "sk", s("1"))))))
                .isEqualTo("ValidationException: One or more parameter values were invalid: Type mismatch for key sk "
                        + "expected: N actual: S");
        assertThat(errorOf(() -> client.getItem(b -> b.tableName("Items").key(Map.of("pk", s("a"))))))
                .isEqualTo("ValidationException: The provided key element does not match the schema");
        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s(""))))))
                .isEqualTo("ValidationException: One or more parameter values are not valid. The AttributeValue for "
                        + "a key attribute cannot contain an empty string value. Key: pk");
    }

    @Test
    void rejects_an_item_over_400_kb() {
        String big = "x".repeat(400 * 1024);

        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("big"), "v", s(big))))))
                .isEqualTo("ValidationException: Item size has exceeded the maximum allowed size");
    }

    @Test
    void accepts_an_item_of_just_under_400_kb() {
        String big = "x".repeat(400 * 1024 - 10);

        client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("just"), "v", s(big))));

        assertThat(client.getItem(b -> b.tableName("Simple").key(key("just"))).item().get("v").s()).hasSize(big.length());
    }

    @Test
    void rejects_keys_over_their_size_limits() {
        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("k".repeat(2049)))))))
                .isEqualTo("ValidationException: One or more parameter values were invalid: Size of hashkey has "
                        + "exceeded the maximum size limit of2048 bytes");
    }

    @Test
    void rejects_invalid_numbers_and_sets() {
        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("n"), "v", n("dog"))))))
                .isEqualTo("ValidationException: The parameter cannot be converted to a numeric value: dog");
        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("n"),
                "v", n("1234567890123456789012345678901234567890"))))))
                .isEqualTo("ValidationException: Attempting to store more than 38 significant digits in a Number");
        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("n"), "v", n("1e126"))))))
                .isEqualTo("ValidationException: Number overflow. Attempting to store a number with magnitude larger "
                        + "than supported range");
        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("n"),
                "v", AttributeValue.fromSs(List.of("a", "a")))))))
                .isEqualTo("ValidationException: One or more parameter values were invalid: Input collection [a, a] "
                        + "contains duplicates.");
    }

    @Test
    void rejects_items_nested_deeper_than_32_levels() {
        AttributeValue nested = s("leaf");
        for (int i = 0; i < 32; i++) {
            nested = AttributeValue.fromM(Map.of("a", nested));
        }
        AttributeValue tooDeep = nested;

        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("deep"), "v", tooDeep)))))
                .startsWith("ValidationException: Nesting Levels have exceeded supported limits");
    }

    @Test
    void rejects_attribute_names_over_64_kb_wherever_they_appear() {
        String tooLong = "n".repeat(65536);
        String message = "ValidationException: One or more parameter values are not valid. Attribute name is too "
                + "large, must be less than 65536 bytes";

        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("long"),
                tooLong, n("1")))))).isEqualTo(message);
        assertThat(errorOf(() -> client.getItem(b -> b.tableName("Simple").key(key("long"))
                .projectionExpression("#n").expressionAttributeNames(Map.of("#n", tooLong))))).isEqualTo(message);
        assertThat(errorOf(() -> client.getItem(b -> b.tableName("Simple").key(key("long"))
                .attributesToGet(tooLong)))).isEqualTo(message);
    }

    @Test
    void rejects_a_very_deep_value_cleanly() {
        AttributeValue nested = s("leaf");
        for (int i = 0; i < 400; i++) {
            nested = AttributeValue.fromL(List.of(nested));
        }
        AttributeValue deep = nested;

        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Simple").item(Map.of("pk", s("deeper"), "v", deep)))))
                .startsWith("ValidationException: Nesting Levels have exceeded supported limits");
    }

    @Test
    void rejects_deeply_parenthesised_conditions_cleanly() {
        String condition = "(".repeat(2046) + "a<b" + ")".repeat(2046);

        assertThat(errorOf(() -> client.updateItem(b -> b.tableName("Simple").key(key("parens"))
                .updateExpression("SET z = :v").expressionAttributeValues(Map.of(":v", n("1")))
                .conditionExpression(condition))))
                .isEqualTo("ValidationException: Invalid ConditionExpression: The expression has redundant "
                        + "parentheses;");
    }

    @Test
    void rejects_return_values_put_does_not_support() {
        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Simple").item(key("rv"))
                .returnValues(ReturnValue.ALL_NEW))))
                .isEqualTo("ValidationException: ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void rejects_an_update_of_a_key_attribute() {
        assertThat(errorOf(() -> client.updateItem(b -> b.tableName("Simple").key(key("k"))
                .updateExpression("SET pk = :v").expressionAttributeValues(Map.of(":v", s("x"))))))
                .isEqualTo("ValidationException: One or more parameter values were invalid: Cannot update attribute pk. "
                        + "This attribute is part of the key");
    }
}
