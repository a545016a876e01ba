package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import dev.dynamotest.core.support.LocalEndpoint;
import dev.dynamotest.core.tables.Table;
import dev.dynamotest.core.tables.Tables;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class TablesTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;
    private static Tables tables;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        tables = endpoint.server().engine().tables();
        endpoint.createTable("Orders", "pk", "sk", ScalarAttributeType.N);
    }

    private static void put(String table, String pk, int sk) {
        client.putItem(b -> b.tableName(table).item(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(pk),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(Integer.toString(sk)))));
    }

    @Test
    void reads_items_without_going_through_the_api() {
        put("Orders", "read", 1);
        Table orders = tables.get("us-east-1", "Orders");

        assertThat(orders.item(Map.of("pk", AttributeValue.string("read"), "sk", AttributeValue.number("1"))))
                .hasValue(Map.of("pk", AttributeValue.string("read"), "sk", AttributeValue.number("1")));
        assertThat(orders.items()).contains(Map.of("pk", AttributeValue.string("read"),
                "sk", AttributeValue.number("1")));
        assertThat(orders.partitionKey()).isEqualTo("pk");
        assertThat(orders.sortKey()).hasValue("sk");
        assertThat(tables.names("us-east-1")).contains("Orders");
    }

    @Test
    void truncate_empties_a_table_without_change_records() {
        endpoint.createTable("Scratch", "pk", "sk", ScalarAttributeType.N);
        put("Scratch", "a", 1);
        put("Scratch", "b", 2);
        List<ChangeRecord> seen = new CopyOnWriteArrayList<>();
        ChangeListener listener = seen::add;
        endpoint.server().engine().addChangeListener(listener);
        try {
            tables.get("us-east-1", "Scratch").truncate();
        } finally {
            endpoint.server().engine().removeChangeListener(listener);
        }

        assertThat(tables.get("us-east-1", "Scratch").itemCount()).isZero();
        assertThat(seen).isEmpty();
    }

    @Test
    void drop_removes_a_table() {
        endpoint.createTable("Dropped", "pk", null, null);

        tables.drop("us-east-1", "Dropped");

        assertThat(tables.find("us-east-1", "Dropped")).isEmpty();
        assertThat(client.listTables().tableNames()).doesNotContain("Dropped");
    }

    @Test
    void change_listeners_see_every_committed_change_in_order() {
        endpoint.createTable("Watched", "pk", "sk", ScalarAttributeType.N);
        List<ChangeRecord> seen = new CopyOnWriteArrayList<>();
        ChangeListener listener = seen::add;
        endpoint.server().engine().addChangeListener(listener);
        try {
            put("Watched", "w", 1);
            client.updateItem(b -> b.tableName("Watched").key(Map.of(
                    "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("w"),
                    "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1")))
                    .updateExpression("SET v = :v").expressionAttributeValues(Map.of(
                            ":v", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x"))));
            put("Watched", "w", 1);
            put("Watched", "w", 1);
        } finally {
            endpoint.server().engine().removeChangeListener(listener);
        }

        assertThat(seen).extracting(ChangeRecord::eventName).containsExactly("INSERT", "MODIFY", "MODIFY");
        assertThat(seen.get(1).newImage()).containsEntry("v", AttributeValue.string("x"));
        assertThat(seen.get(2).oldImage()).containsEntry("v", AttributeValue.string("x"));
        assertThat(seen).extracting(ChangeRecord::sequence).isSorted();
        assertThat(endpoint.server().engine().changes().since(seen.get(0).sequence() - 1)
                .subList(0, 3)).isEqualTo(seen);
    }

    @Test
    void names_the_tables_there_when_one_is_missing() {
        assertThatThrownBy(() -> tables.get("us-east-1", "Nope"))
                .hasMessageStartingWith("no table Nope in us-east-1; the tables there are [");
    }
}
