package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalDax;
import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query and Scan through Amazon's DAX client: key conditions on number sort keys, filters, projections, paging. */
class DaxQueryTest {

    private static final ControllableClock CLOCK =
            new ControllableClock().freezeAt(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());
    private static final String GOOGOL = new java.math.BigDecimal("1E+100").toPlainString();
    @RegisterExtension
    static final LocalDax dax = new LocalDax(endpoint);
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        endpoint.client().createTable(b -> b.tableName("Events").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("at").attributeType(ScalarAttributeType.N).build(),
                        AttributeDefinition.builder().attributeName("kind").attributeType(ScalarAttributeType.S)
                                .build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("at").keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byKind")
                        .keySchema(KeySchemaElement.builder().attributeName("kind").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("at").keyType(KeyType.RANGE).build())
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        String[] times = {"-12.5", "-1", "0", "0.001", "3", "10", "10.5", "1000", "123456789012345678901234567890",
            "1E+100"};
        for (int i = 0; i < times.length; i++) {
            String at = times[i];
            String kind = i % 2 == 0 ? "even" : "odd";
            endpoint.client().putItem(b -> b.tableName("Events").item(Map.of("pk", AttributeValue.fromS("user"),
                    "at", AttributeValue.fromN(at), "kind", AttributeValue.fromS(kind),
                    "note", AttributeValue.fromS("at " + at))));
        }
        client = dax.client();
    }

    private static List<String> times(List<Map<String, AttributeValue>> items) {
        List<String> times = new ArrayList<>();
        items.forEach(item -> times.add(new java.math.BigDecimal(item.get("at").n()).stripTrailingZeros()
                .toPlainString()));
        return times;
    }

    @Test
    void queries_a_number_sort_key_in_order_with_a_range() {
        var response = client.query(b -> b.tableName("Events").keyConditionExpression("pk = :p AND #at BETWEEN :lo AND :hi")
                .expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("user"), ":lo", AttributeValue.fromN("-1"),
                        ":hi", AttributeValue.fromN("10.5"))));

        assertThat(times(response.items())).containsExactly("-1", "0", "0.001", "3", "10", "10.5");
        assertThat(response.count()).isEqualTo(6);
        assertThat(response.items().get(0)).containsEntry("note", AttributeValue.fromS("at -1"));
    }

    @Test
    void pages_through_a_query_backwards_with_its_last_evaluated_key() {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            var page = client.query(b -> b.tableName("Events").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("user")))
                    .scanIndexForward(false).limit(3).exclusiveStartKey(from));
            all.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);

        assertThat(times(all)).containsExactly(GOOGOL, "123456789012345678901234567890", "1000", "10.5", "10",
                "3", "0.001", "0", "-1", "-12.5");
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void filters_and_projects() {
        var response = client.query(b -> b.tableName("Events").keyConditionExpression("pk = :p AND #at > :zero")
                .filterExpression("kind = :k OR begins_with(note, :n)")
                .projectionExpression("note")
                .expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("user"), ":zero", AttributeValue.fromN("0"),
                        ":k", AttributeValue.fromS("odd"), ":n", AttributeValue.fromS("at 1000"))));

        assertThat(response.items()).containsExactly(Map.of("note", AttributeValue.fromS("at 0.001")),
                Map.of("note", AttributeValue.fromS("at 10")), Map.of("note", AttributeValue.fromS("at 1000")),
                Map.of("note", AttributeValue.fromS("at 1E+100")));
        assertThat(response.scannedCount()).isEqualTo(7);
    }

    @Test
    void queries_an_index_and_pages_with_its_key() {
        var first = client.query(b -> b.tableName("Events").indexName("byKind").keyConditionExpression("kind = :k")
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS("even"))).limit(2));
        var rest = client.query(b -> b.tableName("Events").indexName("byKind").keyConditionExpression("kind = :k")
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS("even")))
                .exclusiveStartKey(first.lastEvaluatedKey()));

        assertThat(first.lastEvaluatedKey()).containsKeys("pk", "at", "kind");
        assertThat(times(first.items())).containsExactly("-12.5", "0");
        assertThat(times(rest.items())).containsExactly("3", "10.5", "123456789012345678901234567890");
    }

    @Test
    void counts_without_items() {
        var response = client.query(b -> b.tableName("Events").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("user"))).select(Select.COUNT));

        assertThat(response.count()).isEqualTo(10);
        assertThat(response.items()).isEmpty();
    }

    @Test
    void scans_in_segments_and_pages() {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        for (int segment = 0; segment < 2; segment++) {
            int s = segment;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                var page = client.scan(b -> b.tableName("Events").segment(s).totalSegments(2).limit(4)
                        .exclusiveStartKey(from));
                all.addAll(page.items());
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        }

        assertThat(times(all)).hasSize(10).contains("-12.5", GOOGOL);
    }
}
