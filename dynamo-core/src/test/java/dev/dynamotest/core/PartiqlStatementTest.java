package dev.dynamotest.core;

import static dev.dynamotest.core.BatchWriteTest.n;
import static dev.dynamotest.core.BatchWriteTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** ExecuteStatement through the SDK: every statement form, its parameters, and paging. */
class PartiqlStatementTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Orders", "pk", "sk", ScalarAttributeType.N);
        client.createTable(r -> r.tableName("Users").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(LocalEndpoint.key("pk", KeyType.HASH))
                .attributeDefinitions(LocalEndpoint.attribute("pk"), LocalEndpoint.attribute("email"))
                .globalSecondaryIndexes(g -> g.indexName("ByEmail").keySchema(LocalEndpoint.key("email", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        endpoint.createTable("Scans", "pk", null, null);
        for (String pk : List.of("s1", "s2", "s3", "s4", "s5")) {
            client.putItem(r -> r.tableName("Scans").item(Map.of("pk", s(pk), "status",
                    s(pk.equals("s2") ? "SHIPPED" : "NEW"))));
        }
        for (int i = 1; i <= 5; i++) {
            int sk = i;
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("A"), "sk", n(String.valueOf(sk)),
                    "status", s(sk % 2 == 0 ? "SHIPPED" : "NEW"), "total", n(String.valueOf(sk * 10)),
                    "tags", AttributeValue.fromL(List.of(s("t" + sk))),
                    "info", AttributeValue.fromM(Map.of("city", s("c" + sk))))));
        }
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("B"), "sk", n("1"), "status", s("NEW"))));
    }

    private static ExecuteStatementResponse run(String statement, AttributeValue... parameters) {
        return client.executeStatement(r -> {
            r.statement(statement);
            if (parameters.length > 0) {
                r.parameters(parameters);
            }
        });
    }

    private static List<String> sortKeys(ExecuteStatementResponse response) {
        return response.items().stream().map(i -> i.get("sk").n()).toList();
    }

    @Test
    void select_with_a_partition_key_equality_queries_in_sort_key_order() {
        ExecuteStatementResponse response = run("SELECT * FROM \"Orders\" WHERE pk = 'A' AND sk > 0");

        assertThat(sortKeys(response)).containsExactly("1", "2", "3", "4", "5");
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void select_with_a_full_key_returns_the_item_or_nothing() {
        assertThat(run("select * from Orders where pk = ? and sk = ?", s("A"), n("3")).items())
                .singleElement().satisfies(item -> assertThat(item.get("total").n()).isEqualTo("30"));
        assertThat(run("SELECT * FROM Orders WHERE pk = 'A' AND sk = 99").items()).isEmpty();
    }

    @Test
    void select_projects_paths_with_map_keys_and_list_indexes() {
        ExecuteStatementResponse response = run(
                "SELECT \"sk\", info.city, tags[0] FROM \"Orders\" WHERE \"pk\" = 'A' AND sk = 2");

        assertThat(response.items()).containsExactly(Map.of("sk", n("2"),
                "info", AttributeValue.fromM(Map.of("city", s("c2"))), "tags", AttributeValue.fromL(List.of(s("t2")))));
    }

    @Test
    void where_supports_the_comparisons_functions_and_boolean_operators() {
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'A' AND sk BETWEEN 2 AND 4"))).containsExactly(
                "2", "3", "4");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'A' AND status = 'SHIPPED'")))
                .containsExactly("2", "4");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'A' AND sk >= 2 AND sk < 4")))
                .containsExactly("2", "3");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'A' AND sk <= 4 AND 2 <= sk")))
                .containsExactly("2", "3", "4");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE 'A' = pk AND 3 < sk"))).containsExactly("4", "5");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'A' AND (total <= 10 OR total >= 50)")))
                .containsExactly("1", "5");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'A' AND NOT status <> 'NEW'")))
                .containsExactly("1", "3", "5");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'A' AND total IN [20, 40]")))
                .containsExactly("2", "4");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'A' AND begins_with(status, 'SHIP')")))
                .containsExactly("2", "4");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'A' AND contains(tags, 't3')")))
                .containsExactly("3");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'A' AND size(tags) = 1 AND sk < 3")))
                .containsExactly("1", "2");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'A' AND attribute_type(total, 'N') AND sk = 1")))
                .containsExactly("1");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'B' AND total IS MISSING")))
                .containsExactly("1");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'A' AND total IS NOT MISSING AND sk = 5")))
                .containsExactly("5");
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'B' AND total IS NOT NULL"))).containsExactly("1");
        assertThat(run("SELECT * FROM Orders WHERE pk = 'B' AND total IS NULL").items()).isEmpty();
    }

    @Test
    void order_by_the_sort_key_descending_reverses_the_query() {
        assertThat(sortKeys(run("SELECT * FROM Orders WHERE pk = 'A' ORDER BY sk DESC")))
                .containsExactly("5", "4", "3", "2", "1");
    }

    @Test
    void in_on_the_partition_key_queries_each_value() {
        List<String> keys = run("SELECT pk, sk FROM Orders WHERE pk IN ['B', 'A'] AND sk <= 1").items().stream()
                .map(i -> i.get("pk").s() + i.get("sk").n()).toList();

        assertThat(keys).containsExactly("B1", "A1");
    }

    @Test
    void select_without_a_partition_key_equality_scans() {
        assertThat(run("SELECT * FROM Scans WHERE status = 'NEW'").items()).hasSize(4);
        assertThat(run("SELECT * FROM \"Scans\"").items()).hasSize(5);
    }

    @Test
    void select_from_an_index_queries_the_index() {
        client.putItem(r -> r.tableName("Users").item(Map.of("pk", s("u1"), "email", s("a@x"))));

        assertThat(run("SELECT pk FROM \"Users\".\"ByEmail\" WHERE email = ?", s("a@x")).items())
                .containsExactly(Map.of("pk", s("u1")));
    }

    @Test
    void paging_follows_next_tokens_through_a_large_result() {
        endpoint.createTable("Big", "pk", "sk", ScalarAttributeType.N);
        for (int i = 0; i < 120; i++) {
            int sk = i;
            client.putItem(r -> r.tableName("Big").item(Map.of("pk", s("P"), "sk", n(String.valueOf(sk)),
                    "pad", s("x".repeat(20_000)))));
        }
        List<AttributeValue> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ExecuteStatementResponse page = client.executeStatement(r -> r
                    .statement("SELECT sk FROM Big WHERE pk = 'P'").nextToken(next));
            page.items().forEach(i -> seen.add(i.get("sk")));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(seen).hasSize(120);
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void limit_pages_a_scan_and_the_token_works_only_for_its_statement() {
        ExecuteStatementResponse first = client.executeStatement(r -> r
                .statement("SELECT * FROM Scans WHERE status = 'NEW'").limit(2));
        assertThat(first.items()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        assertThat(first.lastEvaluatedKey()).containsKeys("pk");

        ExecuteStatementResponse second = client.executeStatement(r -> r
                .statement("SELECT * FROM Scans WHERE status = 'NEW'").nextToken(first.nextToken()));
        assertThat(first.items().size() + second.items().size()).isEqualTo(4);

        LocalEndpoint.assertError(() -> client.executeStatement(r -> r
                        .statement("SELECT * FROM Scans WHERE status = 'SHIPPED'").nextToken(first.nextToken())),
                "ValidationException", "NextToken does not match request");
    }

    @Test
    void limit_spans_the_queries_of_an_in_list() {
        ExecuteStatementResponse first = client.executeStatement(r -> r
                .statement("SELECT * FROM Orders WHERE pk IN ['B', 'A'] AND sk <= 2").limit(2));
        ExecuteStatementResponse second = client.executeStatement(r -> r
                .statement("SELECT * FROM Orders WHERE pk IN ['B', 'A'] AND sk <= 2")
                .nextToken(first.nextToken()));

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void insert_writes_an_item_and_refuses_an_existing_key() {
        run("INSERT INTO \"Orders\" VALUE {'pk': 'I', 'sk': 1, 'flag': true, 'none': null, 'list': [1, 'a'], "
                + "'map': {'k': 'v'}, 'names': <<'a', 'b'>>, 'nums': <<1, 2>>, 'bin': ?}",
                AttributeValue.fromB(SdkBytes.fromUtf8String("hi")));

        Map<String, AttributeValue> item = client.getItem(r -> r.tableName("Orders")
                .key(Map.of("pk", s("I"), "sk", n("1")))).item();
        assertThat(item).containsEntry("flag", AttributeValue.fromBool(true))
                .containsEntry("none", AttributeValue.fromNul(true))
                .containsEntry("list", AttributeValue.fromL(List.of(n("1"), s("a"))))
                .containsEntry("map", AttributeValue.fromM(Map.of("k", s("v"))))
                .containsEntry("bin", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")));
        assertThat(item.get("names").ss()).containsExactlyInAnyOrder("a", "b");
        assertThat(item.get("nums").ns()).containsExactlyInAnyOrder("1", "2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("INSERT INTO Orders VALUE {'pk': 'I', 'sk': 1}"))
                .isInstanceOf(DuplicateItemException.class)
                .hasMessageStartingWith("Duplicate primary key exists in table");
    }

    @Test
    void update_sets_removes_and_returns_what_was_asked() {
        run("INSERT INTO Orders VALUE {'pk': 'U', 'sk': 1, 'count': 1, 'items': [1], 'names': <<'a'>>, 'gone': 1}");

        ExecuteStatementResponse response = run("UPDATE Orders SET count = count + ? SET items = list_append(items, [2]) "
                + "SET names = set_add(names, <<'b'>>) REMOVE gone WHERE pk = 'U' AND sk = 1 RETURNING ALL NEW *",
                n("4"));

        assertThat(response.items()).singleElement().satisfies(item -> {
            assertThat(item.get("count").n()).isEqualTo("5");
            assertThat(item.get("items").l()).containsExactly(n("1"), n("2"));
            assertThat(item.get("names").ss()).containsExactlyInAnyOrder("a", "b");
            assertThat(item).doesNotContainKey("gone");
        });
        ExecuteStatementResponse modified = run("UPDATE Orders SET count = count - 1, names = set_delete(names, <<'a'>>) "
                + "WHERE pk = 'U' AND sk = 1 RETURNING MODIFIED OLD *");
        assertThat(modified.items()).singleElement().satisfies(item -> assertThat(item.keySet())
                .containsExactlyInAnyOrder("count", "names"));
    }

    @Test
    void update_of_a_missing_item_or_with_a_false_condition_fails_the_condition() {
        run("INSERT INTO Orders VALUE {'pk': 'C', 'sk': 1, 'status': 'NEW'}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(
                        "UPDATE Orders SET status = 'X' WHERE pk = 'C' AND sk = 2"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        ConditionalCheckFailedException failed = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> client.executeStatement(r -> r.statement(
                                "UPDATE Orders SET status = 'X' WHERE pk = 'C' AND sk = 1 AND status = 'OLD'")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
                ConditionalCheckFailedException.class);
        assertThat(failed.item()).containsEntry("status", s("NEW"));
    }

    @Test
    void delete_removes_the_item_with_a_condition_and_returns_the_old_one() {
        run("INSERT INTO Orders VALUE {'pk': 'D', 'sk': 1, 'status': 'NEW'}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(
                        "DELETE FROM Orders WHERE pk = 'D' AND sk = 1 AND status = 'DONE'"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        ExecuteStatementResponse response = run("DELETE FROM Orders WHERE pk = 'D' AND sk = 1 AND status = 'NEW' "
                + "RETURNING ALL OLD *");

        assertThat(response.items()).singleElement().satisfies(item -> assertThat(item).containsEntry("status",
                s("NEW")));
        assertThat(client.getItem(r -> r.tableName("Orders").key(Map.of("pk", s("D"), "sk", n("1")))).hasItem())
                .isFalse();
    }

    @Test
    void keywords_are_case_insensitive_and_a_quoted_keyword_is_a_name() {
        run("insert into Orders value {'pk': 'K', 'sk': 1, 'old': 'yes'}");

        assertThat(run("sElEcT \"old\" FrOm Orders wHeRe pk = 'K'").items()).containsExactly(Map.of("old", s("yes")));
    }
}
