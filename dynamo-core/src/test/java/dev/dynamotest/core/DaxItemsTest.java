package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.support.LocalDax;
import dev.dynamotest.core.support.LocalEndpoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The item operations through Amazon's own DAX client against a {@link DaxServer}. */
class DaxItemsTest {

    private static final ControllableClock CLOCK =
            new ControllableClock().freezeAt(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());
    @RegisterExtension
    static final LocalDax dax = new LocalDax(endpoint);
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        endpoint.createTable("Items", "pk", null, null);
        client = dax.client();
    }

    @Test
    void puts_and_gets_an_item() {
        client.putItem(b -> b.tableName("Items").item(Map.of("pk", AttributeValue.fromS("a"),
                "v", AttributeValue.fromS("one"), "n", AttributeValue.fromN("12.5"))));

        var item = client.getItem(b -> b.tableName("Items").key(Map.of("pk", AttributeValue.fromS("a")))).item();

        assertThat(item).containsEntry("pk", AttributeValue.fromS("a")).containsEntry("v", AttributeValue.fromS("one"))
                .containsEntry("n", AttributeValue.fromN("12.5"));
    }

    @Test
    void binary_keys_are_put_got_and_queried_in_unsigned_byte_order() {
        endpoint.client().createTable(b -> b.tableName("Blobs").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH),
                        k -> k.attributeName("part").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.B),
                        a -> a.attributeName("part").attributeType(ScalarAttributeType.B)));
        AttributeValue id = AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, (byte) 255, 7}));
        for (int part : new int[] {0x80, 0x01, 0xff}) {
            client.putItem(b -> b.tableName("Blobs").item(Map.of("id", id,
                    "part", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) part})),
                    "v", AttributeValue.fromN(Integer.toString(part)))));
        }

        var item = client.getItem(b -> b.tableName("Blobs").key(Map.of("id", id,
                "part", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) 0x80}))))).item();
        var parts = client.query(b -> b.tableName("Blobs").keyConditionExpression("id = :id")
                .expressionAttributeValues(Map.of(":id", id))).items().stream()
                .map(i -> i.get("part").b().asByteArray()[0] & 0xff).toList();

        assertThat(item).containsEntry("id", id).containsEntry("v", AttributeValue.fromN("128"));
        assertThat(parts).containsExactly(0x01, 0x80, 0xff);
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    @Test
    void carries_every_attribute_type_and_numbers_at_the_38_digit_edge() {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        item.put("pk", AttributeValue.fromS("types"));
        item.put("s", AttributeValue.fromS("text \u00e9"));
        item.put("big", AttributeValue.fromN("12345678901234567890123456789012345678"));
        item.put("small", AttributeValue.fromN("-0.00000000000000000000000000000000000001"));
        item.put("huge", AttributeValue.fromN("9.9999999999999999999999999999999999999E+125"));
        item.put("int", AttributeValue.fromN("-42"));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255})));
        item.put("yes", AttributeValue.fromBool(true));
        item.put("nothing", AttributeValue.fromNul(true));
        item.put("list", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("1"))));
        item.put("map", AttributeValue.fromM(Map.of("inner", AttributeValue.fromM(Map.of("deep",
                AttributeValue.fromS("y"))))));
        item.put("ss", AttributeValue.fromSs(List.of("a", "b")));
        item.put("ns", AttributeValue.fromNs(List.of("1", "2.5")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}))));
        client.putItem(b -> b.tableName("Items").item(item));

        var read = client.getItem(b -> b.tableName("Items").key(key("types"))).item();
        var direct = endpoint.client().getItem(b -> b.tableName("Items").key(key("types"))).item();

        assertThat(read.keySet()).isEqualTo(direct.keySet());
        for (String name : direct.keySet()) {
            if (direct.get(name).n() != null) {
                // the DAX client writes numbers its own way (-1E-38): the values are the same
                assertThat(new BigDecimal(read.get(name).n())).isEqualByComparingTo(direct.get(name).n());
            } else if (direct.get(name).ss().isEmpty() && direct.get(name).ns().isEmpty()) {
                assertThat(read.get(name)).as(name).isEqualTo(direct.get(name));
            }
        }
        assertThat(read.get("big").n()).isEqualTo("12345678901234567890123456789012345678");
        assertThat(read.get("ns").ns()).containsExactlyInAnyOrder("1", "2.5");
        assertThat(read.get("ss").ss()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void a_missing_item_reads_as_no_item() {
        var response = client.getItem(b -> b.tableName("Items").key(key("never")));

        assertThat(response.hasItem()).isFalse();
    }

    @Test
    void projects_top_level_and_nested_paths() {
        client.putItem(b -> b.tableName("Items").item(Map.of("pk", AttributeValue.fromS("p"),
                "a", AttributeValue.fromS("A"), "b", AttributeValue.fromS("B"),
                "m", AttributeValue.fromM(Map.of("x", AttributeValue.fromL(List.of(AttributeValue.fromN("1"),
                        AttributeValue.fromN("2"))))))));

        var item = client.getItem(b -> b.tableName("Items").key(key("p"))
                .projectionExpression("a, #m.x[1]").expressionAttributeNames(Map.of("#m", "m"))).item();

        assertThat(item).isEqualTo(Map.of("a", AttributeValue.fromS("A"),
                "m", AttributeValue.fromM(Map.of("x", AttributeValue.fromL(List.of(AttributeValue.fromN("2")))))));
    }

    @Test
    void a_failed_condition_raises_conditional_check_failed() {
        client.putItem(b -> b.tableName("Items").item(Map.of("pk", AttributeValue.fromS("c"),
                "v", AttributeValue.fromN("1"))));

        assertThatThrownBy(() -> client.putItem(b -> b.tableName("Items")
                .item(Map.of("pk", AttributeValue.fromS("c"), "v", AttributeValue.fromN("2")))
                .conditionExpression("attribute_not_exists(pk) OR v > :min")
                .expressionAttributeValues(Map.of(":min", AttributeValue.fromN("5")))))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageContaining("The conditional request failed");
        assertThat(endpoint.client().getItem(b -> b.tableName("Items").key(key("c"))).item().get("v").n())
                .isEqualTo("1");
    }

    @Test
    void updates_with_set_add_remove_and_returns_what_was_asked() {
        client.putItem(b -> b.tableName("Items").item(Map.of("pk", AttributeValue.fromS("u"),
                "count", AttributeValue.fromN("1"), "gone", AttributeValue.fromS("x"),
                "tags", AttributeValue.fromSs(List.of("a")))));

        var allNew = client.updateItem(b -> b.tableName("Items").key(key("u"))
                .updateExpression("SET #c = #c + :one, label = if_not_exists(label, :l) REMOVE gone ADD tags :t")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":l", AttributeValue.fromS("L"),
                        ":t", AttributeValue.fromSs(List.of("b"))))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        var updatedOld = client.updateItem(b -> b.tableName("Items").key(key("u"))
                .updateExpression("SET label = :m").expressionAttributeValues(Map.of(":m", AttributeValue.fromS("M")))
                .returnValues(ReturnValue.UPDATED_OLD)).attributes();
        var allOld = client.deleteItem(b -> b.tableName("Items").key(key("u")).returnValues(ReturnValue.ALL_OLD))
                .attributes();

        assertThat(allNew).containsEntry("pk", AttributeValue.fromS("u")).containsEntry("count",
                AttributeValue.fromN("2")).containsEntry("label", AttributeValue.fromS("L")).doesNotContainKey("gone");
        assertThat(allNew.get("tags").ss()).containsExactlyInAnyOrder("a", "b");
        assertThat(updatedOld).isEqualTo(Map.of("label", AttributeValue.fromS("L")));
        assertThat(allOld).containsEntry("label", AttributeValue.fromS("M")).containsEntry("pk",
                AttributeValue.fromS("u"));
        assertThat(endpoint.client().getItem(b -> b.tableName("Items").key(key("u"))).hasItem()).isFalse();
    }

    @Test
    void put_returns_the_old_item_when_asked() {
        client.putItem(b -> b.tableName("Items").item(Map.of("pk", AttributeValue.fromS("o"),
                "v", AttributeValue.fromS("old"))));

        var old = client.putItem(b -> b.tableName("Items").item(Map.of("pk", AttributeValue.fromS("o"),
                "v", AttributeValue.fromS("new"))).returnValues(ReturnValue.ALL_OLD)).attributes();

        assertThat(old).isEqualTo(Map.of("pk", AttributeValue.fromS("o"), "v", AttributeValue.fromS("old")));
    }

    @Test
    void a_missing_table_raises_resource_not_found() {
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("Missing").key(key("x"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void a_rule_broken_raises_a_validation_error_with_dynamodbs_message() {
        assertThatThrownBy(() -> client.updateItem(b -> b.tableName("Items").key(key("k"))
                .updateExpression("SET pk = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromS("z")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("This attribute is part of the key")
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
    }
}
