package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class ScanTest {

    private static final int ITEMS = 40;

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Things", "pk", "sk", ScalarAttributeType.N);
        for (int i = 0; i < ITEMS; i++) {
            put("Things", Map.of("pk", s("p" + i % 10), "sk", n(Integer.toString(i)), "i", n(Integer.toString(i))));
        }
    }

    @Test
    void scans_every_item_once() {
        ScanResponse response = scan(r -> r.tableName("Things"));

        assertThat(ids(response)).hasSize(ITEMS).doesNotHaveDuplicates();
        assertThat(response.count()).isEqualTo(ITEMS);
        assertThat(response.scannedCount()).isEqualTo(ITEMS);
        assertThat(response.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void pages_with_limit_and_exclusive_start_key_in_the_same_order() {
        List<Integer> paged = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = scan(r -> r.tableName("Things").limit(7).exclusiveStartKey(from));
            paged.addAll(ids(page));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        assertThat(paged).containsExactlyElementsOf(ids(scan(r -> r.tableName("Things"))));
    }

    @Test
    void parallel_segments_hold_every_item_exactly_once() {
        for (int total : List.of(1, 3, 7, 1_000_000)) {
            List<Integer> all = new ArrayList<>();
            int segments = Math.min(total, 7);
            for (int segment = 0; segment < segments; segment++) {
                int seg = segment;
                all.addAll(ids(scan(r -> r.tableName("Things").segment(seg).totalSegments(total))));
            }
            if (total <= 7) {
                assertThat(all).as("TotalSegments %d", total).hasSize(ITEMS).doesNotHaveDuplicates();
            } else {
                assertThat(all).as("first segments of a million").hasSizeLessThan(ITEMS);
            }
        }
    }

    @Test
    void filters_after_reading_and_counts_both() {
        ScanResponse response = scan(r -> r.tableName("Things").filterExpression("i < :max")
                .expressionAttributeValues(Map.of(":max", n("5"))));

        assertThat(ids(response)).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(response.scannedCount()).isEqualTo(ITEMS);
    }

    @Test
    void projects_and_counts_as_select_asks() {
        ScanResponse projected = scan(r -> r.tableName("Things").projectionExpression("i").limit(1));
        ScanResponse counted = scan(r -> r.tableName("Things").select(Select.COUNT));

        assertThat(projected.items().get(0)).containsOnlyKeys("i");
        assertThat(counted.hasItems()).isFalse();
        assertThat(counted.count()).isEqualTo(ITEMS);
    }

    @Test
    void charges_half_a_unit_per_started_4_kb_when_eventually_consistent() {
        ScanResponse response = scan(r -> r.tableName("Things").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void ends_a_page_when_the_items_read_reach_one_megabyte() {
        endpoint.createTable("Large", "pk", null, null);
        String blob = "y".repeat(100 * 1024);
        for (int i = 0; i < 12; i++) {
            put("Large", Map.of("pk", s("k" + i), "blob", s(blob)));
        }

        ScanResponse first = scan(r -> r.tableName("Large").projectionExpression("pk"));
        ScanResponse second = scan(r -> r.tableName("Large").projectionExpression("pk")
                .exclusiveStartKey(first.lastEvaluatedKey()));

        assertThat(first.count()).isEqualTo(11);
        assertThat(first.lastEvaluatedKey()).containsOnlyKeys("pk");
        assertThat(second.count()).isEqualTo(1);
        assertThat(second.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void rejects_bad_segments_with_dynamodb_messages() {
        assertThat(error(r -> r.tableName("Things").segment(1)))
                .isEqualTo("ValidationException: The TotalSegments parameter is required but was not present in the"
                        + " request when Segment parameter is present");
        assertThat(error(r -> r.tableName("Things").totalSegments(2)))
                .isEqualTo("ValidationException: The Segment parameter is required but was not present in the"
                        + " request when parameter TotalSegments is present");
        assertThat(error(r -> r.tableName("Things").segment(5).totalSegments(5)))
                .isEqualTo("ValidationException: The Segment parameter is zero-based and must be less than parameter"
                        + " TotalSegments: Segment: 5 is not less than TotalSegments: 5");
        assertThat(error(r -> r.tableName("Things").segment(0).totalSegments(1_000_001)))
                .isEqualTo("ValidationException: 1 validation error detected: Value '1000001' at 'totalSegments'"
                        + " failed to satisfy constraint: Member must have value less than or equal to 1000000");
        assertThat(error(r -> r.tableName("Things").segment(0).totalSegments(1_000_000)
                .exclusiveStartKey(Map.of("pk", s("p1"), "sk", n("1")))))
                .isEqualTo("ValidationException: The provided starting key is invalid: Invalid ExclusiveStartKey."
                        + " Please use ExclusiveStartKey with correct Segment. TotalSegments: 1000000 Segment: 0");
    }

    @Test
    void rejects_select_and_start_key_misuse_with_dynamodb_messages() {
        assertThat(error(r -> r.tableName("Things").select(Select.SPECIFIC_ATTRIBUTES)))
                .isEqualTo("ValidationException: Must specify the AttributesToGet or ProjectionExpression when"
                        + " choosing to get SPECIFIC_ATTRIBUTES");
        assertThat(error(r -> r.tableName("Things").select(Select.ALL_ATTRIBUTES).attributesToGet("i")))
                .isEqualTo("ValidationException: Cannot specify the AttributesToGet when choosing to get"
                        + " ALL_ATTRIBUTES");
        assertThat(error(r -> r.tableName("Things").select(Select.ALL_PROJECTED_ATTRIBUTES)))
                .isEqualTo("ValidationException: ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an"
                        + " IndexName");
        assertThat(error(r -> r.tableName("Things").exclusiveStartKey(Map.of("pk", s("p1")))))
                .isEqualTo("ValidationException: The provided starting key is invalid: The provided key element does"
                        + " not match the schema");
        assertThat(error(r -> r.tableName("Things").indexName("nope")))
                .isEqualTo("ValidationException: The table does not have the specified index: nope");
    }

    private static List<Integer> ids(ScanResponse response) {
        return response.items().stream().map(i -> Integer.parseInt(i.get("sk").n())).toList();
    }

    private static ScanResponse scan(Consumer<ScanRequest.Builder> request) {
        return client.scan(request);
    }

    private static String error(Consumer<ScanRequest.Builder> request) {
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> client.scan(request));
        assertThat(e).as("expected a DynamoDbException").isNotNull();
        return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }

    private static void put(String table, Map<String, AttributeValue> item) {
        client.putItem(p -> p.tableName(table).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
