package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Global secondary indexes with multi-attribute keys (up to four partition key and four sort key attributes),
 * through the SDK: creating and describing them, every key condition a Query accepts and the ones it refuses,
 * their order, paging, sparse items, projections and backfill by UpdateTable.
 */
class MultiAttributeIndexTest {

    private static final String TABLE = "Matches";
    private static final String INDEX = "ByTournamentRegion";
    private static final List<String> ROUNDS = List.of("final", "quarter", "semi", "semi\u0000x", "sem");

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;
    private static final List<Map<String, AttributeValue>> ITEMS = new ArrayList<>();

    @BeforeAll
    static void start() {
        client = endpoint.client();
        client.createTable(t -> t.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id"), attribute("tournament"),
                        attribute("area"), attribute("stage", ScalarAttributeType.N), attribute("round"))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(index(INDEX, ProjectionType.ALL, key("tournament", KeyType.HASH),
                        key("area", KeyType.HASH), key("stage", KeyType.RANGE), key("round", KeyType.RANGE))));
        int n = 0;
        for (String region : List.of("EU", "NA")) {
            for (String day : List.of("-1.5", "0", "2", "10", "11")) {
                for (String round : ROUNDS) {
                    Map<String, AttributeValue> item = new HashMap<>();
                    item.put("id", AttributeValue.fromS(String.format("m%03d", n++)));
                    item.put("tournament", AttributeValue.fromS("W24"));
                    item.put("area", AttributeValue.fromS(region));
                    item.put("stage", AttributeValue.fromN(day));
                    item.put("round", AttributeValue.fromS(round));
                    item.put("score", AttributeValue.fromN(Integer.toString(n)));
                    client.putItem(p -> p.tableName(TABLE).item(item));
                    ITEMS.add(item);
                }
            }
        }
        // Sparse: each of these lacks one index key attribute, so the index does not hold it.
        for (String missing : List.of("tournament", "area", "stage", "round")) {
            Map<String, AttributeValue> item = new HashMap<>(ITEMS.get(0));
            item.put("id", AttributeValue.fromS("sparse-" + missing));
            item.remove(missing);
            client.putItem(p -> p.tableName(TABLE).item(item));
        }
    }

    @Test
    void describe_table_lists_every_key_attribute_in_key_schema_order() {
        GlobalSecondaryIndexDescription index = client.describeTable(d -> d.tableName(TABLE)).table()
                .globalSecondaryIndexes().get(0);

        assertThat(index.keySchema()).containsExactly(key("tournament", KeyType.HASH), key("area", KeyType.HASH),
                key("stage", KeyType.RANGE), key("round", KeyType.RANGE));
        assertThat(index.itemCount()).isEqualTo(ITEMS.size());
    }

    @Test
    void query_with_equality_on_every_partition_key_attribute_returns_the_partition_in_sort_key_order() {
        List<String> ids = ids(query("tournament = :t AND area = :r", values()));

        assertThat(ids).isEqualTo(expected("NA", item -> true));
        assertThat(ids).hasSize(25);
    }

    @Test
    void query_answers_every_sort_key_condition_shape_as_the_items_say() {
        Map<String, Predicate<Map<String, AttributeValue>>> shapes = new LinkedHashMap<>();
        shapes.put("stage = :d", i -> day(i) == 2);
        shapes.put("stage < :d", i -> day(i) < 2);
        shapes.put("stage <= :d", i -> day(i) <= 2);
        shapes.put("stage > :d", i -> day(i) > 2);
        shapes.put("stage >= :d", i -> day(i) >= 2);
        shapes.put("stage BETWEEN :lo AND :d", i -> day(i) >= -1.5 && day(i) <= 2);
        shapes.put("stage = :d AND round = :s", i -> day(i) == 2 && round(i).equals("semi"));
        shapes.put("stage = :d AND round < :s", i -> day(i) == 2 && round(i).compareTo("semi") < 0);
        shapes.put("stage = :d AND round <= :s", i -> day(i) == 2 && round(i).compareTo("semi") <= 0);
        shapes.put("stage = :d AND round > :s", i -> day(i) == 2 && round(i).compareTo("semi") > 0);
        shapes.put("stage = :d AND round >= :s", i -> day(i) == 2 && round(i).compareTo("semi") >= 0);
        shapes.put("stage = :d AND round BETWEEN :a AND :s",
                i -> day(i) == 2 && round(i).compareTo("quarter") >= 0 && round(i).compareTo("semi") <= 0);
        shapes.put("stage = :d AND begins_with(round, :s)", i -> day(i) == 2 && round(i).startsWith("semi"));
        shapes.put("stage = :d AND begins_with(round, :z)", i -> day(i) == 2 && round(i).startsWith("semi\u0000"));
        shapes.put(":d = stage AND :s < round", i -> day(i) == 2 && round(i).compareTo("semi") > 0);
        for (var shape : shapes.entrySet()) {
            Map<String, AttributeValue> values = values();
            values.put(":d", AttributeValue.fromN("2"));
            values.put(":lo", AttributeValue.fromN("-1.5"));
            values.put(":s", AttributeValue.fromS("semi"));
            values.put(":a", AttributeValue.fromS("quarter"));
            values.put(":z", AttributeValue.fromS("semi\u0000"));
            String expression = "tournament = :t AND area = :r AND " + shape.getKey();
            values.keySet().retainAll(placeholders(expression));
            for (boolean forward : new boolean[] {true, false}) {
                List<String> want = expected("NA", shape.getValue());
                if (!forward) {
                    want = reversed(want);
                }
                QueryResponse response = client.query(q -> q.tableName(TABLE).indexName(INDEX)
                        .keyConditionExpression(expression).expressionAttributeValues(values)
                        .scanIndexForward(forward));
                assertThat(ids(response)).as(expression + (forward ? "" : " backwards")).isEqualTo(want);
            }
        }
    }

    @Test
    void legacy_key_conditions_read_a_multi_attribute_key_too() {
        QueryResponse response = client.query(q -> q.tableName(TABLE).indexName(INDEX).keyConditions(Map.of(
                "tournament", eq(AttributeValue.fromS("W24")), "area", eq(AttributeValue.fromS("EU")),
                "stage", eq(AttributeValue.fromN("0")),
                "round", Condition.builder().comparisonOperator(ComparisonOperator.BEGINS_WITH)
                        .attributeValueList(AttributeValue.fromS("se")).build())));

        assertThat(ids(response)).isEqualTo(expected("EU", i -> day(i) == 0 && round(i).startsWith("se")));
    }

    @Test
    void query_refuses_key_conditions_that_do_not_follow_the_key_schema() {
        assertRefused("tournament = :t", "Query condition missed key schema element: area");
        assertRefused("area = :r AND stage = :d", "Query condition missed key schema element: tournament");
        assertRefused("tournament = :t AND area > :r", "Query key condition not supported");
        assertRefused("tournament = :t AND begins_with(area, :r)", "Query key condition not supported");
        assertRefused("tournament = :t AND area = :r AND round = :s",
                "Query condition missed key schema element: stage");
        assertRefused("tournament = :t AND area = :r AND stage > :d AND round = :s",
                "Query key condition not supported");
        assertRefused("tournament = :t AND area = :r AND stage BETWEEN :d AND :d AND round = :s",
                "Query key condition not supported");
        assertRefused("tournament = :t AND area = :r AND score = :d",
                "Query condition missed key schema element: stage");
        assertRefused("tournament = :t AND area = :r AND stage = :s",
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertRefused("tournament = :t AND area = :r AND stage = :d AND round = :d",
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertRefused("tournament = :t AND area = :r AND stage = :d AND stage = :d",
                "KeyConditionExpressions must only contain one condition per key");
        assertError(() -> client.query(q -> q.tableName(TABLE).indexName(INDEX)
                .keyConditionExpression("tournament = :t AND area = :r")
                .filterExpression("round = :s").expressionAttributeValues(Map.of(":t", AttributeValue.fromS("W24"),
                        ":r", AttributeValue.fromS("NA"), ":s", AttributeValue.fromS("semi")))),
                "ValidationException",
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: round");
    }

    @Test
    void pages_carry_every_index_key_attribute_and_the_table_key_in_last_evaluated_key() {
        for (boolean forward : new boolean[] {true, false}) {
            List<String> ids = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = client.query(q -> q.tableName(TABLE).indexName(INDEX)
                        .keyConditionExpression("tournament = :t AND area = :r AND stage >= :d")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("W24"),
                                ":r", AttributeValue.fromS("EU"), ":d", AttributeValue.fromN("0")))
                        .scanIndexForward(forward).limit(4).exclusiveStartKey(from));
                ids.addAll(ids(page));
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
                if (start != null) {
                    assertThat(start).containsOnlyKeys("id", "tournament", "area", "stage", "round");
                }
            } while (start != null);
            List<String> want = expected("EU", i -> day(i) >= 0);
            assertThat(ids).isEqualTo(forward ? want : reversed(want));
        }
    }

    @Test
    void a_start_key_outside_the_key_condition_is_refused() {
        Map<String, AttributeValue> start = new HashMap<>(ITEMS.get(0));
        start.keySet().retainAll(List.of("id", "tournament", "area", "stage", "round"));
        assertError(() -> client.query(q -> q.tableName(TABLE).indexName(INDEX)
                .keyConditionExpression("tournament = :t AND area = :r")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("W24"), ":r", AttributeValue.fromS("NA")))
                .exclusiveStartKey(start)), "ValidationException",
                "The provided starting key is outside query boundaries based on provided conditions");
        assertError(() -> client.query(q -> q.tableName(TABLE).indexName(INDEX)
                .keyConditionExpression("tournament = :t AND area = :r AND stage = :d")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("W24"), ":r", AttributeValue.fromS("EU"),
                        ":d", AttributeValue.fromN("11")))
                .exclusiveStartKey(start)), "ValidationException",
                "The provided starting key does not match the range key predicate");
    }

    @Test
    void scan_of_the_index_holds_only_items_with_every_key_attribute() {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = client.scan(s -> s.tableName(TABLE).indexName(INDEX).limit(7).exclusiveStartKey(from));
            page.items().forEach(i -> ids.add(i.get("id").s()));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        assertThat(ids).hasSize(ITEMS.size()).noneMatch(id -> id.startsWith("sparse"));
        assertThat(client.scan(s -> s.tableName(TABLE)).count()).isEqualTo(ITEMS.size() + 4);
    }

    @Test
    void an_update_that_moves_an_item_in_the_index_moves_it_in_the_order() {
        client.createTable(t -> t.tableName("Moves").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id"), attribute("a"), attribute("b"), attribute("c"))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(index("ByAb", ProjectionType.KEYS_ONLY, key("a", KeyType.HASH),
                        key("b", KeyType.HASH), key("c", KeyType.RANGE))));
        client.putItem(p -> p.tableName("Moves").item(Map.of("id", AttributeValue.fromS("1"),
                "a", AttributeValue.fromS("x"), "b", AttributeValue.fromS("y"), "c", AttributeValue.fromS("2"),
                "other", AttributeValue.fromS("not projected"))));
        client.putItem(p -> p.tableName("Moves").item(Map.of("id", AttributeValue.fromS("2"),
                "a", AttributeValue.fromS("x"), "b", AttributeValue.fromS("y"), "c", AttributeValue.fromS("3"))));
        client.updateItem(u -> u.tableName("Moves").key(Map.of("id", AttributeValue.fromS("1")))
                .updateExpression("SET c = :c").expressionAttributeValues(Map.of(":c", AttributeValue.fromS("4"))));
        client.updateItem(u -> u.tableName("Moves").key(Map.of("id", AttributeValue.fromS("2")))
                .updateExpression("REMOVE b"));
        client.putItem(p -> p.tableName("Moves").item(Map.of("id", AttributeValue.fromS("3"),
                "a", AttributeValue.fromS("x"), "b", AttributeValue.fromS("y"), "c", AttributeValue.fromS("1"))));

        QueryResponse response = client.query(q -> q.tableName("Moves").indexName("ByAb")
                .keyConditionExpression("a = :a AND b = :b").expressionAttributeValues(Map.of(
                        ":a", AttributeValue.fromS("x"), ":b", AttributeValue.fromS("y"))));

        assertThat(ids(response)).containsExactly("3", "1");
        assertThat(response.items().get(1)).containsOnlyKeys("id", "a", "b", "c");
    }

    @Test
    void update_table_creates_a_multi_attribute_index_and_backfills_it() {
        client.createTable(t -> t.tableName("Later").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id")).keySchema(key("id", KeyType.HASH)));
        for (int i = 0; i < 5; i++) {
            String id = Integer.toString(i);
            client.putItem(p -> p.tableName("Later").item(Map.of("id", AttributeValue.fromS(id),
                    "org", AttributeValue.fromS("acme"), "team", AttributeValue.fromN(id.equals("4") ? "2" : "1"),
                    "joined", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) (10 - Integer.parseInt(id))})))));
        }
        client.updateTable(u -> u.tableName("Later")
                .attributeDefinitions(attribute("org"), attribute("team", ScalarAttributeType.N),
                        attribute("joined", ScalarAttributeType.B))
                .globalSecondaryIndexUpdates(c -> c.create(g -> g.indexName("ByOrgTeam")
                        .keySchema(key("org", KeyType.HASH), key("team", KeyType.HASH), key("joined", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("none")))));

        QueryResponse response = client.query(q -> q.tableName("Later").indexName("ByOrgTeam")
                .keyConditionExpression("org = :o AND team = :t").expressionAttributeValues(Map.of(
                        ":o", AttributeValue.fromS("acme"), ":t", AttributeValue.fromN("1"))));

        assertThat(ids(response)).containsExactly("3", "2", "1", "0");
        assertThat(client.describeTable(d -> d.tableName("Later")).table().globalSecondaryIndexes().get(0)
                .keySchema()).containsExactly(key("org", KeyType.HASH), key("team", KeyType.HASH),
                        key("joined", KeyType.RANGE));
    }

    @Test
    void create_table_accepts_four_partition_and_four_sort_key_attributes_and_a_partition_key_alone() {
        client.createTable(t -> t.tableName("Widest").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id"), attribute("h1"), attribute("h2"), attribute("h3"),
                        attribute("h4"), attribute("r1", ScalarAttributeType.N), attribute("r2"),
                        attribute("r3", ScalarAttributeType.B), attribute("r4"))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(index("Widest", ProjectionType.ALL, key("h1", KeyType.HASH),
                        key("h2", KeyType.HASH), key("h3", KeyType.HASH), key("h4", KeyType.HASH),
                        key("r1", KeyType.RANGE), key("r2", KeyType.RANGE), key("r3", KeyType.RANGE),
                        key("r4", KeyType.RANGE)),
                        index("HashOnly", ProjectionType.ALL, key("h1", KeyType.HASH), key("h2", KeyType.HASH))));
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("1"), "h1", AttributeValue.fromS("a"),
                "h2", AttributeValue.fromS("b"), "h3", AttributeValue.fromS("c"), "h4", AttributeValue.fromS("d"),
                "r1", AttributeValue.fromN("1"), "r2", AttributeValue.fromS("x"),
                "r3", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1})), "r4", AttributeValue.fromS("y"));
        client.putItem(p -> p.tableName("Widest").item(item));

        Map<String, AttributeValue> values = Map.of(":a", AttributeValue.fromS("a"), ":b", AttributeValue.fromS("b"),
                ":c", AttributeValue.fromS("c"), ":d", AttributeValue.fromS("d"), ":one", AttributeValue.fromN("1"),
                ":x", AttributeValue.fromS("x"), ":bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0})),
                ":y", AttributeValue.fromS("y"));
        assertThat(client.query(q -> q.tableName("Widest").indexName("Widest").keyConditionExpression(
                "h1 = :a AND h2 = :b AND h3 = :c AND h4 = :d AND r1 = :one AND r2 = :x AND begins_with(r3, :bin)")
                .expressionAttributeValues(withoutY(values))).count()).isEqualTo(1);
        assertThat(client.query(q -> q.tableName("Widest").indexName("HashOnly")
                .keyConditionExpression("h2 = :b AND h1 = :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("a"), ":b", AttributeValue.fromS("b"))))
                .count()).isEqualTo(1);
        assertError(() -> client.query(q -> q.tableName("Widest").indexName("Widest").keyConditionExpression(
                "h1 = :a AND h2 = :b AND h3 = :c AND h4 = :d AND r1 = :one AND r2 = :x AND r4 = :y")
                .expressionAttributeValues(withoutBin(values))), "ValidationException",
                "Query condition missed key schema element: r3");
    }

    @Test
    void create_table_refuses_key_schemas_that_are_not_multi_attribute_index_keys() {
        assertCreateRefused(List.of(key("a", KeyType.HASH), key("b", KeyType.HASH), key("c", KeyType.HASH),
                key("d", KeyType.HASH), key("e", KeyType.HASH)),
                "Invalid KeySchema: A global secondary index can have at most 4 HASH KeySchemaElements");
        assertCreateRefused(List.of(key("a", KeyType.HASH), key("b", KeyType.RANGE), key("c", KeyType.RANGE),
                key("d", KeyType.RANGE), key("e", KeyType.RANGE), key("f", KeyType.RANGE)),
                "Invalid KeySchema: A global secondary index can have at most 4 RANGE KeySchemaElements");
        assertCreateRefused(List.of(key("a", KeyType.HASH), key("b", KeyType.RANGE), key("c", KeyType.HASH)),
                "Invalid KeySchema: A HASH KeySchemaElement follows a RANGE KeySchemaElement");
        assertCreateRefused(List.of(key("a", KeyType.RANGE), key("b", KeyType.HASH)),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        assertCreateRefused(List.of(key("a", KeyType.RANGE), key("b", KeyType.RANGE), key("c", KeyType.HASH)),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        assertCreateRefused(List.of(key("a", KeyType.HASH), key("a", KeyType.HASH)),
                "Invalid KeySchema: Duplicate attribute name in KeySchema: a");
        assertCreateRefused(List.of(key("a", KeyType.HASH), key("b", KeyType.HASH), key("a", KeyType.RANGE)),
                "Invalid KeySchema: Duplicate attribute name in KeySchema: a");
        assertCreateRefused(List.of(key("a", KeyType.HASH), key("a", KeyType.RANGE)),
                "Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }

    @Test
    void tables_and_local_indexes_keep_a_single_attribute_key() {
        assertError(() -> client.createTable(t -> t.tableName("BadTable").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("a"), attribute("b"), attribute("c"))
                .keySchema(key("a", KeyType.HASH), key("b", KeyType.HASH), key("c", KeyType.RANGE))),
                "ValidationException", "1 validation error detected: Value '[KeySchemaElement(attributeName=a, "
                        + "keyType=HASH), KeySchemaElement(attributeName=b, keyType=HASH), KeySchemaElement("
                        + "attributeName=c, keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member "
                        + "must have length less than or equal to 2");
        assertError(() -> client.createTable(t -> t.tableName("BadTable").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("a"), attribute("b"))
                .keySchema(key("a", KeyType.HASH), key("b", KeyType.HASH))),
                "ValidationException", "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        assertError(() -> client.createTable(t -> t.tableName("BadTable").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("a"), attribute("b"), attribute("c"))
                .keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("Local")
                        .keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE), key("c", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())),
                "ValidationException", "1 validation error detected: Value '[KeySchemaElement(attributeName=a, "
                        + "keyType=HASH), KeySchemaElement(attributeName=b, keyType=RANGE), KeySchemaElement("
                        + "attributeName=c, keyType=RANGE)]' at 'localSecondaryIndexes.1.member.keySchema' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 2");
    }

    @Test
    void update_table_refuses_a_multi_attribute_index_key_schema_out_of_order() {
        client.createTable(t -> t.tableName("Refusing").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id")).keySchema(key("id", KeyType.HASH)));

        assertError(() -> client.updateTable(u -> u.tableName("Refusing")
                .attributeDefinitions(attribute("a"), attribute("b"), attribute("c"))
                .globalSecondaryIndexUpdates(c -> c.create(g -> g.indexName("Bad")
                        .keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE), key("c", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))))),
                "ValidationException", "Invalid KeySchema: A HASH KeySchemaElement follows a RANGE KeySchemaElement");
    }

    @Test
    void writes_check_the_type_of_every_index_key_attribute() {
        Map<String, AttributeValue> item = new HashMap<>(ITEMS.get(0));
        item.put("id", AttributeValue.fromS("wrong"));
        item.put("area", AttributeValue.fromN("1"));

        assertError(() -> client.putItem(p -> p.tableName(TABLE).item(item)), "ValidationException",
                "One or more parameter values were invalid: Type mismatch for Index Key area Expected: S Actual: N "
                        + "IndexName: " + INDEX);
    }

    @Test
    void a_replica_of_a_global_table_has_the_index_and_streams_carry_the_table_key() {
        DynamoDbClient eu = endpoint.client(Region.EU_WEST_1);
        client.createTable(t -> t.tableName("Worldwide").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id"), attribute("a"), attribute("b", ScalarAttributeType.N))
                .keySchema(key("id", KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .globalSecondaryIndexes(index("ByAb", ProjectionType.ALL, key("a", KeyType.HASH),
                        key("b", KeyType.HASH))));
        client.updateTable(u -> u.tableName("Worldwide").replicaUpdates(r -> r.create(c -> c.regionName("eu-west-1"))));
        client.putItem(p -> p.tableName("Worldwide").item(Map.of("id", AttributeValue.fromS("1"),
                "a", AttributeValue.fromS("x"), "b", AttributeValue.fromN("7"))));
        endpoint.server().engine().replication().awaitQuiet();

        QueryResponse inEu = eu.query(q -> q.tableName("Worldwide").indexName("ByAb")
                .keyConditionExpression("a = :a AND b = :b").expressionAttributeValues(Map.of(
                        ":a", AttributeValue.fromS("x"), ":b", AttributeValue.fromN("7"))));
        String streamArn = client.describeTable(d -> d.tableName("Worldwide")).table().latestStreamArn();

        assertThat(ids(inEu)).containsExactly("1");
        assertThat(eu.describeTable(d -> d.tableName("Worldwide")).table().globalSecondaryIndexes().get(0)
                .keySchema()).containsExactly(key("a", KeyType.HASH), key("b", KeyType.HASH));
        assertThat(endpoint.streamRecords(streamArn)).extracting(r -> r.dynamodb().keys())
                .containsExactly(Map.of("id", AttributeValue.fromS("1")));
    }

    @Test
    void a_table_restored_from_a_backup_has_the_index_with_its_entries() {
        String backupArn = client.createBackup(b -> b.tableName(TABLE).backupName("matches")).backupDetails()
                .backupArn();
        client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("Restored"));

        QueryResponse response = client.query(q -> q.tableName("Restored").indexName(INDEX)
                .keyConditionExpression("tournament = :t AND area = :r AND stage = :d")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("W24"), ":r", AttributeValue.fromS("EU"),
                        ":d", AttributeValue.fromN("10"))));

        assertThat(ids(response)).isEqualTo(expected("EU", i -> day(i) == 10));
        assertThat(client.describeTable(d -> d.tableName("Restored")).table().globalSecondaryIndexes().get(0)
                .keySchema()).hasSize(4);
    }

    private static void assertCreateRefused(List<KeySchemaElement> keySchema, String message) {
        CreateTableRequest request = CreateTableRequest.builder().tableName("Refused")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(Stream.concat(Stream.of("id"), keySchema.stream().map(k -> k.attributeName()))
                        .distinct().map(LocalEndpoint::attribute).toList())
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(index("Refused", ProjectionType.ALL, keySchema.toArray(KeySchemaElement[]::new)))
                .build();
        assertError(() -> client.createTable(request), "ValidationException", message);
    }

    private static void assertRefused(String expression, String message) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":t", AttributeValue.fromS("W24"));
        values.put(":r", AttributeValue.fromS("NA"));
        values.put(":d", AttributeValue.fromN("2"));
        values.put(":s", AttributeValue.fromS("semi"));
        values.keySet().retainAll(placeholders(expression));
        assertError(() -> client.query(QueryRequest.builder().tableName(TABLE).indexName(INDEX)
                .keyConditionExpression(expression).expressionAttributeValues(values).build()),
                "ValidationException", message);
    }

    private static GlobalSecondaryIndex index(String name, ProjectionType projection, KeySchemaElement... keys) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(keys)
                .projection(Projection.builder().projectionType(projection).build()).build();
    }

    private static Condition eq(AttributeValue value) {
        return Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(value).build();
    }

    private static QueryResponse query(String expression, Map<String, AttributeValue> values) {
        return client.query(q -> q.tableName(TABLE).indexName(INDEX).keyConditionExpression(expression)
                .expressionAttributeValues(values));
    }

    private static Map<String, AttributeValue> values() {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":t", AttributeValue.fromS("W24"));
        values.put(":r", AttributeValue.fromS("NA"));
        return values;
    }

    private static Map<String, AttributeValue> withoutY(Map<String, AttributeValue> values) {
        Map<String, AttributeValue> copy = new HashMap<>(values);
        copy.remove(":y");
        return copy;
    }

    private static Map<String, AttributeValue> withoutBin(Map<String, AttributeValue> values) {
        Map<String, AttributeValue> copy = new HashMap<>(values);
        copy.remove(":bin");
        return copy;
    }

    /** The ids of the region's items the predicate keeps, in index order: by day (a number), then by round. */
    private static List<String> expected(String region, Predicate<Map<String, AttributeValue>> keep) {
        return ITEMS.stream().filter(i -> i.get("area").s().equals(region)).filter(keep)
                .sorted(Comparator.<Map<String, AttributeValue>, BigDecimal>comparing(i -> new BigDecimal(i.get("stage").n()))
                        .thenComparing(i -> round(i)))
                .map(i -> i.get("id").s()).toList();
    }

    private static List<String> placeholders(String expression) {
        return Pattern.compile(":\\w+").matcher(expression).results().map(MatchResult::group).toList();
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static double day(Map<String, AttributeValue> item) {
        return Double.parseDouble(item.get("stage").n());
    }

    private static String round(Map<String, AttributeValue> item) {
        return item.get("round").s();
    }

    private static List<String> ids(QueryResponse response) {
        return response.items().stream().map(i -> i.get("id").s()).toList();
    }
}
