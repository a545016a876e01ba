package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class SecondaryIndexQueryTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        client.createTable(t -> t.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S),
                        attribute("status", ScalarAttributeType.S), attribute("amount", ScalarAttributeType.N),
                        attribute("customer", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(
                        gsi("ByStatus", List.of(key("status", KeyType.HASH), key("amount", KeyType.RANGE)),
                                Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("note")
                                        .build()),
                        gsi("ByCustomer", List.of(key("customer", KeyType.HASH)),
                                Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()),
                        gsi("AllByCustomer", List.of(key("customer", KeyType.HASH)),
                                Projection.builder().projectionType(ProjectionType.ALL).build()))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("ByAmount")
                        .keySchema(key("pk", KeyType.HASH), key("amount", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
        put(order("o1", "NEW", "30", "alice"));
        put(order("o2", "NEW", "10", "alice"));
        put(Map.of("pk", s("c1"), "sk", s("o3"), "status", s("SHIPPED"), "amount", n("20"), "note", s("n-o3"),
                "secret", s("s-o3")));
        put(Map.of("pk", s("c2"), "sk", s("o4"), "amount", n("5"), "customer", s("bob")));
    }

    @Test
    void queries_a_global_index_in_its_sort_order_returning_projected_attributes() {
        QueryResponse response = query(q -> q.indexName("ByStatus").keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("NEW"))));

        assertThat(response.items()).containsExactly(
                Map.of("pk", s("c1"), "sk", s("o2"), "status", s("NEW"), "amount", n("10"), "note", s("n-o2")),
                Map.of("pk", s("c1"), "sk", s("o1"), "status", s("NEW"), "amount", n("30"), "note", s("n-o1")));
    }

    @Test
    void indexes_are_sparse_and_keys_only_holds_only_keys() {
        ScanResponse byStatus = client.scan(r -> r.tableName("Orders").indexName("ByStatus"));
        ScanResponse byCustomer = client.scan(r -> r.tableName("Orders").indexName("ByCustomer"));

        assertThat(byStatus.items()).extracting(i -> i.get("sk").s()).containsExactlyInAnyOrder("o1", "o2", "o3");
        assertThat(byCustomer.items()).extracting(i -> i.get("sk").s()).containsExactlyInAnyOrder("o1", "o2", "o4");
        assertThat(byCustomer.items()).allSatisfy(i -> assertThat(i).containsOnlyKeys("pk", "sk", "customer"));
    }

    @Test
    void last_evaluated_key_of_an_index_holds_index_and_table_keys() {
        Consumer<QueryRequest.Builder> base = q -> q.indexName("ByStatus").keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("NEW")))
                .limit(1);

        QueryResponse first = query(base);
        QueryResponse second = query(base.andThen(q -> q.exclusiveStartKey(first.lastEvaluatedKey())));

        assertThat(first.lastEvaluatedKey()).isEqualTo(
                Map.of("status", s("NEW"), "amount", n("10"), "pk", s("c1"), "sk", s("o2")));
        assertThat(second.items()).extracting(i -> i.get("sk").s()).containsExactly("o1");
        assertThat(error(base.andThen(q -> q.exclusiveStartKey(Map.of("pk", s("c1"), "sk", s("o2"))))))
                .isEqualTo("ValidationException: The provided starting key is invalid");
    }

    @Test
    void global_index_returns_whole_items_when_it_projects_all() {
        QueryResponse response = query(q -> q.indexName("AllByCustomer").select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("bob"))));

        assertThat(response.items()).containsExactly(
                Map.of("pk", s("c2"), "sk", s("o4"), "amount", n("5"), "customer", s("bob")));
    }

    @Test
    void global_index_refuses_what_it_cannot_give() {
        Consumer<QueryRequest.Builder> base = q -> q.indexName("ByStatus").keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("NEW")));

        assertThat(error(base.andThen(q -> q.select(Select.ALL_ATTRIBUTES))))
                .isEqualTo("ValidationException: One or more parameter values were invalid: Select type ALL_ATTRIBUTES"
                        + " is not supported for global secondary index ByStatus because its projection type is not"
                        + " ALL");
        assertThat(error(base.andThen(q -> q.projectionExpression("secret, note, customer"))))
                .isEqualTo("ValidationException: One or more parameter values were invalid: Global secondary index"
                        + " ByStatus does not project [customer, secret]");
        assertThat(error(base.andThen(q -> q.consistentRead(true))))
                .isEqualTo("ValidationException: Consistent reads are not supported on global secondary indexes");
        assertThat(error(q -> q.indexName("ByStatus").keyConditionExpression("#s = :s AND amount > :a")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("NEW"), ":a", s("1")))))
                .isEqualTo("ValidationException: One or more parameter values were invalid: Condition parameter type"
                        + " does not match schema type");
    }

    @Test
    void local_index_fetches_whole_items_from_the_table_at_extra_cost() {
        QueryResponse response = query(q -> q.indexName("ByAmount").select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("c1")))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));

        assertThat(response.items()).extracting(i -> i.get("sk").s()).containsExactly("o2", "o3", "o1");
        assertThat(response.items().get(0)).containsEntry("secret", s("s-o2"));
        ConsumedCapacity consumed = response.consumedCapacity();
        assertThat(consumed.capacityUnits()).isEqualTo(2.0);
        assertThat(consumed.table().capacityUnits()).isEqualTo(1.0);
        assertThat(consumed.localSecondaryIndexes().get("ByAmount").capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void local_index_reads_only_the_index_when_the_projection_holds_all_asked() {
        QueryResponse keys = query(q -> q.indexName("ByAmount").keyConditionExpression("pk = :p AND amount < :a")
                .expressionAttributeValues(Map.of(":p", s("c1"), ":a", n("25")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        QueryResponse secrets = query(q -> q.indexName("ByAmount").projectionExpression("secret")
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("c1"))));

        assertThat(keys.items()).containsExactly(Map.of("pk", s("c1"), "sk", s("o2"), "amount", n("10")),
                Map.of("pk", s("c1"), "sk", s("o3"), "amount", n("20")));
        assertThat(keys.consumedCapacity().table().capacityUnits()).isEqualTo(0.0);
        assertThat(keys.consumedCapacity().localSecondaryIndexes().get("ByAmount").capacityUnits()).isEqualTo(0.5);
        assertThat(secrets.items()).containsExactly(Map.of("secret", s("s-o2")), Map.of("secret", s("s-o3")),
                Map.of("secret", s("s-o1")));
    }

    @Test
    void reports_global_index_capacity_by_index_name() {
        QueryResponse response = query(q -> q.indexName("ByCustomer").keyConditionExpression("customer = :c")
                .expressionAttributeValues(Map.of(":c", s("alice")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));

        assertThat(response.count()).isEqualTo(2);
        assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        assertThat(response.consumedCapacity().globalSecondaryIndexes().get("ByCustomer").capacityUnits())
                .isEqualTo(0.5);
    }

    private static Map<String, AttributeValue> order(String id, String status, String amount, String customer) {
        return Map.of("pk", s("c1"), "sk", s(id), "status", s(status), "amount", n(amount), "customer", s(customer),
                "note", s("n-" + id), "secret", s("s-" + id));
    }

    private static QueryResponse query(Consumer<QueryRequest.Builder> request) {
        return client.query(request.andThen(q -> q.tableName("Orders")));
    }

    private static String error(Consumer<QueryRequest.Builder> request) {
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> query(request));
        assertThat(e).as("expected a DynamoDbException").isNotNull();
        return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }

    private static void put(Map<String, AttributeValue> item) {
        client.putItem(p -> p.tableName("Orders").item(item));
    }

    private static GlobalSecondaryIndex gsi(String name, List<KeySchemaElement> keys, Projection projection) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(keys).projection(projection).build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    @Test
    void a_write_reports_the_units_it_took_from_each_global_index_it_changed() {
        Map<String, AttributeValue> item = Map.of("pk", s("c9"), "sk", s("o9"), "status", s("TEST"), "amount",
                n("1"), "customer", s("zed"));
        ConsumedCapacity put = client.putItem(r -> r.tableName("Orders").item(item)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        ConsumedCapacity total = client.updateItem(r -> r.tableName("Orders")
                .key(Map.of("pk", s("c9"), "sk", s("o9"))).updateExpression("SET note = :n")
                .expressionAttributeValues(Map.of(":n", s("x"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity();
        client.deleteItem(r -> r.tableName("Orders").key(Map.of("pk", s("c9"), "sk", s("o9"))));

        assertThat(put.capacityUnits()).isEqualTo(4.0);
        assertThat(put.table().capacityUnits()).isEqualTo(1.0);
        assertThat(put.globalSecondaryIndexes()).containsOnlyKeys("ByStatus", "ByCustomer", "AllByCustomer");
        assertThat(put.globalSecondaryIndexes().get("ByStatus").capacityUnits()).isEqualTo(1.0);
        assertThat(put.globalSecondaryIndexes().get("ByStatus").writeCapacityUnits()).isEqualTo(1.0);
        assertThat(put.localSecondaryIndexes()).isEmpty();
        assertThat(total.capacityUnits()).isGreaterThan(1.0);
        assertThat(total.table()).isNull();
    }
}
