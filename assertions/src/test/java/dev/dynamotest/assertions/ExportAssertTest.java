package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.s3.ExportContents;
import dev.dynamotest.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportAssertTest {

    private static final String TABLE_ARN = "arn:aws:dynamodb:eu-west-1:000000000000:table/Orders";

    @SafeVarargs
    private static ExportContents export(String status, Map<String, AttributeValue>... items) {
        return new ExportContents(TABLE_ARN + "/export/01772359200000-0a1b2c3d", TABLE_ARN, List.of("pk"), status,
                "FULL_EXPORT", "DYNAMODB_JSON", items.length, List.of("AWSDynamoDB/x/data/y.json.gz"),
                List.of(items), List.of());
    }

    private static ExportContents twoOrders() {
        return export("COMPLETED", Map.of("pk", AttributeValue.string("A#1"), "total", AttributeValue.number("5")),
                Map.of("pk", AttributeValue.string("A#2")));
    }

    @Test
    void passes_on_the_item_count_the_items_and_the_status() {
        assertThat(twoOrders())
                .isCompleted()
                .hasItemCount(2)
                .containsItem(Key.of("pk", "A#1"))
                .doesNotContainItem(Key.of("pk", "A#3"))
                .containsExactlyItems(Map.of("pk", "A#1", "total", 5), "{\"pk\": \"A#2\"}");
    }

    @Test
    void has_item_count_fails_naming_the_export() {
        assertThatThrownBy(() -> assertThat(twoOrders()).hasItemCount(3)).hasMessage("""
                [Export 01772359200000-0a1b2c3d of table Orders (eu-west-1)]
                Expecting item count:
                  2
                to be:
                  3
                Items:
                  {"pk": "A#1", "total": 5}
                  {"pk": "A#2"}""");
    }

    @Test
    void contains_item_fails_showing_the_nearest_keys() {
        assertThatThrownBy(() -> assertThat(twoOrders()).containsItem(Key.of("pk", "A#9"))).hasMessage("""
                [Export 01772359200000-0a1b2c3d of table Orders (eu-west-1)]
                Expecting export to contain an item with key:
                  {pk=A#9}
                but it does not; the nearest keys are:
                  {pk=A#1}
                  {pk=A#2}""");
    }

    @Test
    void is_completed_fails_on_a_failed_export() {
        assertThatThrownBy(() -> assertThat(export("FAILED")).isCompleted()).hasMessage("""
                [Export 01772359200000-0a1b2c3d of table Orders (eu-west-1)]
                Expecting export status:
                  FAILED
                to be:
                  COMPLETED""");
    }
}
