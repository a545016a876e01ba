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
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Numbers", "pk", "sk", ScalarAttributeType.N);
        endpoint.createTable("Words", "pk", "sk", ScalarAttributeType.S);
        endpoint.createTable("Hashes", "pk", null, null);
        for (String n : List.of("10", "-5", "2", "1.5", "0", "300")) {
            put("Numbers", Map.of("pk", s("a"), "sk", n(n), "v", n(n), "even", bool(!n.contains(".")
                    && Integer.parseInt(n) % 2 == 0)));
        }
        put("Numbers", Map.of("pk", s("other"), "sk", n("1")));
        for (String w : List.of("apple", "apricot", "banana", "Zebra", "\u00e9clair", "ap")) {
            put("Words", Map.of("pk", s("w"), "sk", s(w), "len", n(Integer.toString(w.length()))));
        }
        put("Hashes", Map.of("pk", s("h"), "x", s("1")));
    }

    @Test
    void returns_a_partition_in_sort_key_order_numbers_by_value() {
        QueryResponse response = query(q -> q.tableName("Numbers").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a"))));

        assertThat(sortKeys(response)).containsExactly("-5", "0", "1.5", "2", "10", "300");
        assertThat(response.count()).isEqualTo(6);
        assertThat(response.scannedCount()).isEqualTo(6);
        assertThat(response.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void orders_strings_by_utf8_bytes() {
        QueryResponse response = query(q -> q.tableName("Words").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("w"))));

        assertThat(sortKeys(response)).containsExactly("Zebra", "ap", "apple", "apricot", "banana", "\u00e9clair");
    }

    @Test
    void applies_each_sort_key_operator() {
        assertThat(numbers("sk < :v", n("2"))).containsExactly("-5", "0", "1.5");
        assertThat(numbers("sk <= :v", n("2"))).containsExactly("-5", "0", "1.5", "2");
        assertThat(numbers("sk > :v", n("2"))).containsExactly("10", "300");
        assertThat(numbers("sk >= :v", n("2"))).containsExactly("2", "10", "300");
        assertThat(numbers("sk = :v", n("2"))).containsExactly("2");
        assertThat(numbers(":v < sk", n("2"))).containsExactly("10", "300");
    }

    @Test
    void applies_between_and_begins_with() {
        QueryResponse between = query(q -> q.tableName("Numbers")
                .keyConditionExpression("pk = :p AND sk BETWEEN :lo AND :hi")
                .expressionAttributeValues(Map.of(":p", s("a"), ":lo", n("0"), ":hi", n("10"))));
        QueryResponse prefix = query(q -> q.tableName("Words")
                .keyConditionExpression("pk = :p AND begins_with(sk, :s)")
                .expressionAttributeValues(Map.of(":p", s("w"), ":s", s("ap"))));

        assertThat(sortKeys(between)).containsExactly("0", "1.5", "2", "10");
        assertThat(sortKeys(prefix)).containsExactly("ap", "apple", "apricot");
    }

    @Test
    void accepts_legacy_key_conditions_beside_a_filter_expression() {
        QueryResponse response = query(q -> q.tableName("Numbers")
                .keyConditions(Map.of("pk", eq(s("a")), "sk", Condition.builder()
                        .comparisonOperator(ComparisonOperator.GT).attributeValueList(n("0")).build()))
                .filterExpression("even = :t").expressionAttributeValues(Map.of(":t", bool(true))));

        assertThat(sortKeys(response)).containsExactly("2", "10", "300");
    }

    @Test
    void reverses_the_order_when_scan_index_forward_is_false() {
        QueryResponse response = query(q -> q.tableName("Numbers").keyConditionExpression("pk = :p AND sk < :v")
                .expressionAttributeValues(Map.of(":p", s("a"), ":v", n("10"))).scanIndexForward(false));

        assertThat(sortKeys(response)).containsExactly("2", "1.5", "0", "-5");
    }

    @Test
    void filters_after_the_key_condition_so_scanned_count_counts_items_read() {
        QueryResponse response = query(q -> q.tableName("Numbers").keyConditionExpression("pk = :p")
                .filterExpression("even = :t").expressionAttributeValues(Map.of(":p", s("a"), ":t", bool(true))));

        assertThat(sortKeys(response)).containsExactly("0", "2", "10", "300");
        assertThat(response.count()).isEqualTo(4);
        assertThat(response.scannedCount()).isEqualTo(6);
    }

    @Test
    void limit_counts_items_evaluated_before_the_filter() {
        QueryResponse response = query(q -> q.tableName("Numbers").keyConditionExpression("pk = :p")
                .filterExpression("even = :t").expressionAttributeValues(Map.of(":p", s("a"), ":t", bool(true)))
                .limit(2));

        assertThat(sortKeys(response)).containsExactly("0");
        assertThat(response.scannedCount()).isEqualTo(2);
        assertThat(response.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("a"), "sk", n("0")));
    }

    @Test
    void pages_through_a_partition_forwards_and_backwards() {
        for (boolean forward : List.of(true, false)) {
            List<String> all = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            int pages = 0;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = query(q -> q.tableName("Numbers").keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("a"))).limit(4).scanIndexForward(forward)
                        .exclusiveStartKey(from));
                all.addAll(sortKeys(page));
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
                pages++;
            } while (start != null);

            assertThat(pages).isEqualTo(2);
            assertThat(all).containsExactlyElementsOf(forward
                    ? List.of("-5", "0", "1.5", "2", "10", "300") : List.of("300", "10", "2", "1.5", "0", "-5"));
        }
    }

    @Test
    void starts_after_an_exclusive_start_key_that_is_no_item() {
        QueryResponse response = query(q -> q.tableName("Numbers").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a"))).exclusiveStartKey(Map.of("pk", s("a"), "sk", n("1"))));

        assertThat(sortKeys(response)).containsExactly("1.5", "2", "10", "300");
    }

    @Test
    void queries_a_table_with_a_partition_key_only() {
        QueryResponse response = query(q -> q.tableName("Hashes").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("h"))));

        assertThat(response.items()).containsExactly(Map.of("pk", s("h"), "x", s("1")));
    }

    @Test
    void projects_and_counts_as_select_asks() {
        QueryResponse projected = query(q -> q.tableName("Numbers").keyConditionExpression("pk = :p AND sk = :v")
                .projectionExpression("v").expressionAttributeValues(Map.of(":p", s("a"), ":v", n("2"))));
        QueryResponse specific = query(q -> q.tableName("Numbers").keyConditionExpression("pk = :p AND sk = :v")
                .select(Select.SPECIFIC_ATTRIBUTES).projectionExpression("sk")
                .expressionAttributeValues(Map.of(":p", s("a"), ":v", n("2"))));
        QueryResponse counted = query(q -> q.tableName("Numbers").keyConditionExpression("pk = :p")
                .select(Select.COUNT).expressionAttributeValues(Map.of(":p", s("a"))));

        assertThat(projected.items()).containsExactly(Map.of("v", n("2")));
        assertThat(specific.items()).containsExactly(Map.of("sk", n("2")));
        assertThat(counted.hasItems()).isFalse();
        assertThat(counted.count()).isEqualTo(6);
    }

    @Test
    void charges_read_units_for_the_total_size_read_not_per_item() {
        QueryResponse eventual = query(q -> q.tableName("Numbers").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        QueryResponse strong = query(q -> q.tableName("Numbers").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a"))).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));

        assertThat(eventual.consumedCapacity().tableName()).isEqualTo("Numbers");
        assertThat(eventual.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        assertThat(strong.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        assertThat(strong.consumedCapacity().table().capacityUnits()).isEqualTo(1.0);
        assertThat(strong.consumedCapacity().hasGlobalSecondaryIndexes()).isFalse();
    }

    @Test
    void ends_a_page_when_the_items_read_reach_one_megabyte() {
        endpoint.createTable("Large", "pk", "sk", ScalarAttributeType.N);
        String blob = "x".repeat(100 * 1024);
        for (int i = 0; i < 12; i++) {
            put("Large", Map.of("pk", s("big"), "sk", n(Integer.toString(i)), "blob", s(blob)));
        }

        QueryResponse first = query(q -> q.tableName("Large").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("big"))).projectionExpression("sk"));
        QueryResponse second = query(q -> q.tableName("Large").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("big"))).projectionExpression("sk")
                .exclusiveStartKey(first.lastEvaluatedKey()));

        assertThat(first.count()).isEqualTo(11);
        assertThat(first.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("big"), "sk", n("10")));
        assertThat(sortKeys(second)).containsExactly("11");
        assertThat(second.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void rejects_bad_key_conditions_with_dynamodb_messages() {
        assertThat(error(q -> q.tableName("Numbers").keyConditionExpression("sk = :v")
                .expressionAttributeValues(Map.of(":v", n("1")))))
                .isEqualTo("ValidationException: Query condition missed key schema element: pk");
        assertThat(error(q -> q.tableName("Numbers").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", n("1")))))
                .isEqualTo("ValidationException: One or more parameter values were invalid: Condition parameter type"
                        + " does not match schema type");
        assertThat(error(q -> q.tableName("Numbers").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("")))))
                .isEqualTo("ValidationException: One or more parameter values are not valid. The AttributeValue for a"
                        + " key attribute cannot contain an empty string value. Key: pk");
        assertThat(error(q -> q.tableName("Numbers").keyConditionExpression("pk < :p")
                .expressionAttributeValues(Map.of(":p", s("a")))))
                .isEqualTo("ValidationException: Query key condition not supported");
        assertThat(error(q -> q.tableName("Numbers").filterExpression("v = :v")
                .expressionAttributeValues(Map.of(":v", n("1")))))
                .isEqualTo("ValidationException: Either the KeyConditions or KeyConditionExpression parameter must be"
                        + " specified in the request.");
        assertThat(error(q -> q.tableName("Numbers").keyConditionExpression("pk = :p").filterExpression("sk > :v")
                .expressionAttributeValues(Map.of(":p", s("a"), ":v", n("1")))))
                .isEqualTo("ValidationException: Filter Expression can only contain non-primary key attributes:"
                        + " Primary key attribute: sk");
    }

    @Test
    void rejects_select_and_limit_misuse_with_dynamodb_messages() {
        Consumer<QueryRequest.Builder> base = q -> q.tableName("Numbers").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a")));

        assertThat(error(base.andThen(q -> q.select(Select.SPECIFIC_ATTRIBUTES))))
                .isEqualTo("ValidationException: 1 validation error detected: Must specify the AttributesToGet or"
                        + " ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        assertThat(error(base.andThen(q -> q.select(Select.COUNT).projectionExpression("v"))))
                .isEqualTo("ValidationException: 1 validation error detected: Cannot specify the ProjectionExpression"
                        + " when choosing to get only the Count");
        assertThat(error(base.andThen(q -> q.select(Select.ALL_PROJECTED_ATTRIBUTES))))
                .isEqualTo("ValidationException: 1 validation error detected: ALL_PROJECTED_ATTRIBUTES can be used"
                        + " only when Querying using an IndexName");
        assertThat(error(base.andThen(q -> q.limit(0))))
                .isEqualTo("ValidationException: 1 validation error detected: Value '0' at 'limit' failed to satisfy"
                        + " constraint: Member must have value greater than or equal to 1");
        assertThat(error(base.andThen(q -> q.indexName("nope"))))
                .isEqualTo("ValidationException: The table does not have the specified index: nope");
        assertThat(error(q -> q.tableName("Missing").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a")))))
                .isEqualTo("ResourceNotFoundException: Requested resource not found");
    }

    @Test
    void rejects_exclusive_start_keys_outside_the_query() {
        Consumer<QueryRequest.Builder> base = q -> q.tableName("Numbers").keyConditionExpression("pk = :p AND sk > :v")
                .expressionAttributeValues(Map.of(":p", s("a"), ":v", n("0")));

        assertThat(error(base.andThen(q -> q.exclusiveStartKey(Map.of("pk", s("a"))))))
                .isEqualTo("ValidationException: The provided starting key is invalid");
        assertThat(error(base.andThen(q -> q.exclusiveStartKey(Map.of("pk", s("a"), "sk", s("1"))))))
                .isEqualTo("ValidationException: The provided starting key is invalid: The provided key element does"
                        + " not match the schema");
        assertThat(error(base.andThen(q -> q.exclusiveStartKey(Map.of("pk", s("b"), "sk", n("5"))))))
                .isEqualTo("ValidationException: The provided starting key is outside query boundaries based on"
                        + " provided conditions");
        assertThat(error(base.andThen(q -> q.exclusiveStartKey(Map.of("pk", s("a"), "sk", n("-1"))))))
                .isEqualTo("ValidationException: The provided starting key does not match the range key predicate");
    }

    private static List<String> numbers(String sortCondition, AttributeValue value) {
        return sortKeys(query(q -> q.tableName("Numbers").keyConditionExpression("pk = :p AND " + sortCondition)
                .expressionAttributeValues(Map.of(":p", s("a"), ":v", value))));
    }

    private static List<String> sortKeys(QueryResponse response) {
        return response.items().stream().map(i -> i.get("sk").n() != null ? i.get("sk").n() : i.get("sk").s())
                .toList();
    }

    private static QueryResponse query(Consumer<QueryRequest.Builder> request) {
        return client.query(request);
    }

    private static String error(Consumer<QueryRequest.Builder> request) {
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> client.query(request));
        assertThat(e).as("expected a DynamoDbException").isNotNull();
        return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }

    private static void put(String table, Map<String, AttributeValue> item) {
        client.putItem(p -> p.tableName(table).item(item));
    }

    private static Condition eq(AttributeValue value) {
        return Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(value).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    private static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }
}
