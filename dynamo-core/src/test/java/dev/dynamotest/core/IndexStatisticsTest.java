package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** DescribeTable's ItemCount and IndexSizeBytes of secondary indexes: what each index holds now. */
class IndexStatisticsTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        client.createTable(b -> b.tableName("Orders").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                        d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("sk").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("status").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("placed").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
                .globalSecondaryIndexes(
                        g -> g.indexName("byStatus").keySchema(k -> k.attributeName("status").keyType("HASH"))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)),
                        g -> g.indexName("everything").keySchema(k -> k.attributeName("status").keyType("HASH"))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))
                .localSecondaryIndexes(l -> l.indexName("byPlaced")
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"),
                                k -> k.attributeName("placed").keyType("RANGE"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
    }

    @Test
    void an_empty_table_describes_empty_indexes() {
        client.createTable(b -> b.tableName("Empty").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("g").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(k -> k.attributeName("g").keyType("HASH"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));

        GlobalSecondaryIndexDescription index = client.describeTable(b -> b.tableName("Empty")).table()
                .globalSecondaryIndexes().get(0);

        assertThat(index.itemCount()).isZero();
        assertThat(index.indexSizeBytes()).isZero();
    }

    @Test
    void each_index_counts_the_items_it_holds_and_their_projected_size() {
        put("o1", "a", Map.of("status", AttributeValue.fromS("NEW"), "placed", AttributeValue.fromN("1"),
                "note", AttributeValue.fromS("x".repeat(500))));
        put("o1", "b", Map.of("status", AttributeValue.fromS("PAID")));
        put("o2", "a", Map.of("placed", AttributeValue.fromN("2")));
        put("o3", "a", Map.of());

        TableDescription table = client.describeTable(b -> b.tableName("Orders")).table();

        assertThat(table.itemCount()).isEqualTo(4);
        GlobalSecondaryIndexDescription keysOnly = global(table, "byStatus");
        GlobalSecondaryIndexDescription all = global(table, "everything");
        LocalSecondaryIndexDescription byPlaced = table.localSecondaryIndexes().get(0);
        assertThat(keysOnly.itemCount()).isEqualTo(2);
        assertThat(all.itemCount()).isEqualTo(2);
        assertThat(byPlaced.itemCount()).isEqualTo(2);
        // keys only: pk, sk and status of two items; all: the same two items whole, one with a 500-byte note
        assertThat(keysOnly.indexSizeBytes()).isEqualTo(("pk" + "o1" + "sk" + "a" + "status" + "NEW").length()
                + ("pk" + "o1" + "sk" + "b" + "status" + "PAID").length());
        assertThat(all.indexSizeBytes()).isGreaterThan(keysOnly.indexSizeBytes() + 500);
        assertThat(byPlaced.indexSizeBytes()).isGreaterThan(500).isLessThan(table.tableSizeBytes());

        client.deleteItem(b -> b.tableName("Orders")
                .key(Map.of("pk", AttributeValue.fromS("o1"), "sk", AttributeValue.fromS("a"))));
        TableDescription after = client.describeTable(b -> b.tableName("Orders")).table();

        assertThat(global(after, "byStatus").itemCount()).isEqualTo(1);
        assertThat(global(after, "byStatus").indexSizeBytes())
                .isEqualTo(("pk" + "o1" + "sk" + "b" + "status" + "PAID").length());
        assertThat(after.localSecondaryIndexes().get(0).itemCount()).isEqualTo(1);
    }

    private static void put(String pk, String sk, Map<String, AttributeValue> rest) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(rest);
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        client.putItem(b -> b.tableName("Orders").item(item));
    }

    private static GlobalSecondaryIndexDescription global(TableDescription table, String name) {
        return table.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals(name)).findFirst()
                .orElseThrow();
    }
}
