package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
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
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Paging through index entries that share their index key: each page goes on after the last entry of the one
 * before, through the rest of its index key, the rest of its partition and the partitions after it.
 */
class IndexPagingTest {

    private static final int PARTITIONS = 3;
    private static final int GROUPS = 3;
    private static final int PER_GROUP = 4;

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        client.createTable(t -> t.tableName("Events").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("kind", ScalarAttributeType.S),
                        attribute("rank", ScalarAttributeType.N))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByKind")
                        .keySchema(key("kind", KeyType.HASH), key("rank", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        for (int p = 0; p < PARTITIONS; p++) {
            for (int g = 0; g < GROUPS; g++) {
                for (int i = 0; i < PER_GROUP; i++) {
                    Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("e" + p + g + i),
                            "kind", AttributeValue.fromS("k" + p), "rank", AttributeValue.fromN(Integer.toString(g)));
                    client.putItem(r -> r.tableName("Events").item(item));
                }
            }
        }
    }

    @Test
    void query_pages_of_one_go_through_entries_that_share_their_sort_key_in_both_directions() {
        for (boolean forward : new boolean[] {true, false}) {
            List<String> ids = new ArrayList<>();
            List<String> ranks = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            int pages = 0;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = client.query(q -> q.tableName("Events").indexName("ByKind")
                        .keyConditionExpression("kind = :k").expressionAttributeValues(Map.of(":k",
                                AttributeValue.fromS("k1")))
                        .scanIndexForward(forward).limit(1).exclusiveStartKey(from));
                page.items().forEach(item -> {
                    ids.add(item.get("id").s());
                    ranks.add(item.get("rank").n());
                });
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
                pages++;
            } while (start != null);

            assertThat(ids).hasSize(GROUPS * PER_GROUP).doesNotHaveDuplicates();
            assertThat(ranks).isSortedAccordingTo(forward ? String::compareTo : (a, b) -> b.compareTo(a));
            assertThat(pages).isBetween(GROUPS * PER_GROUP, GROUPS * PER_GROUP + 1);
        }
    }

    @Test
    void scan_pages_of_any_size_return_every_index_entry_once() {
        for (int limit : new int[] {1, 2, 3, 5, 7, 100}) {
            List<String> ids = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = client.scan(s -> s.tableName("Events").indexName("ByKind").limit(limit)
                        .exclusiveStartKey(from));
                page.items().forEach(item -> ids.add(item.get("id").s()));
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            } while (start != null);

            assertThat(ids).as("pages of %d", limit).hasSize(PARTITIONS * GROUPS * PER_GROUP).doesNotHaveDuplicates();
        }
    }

    @Test
    void scan_pages_of_the_table_return_every_item_once_in_the_order_of_one_full_page() {
        List<String> whole = new ArrayList<>();
        client.scan(s -> s.tableName("Events")).items().forEach(item -> whole.add(item.get("id").s()));
        List<String> paged = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(s -> s.tableName("Events").limit(4).exclusiveStartKey(from));
            page.items().forEach(item -> paged.add(item.get("id").s()));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        assertThat(whole).hasSize(PARTITIONS * GROUPS * PER_GROUP);
        assertThat(paged).isEqualTo(whole);
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
