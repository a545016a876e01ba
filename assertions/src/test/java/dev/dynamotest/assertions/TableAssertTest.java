package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.assertions.support.TestEndpoint.map;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.support.TestEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TableAssertTest {

    private final TestEndpoint endpoint = new TestEndpoint();

    @BeforeEach
    void reset() {
        endpoint.reset();
    }

    @AfterAll
    void close() {
        endpoint.close();
    }

    private TableAssert orders() {
        return assertThat(endpoint.table("Orders"));
    }

    @Test
    void is_empty_passes_on_an_empty_table() {
        orders().isEmpty();
    }

    @Test
    void is_empty_fails_showing_the_items() {
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "NEW");

        assertThatThrownBy(() -> orders().isEmpty()).hasMessage("""
                [Table Orders (us-east-1)]
                Expecting table to be empty, but it holds 1 item:
                  {"pk": "A#1", "sk": 1, "status": "NEW"}""");
    }

    @Test
    void a_large_table_is_summarised() {
        endpoint.putOrders(12);

        assertThatThrownBy(() -> orders().isEmpty())
                .hasMessageStartingWith("[Table Orders (us-east-1)]\nExpecting table to be empty, but it holds 12 items:")
                .hasMessageEndingWith("\n  ... and 2 more")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage().lines()).hasSize(13));
    }

    @Test
    void has_item_count_passes() {
        endpoint.putOrders(2);

        orders().hasItemCount(2);
    }

    @Test
    void has_item_count_fails_showing_the_items() {
        endpoint.putOrders(1);

        assertThatThrownBy(() -> orders().hasItemCount(2)).hasMessage("""
                [Table Orders (us-east-1)]
                Expecting item count:
                  1
                to be:
                  2
                Items:
                  {"pk": "A#1", "sk": 1, "status": "NEW"}""");
    }

    @Test
    void contains_item_passes_with_a_number_key_given_as_an_int() {
        endpoint.put("Orders", "pk", "A#1", "sk", 7);

        orders().containsItem(Key.of("pk", "A#1", "sk", 7.0));
    }

    @Test
    void contains_item_fails_showing_the_nearest_keys() {
        endpoint.putOrders(5);
        endpoint.put("Orders", "pk", "B#77", "sk", 1);

        assertThatThrownBy(() -> orders().containsItem(Key.of("pk", "A#4", "sk", 2))).hasMessage("""
                [Table Orders (us-east-1)]
                Expecting table to contain an item with key:
                  {pk=A#4, sk=2}
                but it does not; the nearest keys are:
                  {pk=A#4, sk=1}
                  {pk=A#1, sk=1}
                  {pk=A#2, sk=1}""");
    }

    @Test
    void contains_item_fails_on_an_empty_table() {
        assertThatThrownBy(() -> orders().containsItem(Key.of("pk", "A#1", "sk", 1))).hasMessage("""
                [Table Orders (us-east-1)]
                Expecting table to contain an item with key:
                  {pk=A#1, sk=1}
                but the table is empty""");
    }

    @Test
    void a_key_with_other_attributes_than_the_table_is_refused() {
        assertThatThrownBy(() -> orders().containsItem(Key.of("id", "A#1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a key of table Orders has the attributes [pk, sk], not [id]");
    }

    @Test
    void does_not_contain_item_passes() {
        endpoint.putOrders(1);

        orders().doesNotContainItem(Key.of("pk", "A#1", "sk", 2));
    }

    @Test
    void does_not_contain_item_fails_showing_the_item() {
        endpoint.putOrders(1);

        assertThatThrownBy(() -> orders().doesNotContainItem(Key.of("pk", "A#1", "sk", 1))).hasMessage("""
                [Table Orders (us-east-1)]
                Expecting table not to contain an item with key:
                  {pk=A#1, sk=1}
                but it holds:
                  {"pk": "A#1", "sk": 1, "status": "NEW"}""");
    }

    @Test
    void contains_exactly_items_passes_in_any_order_comparing_values() {
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "total", 10.50, "tags", Set.of("a", "b"));
        endpoint.put("Orders", "pk", "A#2", "sk", 1);

        orders().containsExactlyItems(map("pk", "A#2", "sk", 1),
                map("pk", "A#1", "sk", 1L, "total", new java.math.BigDecimal("10.5"), "tags", Set.of("b", "a")));
    }

    @Test
    void contains_exactly_items_fails_telling_what_differs_is_missing_and_is_not_expected() {
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "NEW");
        endpoint.put("Orders", "pk", "A#2", "sk", 1);

        assertThatThrownBy(() -> orders().containsExactlyItems(map("pk", "A#1", "sk", 1, "status", "SHIPPED"),
                map("pk", "A#3", "sk", 1))).hasMessage("""
                [Table Orders (us-east-1)]
                Expecting table to hold exactly (in any order):
                  {"pk": "A#1", "sk": 1, "status": "SHIPPED"}
                  {"pk": "A#3", "sk": 1}
                but items that differ:
                  {pk=A#1, sk=1}: "status" is "NEW" instead of "SHIPPED"
                items missing:
                  {"pk": "A#3", "sk": 1}
                items not expected:
                  {"pk": "A#2", "sk": 1}""");
    }

    @Test
    void all_items_satisfy_passes() {
        endpoint.putOrders(3);

        orders().allItemsSatisfy(item -> item.hasAttribute("status", "NEW"));
    }

    @Test
    void all_items_satisfy_fails_naming_each_item_that_does_not() {
        endpoint.putOrders(2);
        endpoint.put("Orders", "pk", "A#3", "sk", 1, "status", "SHIPPED");

        assertThatThrownBy(() -> orders().allItemsSatisfy(item -> item.hasAttribute("status", "NEW"))).hasMessage("""
                [Table Orders (us-east-1)]
                Expecting every item to satisfy the requirements, but 1 of 3 items did not:
                  {pk=A#3, sk=1}:
                    [Item {pk=A#3, sk=1} of table Orders (us-east-1)]
                    Expecting attribute "status":
                      "SHIPPED"
                    to be:
                      "NEW\"""");
    }

    @Test
    void matches_json_passes_with_plain_json_numbers_by_value_and_a_set_in_a_dynamodb_json_item() {
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "total", 10, "lines", List.of("x", "y"));
        endpoint.put("Orders", "pk", "A#2", "sk", 1, "tags", Set.of("x", "y"));

        orders().matchesJson("""
                [{"pk": "A#1", "sk": 1.0, "total": 1e1, "lines": ["x", "y"]},
                 {"pk": {"S": "A#2"}, "sk": {"N": "1"}, "tags": {"SS": ["y", "x"]}}]""");
    }

    @Test
    void matches_json_fails_when_a_plain_json_array_is_compared_with_a_set_saying_how_to_write_a_set() {
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "tags", Set.of("x", "y"));

        assertThatThrownBy(() -> orders().matchesJson("""
                [{"pk": "A#1", "sk": 1, "tags": ["x", "y"]}]""")).hasMessage("""
                [Table Orders (us-east-1)]
                Expecting table to hold exactly (in any order):
                  {"pk": "A#1", "sk": 1, "tags": ["x", "y"]}
                but items that differ:
                  {pk=A#1, sk=1}: "tags" is <<"x", "y">> instead of ["x", "y"] (a list (L) never equals a set (SS): \
                a plain-JSON array and a Java List are lists; write a set as a java.util.Set, or write the whole item \
                in DynamoDB JSON, where a set is {"SS": [...]})""");
    }

    @Test
    void matches_json_passes_with_dynamodb_json_as_a_scan_output() {
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "tags", Set.of(1, 2));

        orders().matchesJson("""
                {"Items": [{"pk": {"S": "A#1"}, "sk": {"N": "1"}, "tags": {"NS": ["2", "1.0"]}}]}""");
    }

    @Test
    void matches_json_reads_a_file(@TempDir Path dir) throws IOException {
        endpoint.put("Orders", "pk", "A#1", "sk", 1);
        Path file = Files.writeString(dir.resolve("orders.json"), "[{\"pk\": \"A#1\", \"sk\": 1}]");

        orders().matchesJson(file);
    }

    @Test
    void matches_json_fails_telling_what_differs() {
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "total", 10);

        assertThatThrownBy(() -> orders().matchesJson("""
                [{"pk": "A#1", "sk": 1, "total": 12, "note": "gift"}]""")).hasMessage("""
                [Table Orders (us-east-1)]
                Expecting table to hold exactly (in any order):
                  {"pk": "A#1", "sk": 1, "note": "gift", "total": 12}
                but items that differ:
                  {pk=A#1, sk=1}: "note" is missing (expected "gift"), "total" is 10 instead of 12""");
    }

    @Test
    void index_passes_on_what_the_index_holds_and_returns_to_the_table() {
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "NEW");
        endpoint.put("Orders", "pk", "A#2", "sk", 1);

        orders().index("byStatus")
                .hasItemCount(1)
                .containsItem(Key.of("pk", "A#1", "sk", 1))
                .doesNotContainItem(Key.of("pk", "A#2", "sk", 1))
                .returnToTable()
                .hasItemCount(2);
    }

    @Test
    void index_fails_naming_the_index() {
        endpoint.put("Orders", "pk", "A#2", "sk", 1);

        assertThatThrownBy(() -> orders().index("byStatus").containsItem(Key.of("pk", "A#2", "sk", 1))).hasMessage("""
                [Index byStatus of table Orders (us-east-1)]
                Expecting index to contain an item with key:
                  {pk=A#2, sk=1}
                but the index is empty""");
    }

    @Test
    void an_unknown_index_is_refused_naming_the_indexes() {
        assertThatThrownBy(() -> orders().index("byDate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table Orders has no index byDate; it has [byStatus]");
    }

    @Test
    void a_description_replaces_the_location() {
        assertThatThrownBy(() -> orders().as("orders after shipping").hasItemCount(1)).hasMessage("""
                [orders after shipping]
                Expecting item count:
                  0
                to be:
                  1""");
    }
}
