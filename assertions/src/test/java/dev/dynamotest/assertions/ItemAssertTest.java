package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.assertions.DynamoAssertions.assertThatItem;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.support.TestEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemAssertTest {

    private static final Key A1 = Key.of("pk", "A#1", "sk", 1);

    private final TestEndpoint endpoint = new TestEndpoint();

    @BeforeEach
    void reset() {
        endpoint.reset();
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "PENDING", "total", 10.5, "paid", true,
                "photo", new byte[] {1, 2}, "lines", List.of(Map.of("sku", "X1", "qty", 2)),
                "address", Map.of("city", "Lyon"), "tags", Set.of("gift", "rush"), "sizes", Set.of(38, 40));
    }

    @AfterAll
    void close() {
        endpoint.close();
    }

    private ItemAssert a1() {
        return assertThat(endpoint.table("Orders")).item(A1);
    }

    @Test
    void has_attribute_passes() {
        a1().hasAttribute("status").hasAttribute("photo");
    }

    @Test
    void has_attribute_fails_showing_the_item() {
        endpoint.put("Orders", "pk", "A#2", "sk", 1, "status", "NEW");

        assertThatThrownBy(() -> assertThat(endpoint.table("Orders")).item(Key.of("pk", "A#2", "sk", 1))
                .hasAttribute("total")).hasMessage("""
                [Item {pk=A#2, sk=1} of table Orders (us-east-1)]
                Expecting item:
                  {"pk": "A#2", "sk": 1, "status": "NEW"}
                to have attribute:
                  "total\"""");
    }

    @Test
    void has_attribute_with_a_value_compares_plain_java_values_as_dynamodb_values() {
        a1().hasAttribute("status", "PENDING")
                .hasAttribute("total", new java.math.BigDecimal("10.50"))
                .hasAttribute("paid", true)
                .hasAttribute("photo", new byte[] {1, 2})
                .hasAttribute("lines", List.of(Map.of("qty", 2L, "sku", "X1")))
                .hasAttribute("address", Map.of("city", "Lyon"))
                .hasAttribute("tags", Set.of("rush", "gift"))
                .hasAttribute("sizes", Set.of(40.0, 38))
                .hasAttribute("status", AttributeValue.fromS("PENDING"))
                .hasAttribute("total", AttributeValue.fromN("10.5"));
    }

    @Test
    void has_attribute_with_a_value_fails_showing_both_values() {
        assertThatThrownBy(() -> a1().hasAttribute("status", "SHIPPED")).hasMessage("""
                [Item {pk=A#1, sk=1} of table Orders (us-east-1)]
                Expecting attribute "status":
                  "PENDING"
                to be:
                  "SHIPPED\"""");
    }

    @Test
    void has_attribute_with_a_value_fails_on_a_number_given_as_a_string() {
        assertThatThrownBy(() -> a1().hasAttribute("total", "10.5")).hasMessage("""
                [Item {pk=A#1, sk=1} of table Orders (us-east-1)]
                Expecting attribute "total":
                  10.5
                to be:
                  "10.5\"""");
    }

    @Test
    void has_attribute_with_a_value_fails_on_a_missing_attribute_showing_the_item() {
        endpoint.put("Orders", "pk", "A#2", "sk", 1, "tags", Set.of("b", "a"), "photo", new byte[] {1});

        assertThatThrownBy(() -> assertThat(endpoint.table("Orders")).item(Key.of("pk", "A#2", "sk", 1))
                .hasAttribute("status", "NEW")).hasMessage("""
                [Item {pk=A#2, sk=1} of table Orders (us-east-1)]
                Expecting item:
                  {"pk": "A#2", "sk": 1, "photo": {{AQ==}}, "tags": <<"a", "b">>}
                to have attribute "status" equal to:
                  "NEW"
                but it has no attribute "status\"""");
    }

    @Test
    void has_path_passes_through_maps_and_list_indexes() {
        a1().hasPath("address.city", "Lyon").hasPath("lines[0].qty", 2);
    }

    @Test
    void has_path_fails_showing_both_values() {
        assertThatThrownBy(() -> a1().hasPath("address.city", "Paris")).hasMessage("""
                [Item {pk=A#1, sk=1} of table Orders (us-east-1)]
                Expecting path "address.city":
                  "Lyon"
                to be:
                  "Paris\"""");
    }

    @Test
    void has_path_fails_when_nothing_is_there_showing_the_item_on_several_lines() {
        assertThatThrownBy(() -> a1().hasPath("lines[1].sku", "X2")).hasMessage("""
                [Item {pk=A#1, sk=1} of table Orders (us-east-1)]
                Expecting item:
                  {
                    "pk": "A#1",
                    "sk": 1,
                    "address": {"city": "Lyon"},
                    "lines": [{"qty": 2, "sku": "X1"}],
                    "paid": true,
                    "photo": {{AQI=}},
                    "sizes": <<38, 40>>,
                    "status": "PENDING",
                    "tags": <<"gift", "rush">>,
                    "total": 10.5
                  }
                to have path "lines[1].sku" equal to:
                  "X2"
                but it has no path "lines[1].sku\"""");
    }

    @Test
    void does_not_have_attribute_passes() {
        a1().doesNotHaveAttribute("discount");
    }

    @Test
    void does_not_have_attribute_fails_showing_the_value() {
        assertThatThrownBy(() -> a1().doesNotHaveAttribute("total")).hasMessage("""
                [Item {pk=A#1, sk=1} of table Orders (us-east-1)]
                Expecting item not to have attribute "total", but it has:
                  10.5""");
    }

    @Test
    void is_equal_to_passes_with_plain_json_dynamodb_json_or_a_map() {
        endpoint.put("Orders", "pk", "A#2", "sk", 1, "total", 10, "lines", List.of("b", "a"));
        ItemAssert item = assertThat(endpoint.table("Orders")).item(Key.of("pk", "A#2", "sk", 1));

        item.isEqualTo("""
                {"pk": "A#2", "sk": 1, "total": 10.0, "lines": ["b", "a"]}""");
        item.isEqualTo("""
                {"pk": {"S": "A#2"}, "sk": {"N": "1"}, "total": {"N": "1E1"}, "lines": {"L": [{"S": "b"}, {"S": "a"}]}}""");
        item.isEqualTo(Map.of("pk", "A#2", "sk", 1, "total", 10, "lines", List.of("b", "a")));
    }

    @Test
    void is_equal_to_passes_with_a_set_in_dynamodb_json_or_a_java_set_in_any_order() {
        endpoint.put("Orders", "pk", "A#2", "sk", 1, "tags", Set.of("vip", "early"), "sizes", Set.of(2, 10),
                "blobs", Set.of(new byte[] {1}, new byte[] {2}), "data", new byte[] {1, 2, 3});
        ItemAssert item = assertThat(endpoint.table("Orders")).item(Key.of("pk", "A#2", "sk", 1));

        item.isEqualTo("""
                {"pk": {"S": "A#2"}, "sk": {"N": "1"}, "tags": {"SS": ["early", "vip"]}, "sizes": {"NS": ["10.0", "2"]},
                 "blobs": {"BS": ["Ag==", "AQ=="]}, "data": {"B": "AQID"}}""");
        item.isEqualTo(Map.of("pk", "A#2", "sk", 1, "tags", Set.of("early", "vip"), "sizes", Set.of(10, 2),
                "blobs", Set.of(new byte[] {2}, new byte[] {1}), "data", new byte[] {1, 2, 3}));
        item.hasAttribute("tags", Set.of("early", "vip"));
    }

    @Test
    void is_equal_to_refuses_a_dynamodb_json_set_that_is_not_an_array_of_strings() {
        assertThatThrownBy(() -> a1().isEqualTo("""
                {"pk": {"S": "A#1"}, "tags": {"SS": "vip"}}""")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a DynamoDB JSON SS value: {\"SS\":\"vip\"} (S, N and B take a string, BOOL true or "
                        + "false, NULL true, M an object, L an array, and SS, NS and BS a non-empty array of strings)");
    }

    @Test
    void is_equal_to_fails_when_a_plain_json_array_is_compared_with_a_set_saying_how_to_write_a_set() {
        endpoint.put("Orders", "pk", "A#2", "sk", 1, "tags", Set.of("vip", "early"));

        assertThatThrownBy(() -> assertThat(endpoint.table("Orders")).item(Key.of("pk", "A#2", "sk", 1))
                .isEqualTo("""
                        {"pk": "A#2", "sk": 1, "tags": ["early", "vip"]}""")).hasMessage("""
                [Item {pk=A#2, sk=1} of table Orders (us-east-1)]
                Expecting item:
                  {"pk": "A#2", "sk": 1, "tags": <<"early", "vip">>}
                to be:
                  {"pk": "A#2", "sk": 1, "tags": ["early", "vip"]}
                but:
                  "tags" is <<"early", "vip">> instead of ["early", "vip"] (a list (L) never equals a set (SS): \
                a plain-JSON array and a Java List are lists; write a set as a java.util.Set, or write the whole item \
                in DynamoDB JSON, where a set is {"SS": [...]})""");
    }

    @Test
    void has_attribute_fails_when_a_list_is_compared_with_a_set_saying_how_to_write_a_set() {
        endpoint.put("Orders", "pk", "A#2", "sk", 1, "sizes", Set.of(1, 2));

        assertThatThrownBy(() -> assertThat(endpoint.table("Orders")).item(Key.of("pk", "A#2", "sk", 1))
                .hasAttribute("sizes", List.of(1, 2))).hasMessage("""
                [Item {pk=A#2, sk=1} of table Orders (us-east-1)]
                Expecting attribute "sizes":
                  <<1, 2>>
                to be:
                  [1, 2]
                a list (L) never equals a set (NS): a plain-JSON array and a Java List are lists; write a set as a \
                java.util.Set, or write the whole item in DynamoDB JSON, where a set is {"NS": [...]}""");
    }

    @Test
    void is_equal_to_fails_when_a_plain_json_string_is_compared_with_binary_data_saying_how_to_write_it() {
        endpoint.put("Orders", "pk", "A#2", "sk", 1, "data", new byte[] {1, 2, 3});

        assertThatThrownBy(() -> assertThat(endpoint.table("Orders")).item(Key.of("pk", "A#2", "sk", 1))
                .isEqualTo("""
                        {"pk": "A#2", "sk": 1, "data": "AQID"}""")).hasMessageEndingWith("""
                  "data" is {{AQID}} instead of "AQID" (a string (S) never equals binary data (B): a plain-JSON \
                string is a string; write binary data as a byte[], or write the whole item in DynamoDB JSON, where \
                it is {"B": "<base64>"})""");
    }

    @Test
    void is_equal_to_fails_listing_the_differences() {
        endpoint.put("Orders", "pk", "A#2", "sk", 1, "status", "NEW", "note", "x");

        assertThatThrownBy(() -> assertThat(endpoint.table("Orders")).item(Key.of("pk", "A#2", "sk", 1))
                .isEqualTo("""
                        {"pk": "A#2", "sk": 1, "status": "SHIPPED", "total": 5}""")).hasMessage("""
                [Item {pk=A#2, sk=1} of table Orders (us-east-1)]
                Expecting item:
                  {"pk": "A#2", "sk": 1, "note": "x", "status": "NEW"}
                to be:
                  {"pk": "A#2", "sk": 1, "status": "SHIPPED", "total": 5}
                but:
                  "note" is not expected (it is "x")
                  "status" is "NEW" instead of "SHIPPED"
                  "total" is missing (expected 5)""");
    }

    @Test
    void satisfies_passes_the_item() {
        a1().satisfies(item -> org.assertj.core.api.Assertions.assertThat(item).containsKey("status"));
    }

    @Test
    void satisfies_fails_with_the_requirement_failure() {
        assertThatThrownBy(() -> a1().satisfies(item -> org.assertj.core.api.Assertions.fail("no %s wanted",
                item.get("status")))).hasMessage("no S:PENDING wanted");
    }

    @Test
    void item_fails_when_there_is_no_such_item_showing_the_nearest_keys() {
        assertThatThrownBy(() -> assertThat(endpoint.table("Orders")).item(Key.of("pk", "A#1", "sk", 2)))
                .hasMessage("""
                        [Table Orders (us-east-1)]
                        Expecting table to contain an item with key:
                          {pk=A#1, sk=2}
                        but it does not; the nearest keys are:
                          {pk=A#1, sk=1}""");
    }

    @Test
    void return_to_table_goes_on_with_the_table() {
        a1().hasAttribute("status", "PENDING").returnToTable().hasItemCount(1);
    }

    @Test
    void an_item_in_hand_is_asserted_too() {
        Map<String, AttributeValue> item = endpoint.client()
                .getItem(b -> b.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("A#1"),
                        "sk", AttributeValue.fromN("1")))).item();

        assertThatItem(item).hasAttribute("status", "PENDING");
        assertThatThrownBy(() -> assertThatItem(item).hasAttribute("total", 11)).hasMessage("""
                [Item]
                Expecting attribute "total":
                  10.5
                to be:
                  11""");
    }
}
