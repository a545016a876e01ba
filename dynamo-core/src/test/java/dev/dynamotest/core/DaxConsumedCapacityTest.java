package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalDax;
import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ReturnConsumedCapacity and ReturnItemCollectionMetrics through Amazon's DAX client: a read served from a cache
 * consumes nothing, a miss, a consistent read and every write consume what the same request consumes over HTTP.
 * DAX's encoding carries the table name, the total units and the table's and indexes' units, not the read and write
 * units apart (except in transactions).
 */
class DaxConsumedCapacityTest {

    private static final ControllableClock CLOCK =
            new ControllableClock().freezeAt(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());
    @RegisterExtension
    static final LocalDax dax = new LocalDax(endpoint);
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        endpoint.createTable("Units", null);
        endpoint.client().createTable(b -> b.tableName("Collections").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(LocalEndpoint.key("pk", KeyType.HASH), LocalEndpoint.key("sk", KeyType.RANGE))
                .attributeDefinitions(LocalEndpoint.attribute("pk"), LocalEndpoint.attribute("sk"),
                        LocalEndpoint.attribute("at"))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("ByAt")
                        .keySchema(LocalEndpoint.key("pk", KeyType.HASH), LocalEndpoint.key("at", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        client = dax.client();
    }

    private static Map<String, AttributeValue> item(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromS("value"));
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    private static ConsumedCapacity units(String table, double units) {
        return ConsumedCapacity.builder().tableName(table).capacityUnits(units).build();
    }

    @Test
    void a_get_item_miss_consumes_an_eventually_consistent_read_and_a_hit_consumes_nothing() {
        endpoint.client().putItem(b -> b.tableName("Units").item(item("get")));

        var miss = client.getItem(b -> b.tableName("Units").key(key("get"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var hit = client.getItem(b -> b.tableName("Units").key(key("get"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var consistent = client.getItem(b -> b.tableName("Units").key(key("get")).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var unasked = client.getItem(b -> b.tableName("Units").key(key("get")));

        assertThat(miss.consumedCapacity()).isEqualTo(units("Units", 0.5));
        assertThat(hit.consumedCapacity()).isEqualTo(units("Units", 0.0));
        assertThat(hit.item()).isEqualTo(item("get"));
        assertThat(consistent.consumedCapacity()).isEqualTo(units("Units", 1.0));
        assertThat(unasked.consumedCapacity()).isNull();
    }

    @Test
    void indexes_adds_the_table_s_share() {
        endpoint.client().putItem(b -> b.tableName("Units").item(item("indexes")));

        var miss = client.getItem(b -> b.tableName("Units").key(key("indexes"))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        var hit = client.getItem(b -> b.tableName("Units").key(key("indexes"))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));

        assertThat(miss.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        assertThat(miss.consumedCapacity().table()).isEqualTo(Capacity.builder().capacityUnits(0.5).build());
        assertThat(hit.consumedCapacity().table()).isEqualTo(Capacity.builder().capacityUnits(0.0).build());
    }

    @Test
    void writes_consume_what_they_consume_over_http() {
        var put = client.putItem(b -> b.tableName("Units").item(item("write"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var update = client.updateItem(b -> b.tableName("Units").key(key("write")).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("other")))
                .returnValues(ReturnValue.UPDATED_NEW).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var delete = client.deleteItem(b -> b.tableName("Units").key(key("write"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var overHttp = endpoint.client().putItem(b -> b.tableName("Units").item(item("write"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        assertThat(overHttp.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        assertThat(put.consumedCapacity()).isEqualTo(units("Units", 1.0));
        assertThat(update.consumedCapacity()).isEqualTo(units("Units", 1.0));
        assertThat(update.attributes()).containsEntry("v", AttributeValue.fromS("other"));
        assertThat(delete.consumedCapacity()).isEqualTo(units("Units", 1.0));
    }

    @Test
    void a_query_served_from_the_query_cache_consumes_nothing() {
        endpoint.client().putItem(b -> b.tableName("Units").item(item("query")));

        var miss = client.query(b -> b.tableName("Units").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("query")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var hit = client.query(b -> b.tableName("Units").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("query")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        assertThat(miss.consumedCapacity()).isEqualTo(units("Units", 0.5));
        assertThat(hit.consumedCapacity()).isEqualTo(units("Units", 0.0));
        assertThat(hit.items()).isEqualTo(miss.items()).containsExactly(item("query"));
    }

    @Test
    void batches_report_each_table_cached_reads_consuming_nothing() {
        var written = client.batchWriteItem(b -> b.requestItems(Map.of("Units", List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(item("b1")).build()).build(),
                WriteRequest.builder().putRequest(PutRequest.builder().item(item("b2")).build()).build())))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        var cached = client.batchGetItem(b -> b.requestItems(Map.of("Units", KeysAndAttributes.builder()
                .keys(key("b1"), key("b2")).build())).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        assertThat(written.consumedCapacity()).containsExactly(units("Units", 2.0));
        assertThat(cached.consumedCapacity()).containsExactly(units("Units", 0.0));
        assertThat(cached.responses().get("Units")).hasSize(2);
    }

    @Test
    void transactions_report_their_capacity_per_table() {
        var written = client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Units").item(item("t1"))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("Units").item(item("t2"))).build())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        var read = client.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName("Units").key(key("t1"))).build())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        assertThat(written.consumedCapacity()).singleElement().satisfies(c -> {
            assertThat(c.tableName()).isEqualTo("Units");
            assertThat(c.capacityUnits()).isEqualTo(4.0);
        });
        assertThat(read.consumedCapacity()).singleElement().satisfies(c -> {
            assertThat(c.tableName()).isEqualTo("Units");
            assertThat(c.capacityUnits()).isEqualTo(2.0);
        });
    }

    @Test
    void a_write_to_a_table_with_a_local_index_returns_its_item_collection_metrics() {
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("collection"),
                "sk", AttributeValue.fromS("1"), "at", AttributeValue.fromS("2026"));

        var put = client.putItem(b -> b.tableName("Collections").item(item)
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        var overHttp = endpoint.client().putItem(b -> b.tableName("Collections").item(item)
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));

        ItemCollectionMetrics expected = overHttp.itemCollectionMetrics();
        assertThat(expected.itemCollectionKey()).isEqualTo(Map.of("pk", AttributeValue.fromS("collection")));
        assertThat(put.itemCollectionMetrics()).isEqualTo(expected);
    }
}
