package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamotest.core.support.LocalEndpoint;
import dev.dynamotest.core.tables.Table;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class SecondaryIndexesTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        client.createTable(b -> b.tableName("Orders").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                        d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("status").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .globalSecondaryIndexes(g -> g.indexName("byStatus")
                        .keySchema(k -> k.attributeName("status").keyType("HASH"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    }

    private static String errorOf(Runnable call) {
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, call::run);
        assertThat(e).as("expected a DynamoDbException").isNotNull();
        return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }

    @Test
    void maintains_a_sparse_index_with_its_projection() {
        client.putItem(b -> b.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("o1"),
                "status", AttributeValue.fromS("NEW"), "total", AttributeValue.fromN("5"))));
        client.putItem(b -> b.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("o2"))));
        Table orders = endpoint.server().engine().tables().get("us-east-1", "Orders");

        assertThat(orders.indexItems("byStatus")).containsExactly(Map.of(
                "pk", dev.dynamotest.core.model.AttributeValue.string("o1"),
                "status", dev.dynamotest.core.model.AttributeValue.string("NEW")));

        client.updateItem(b -> b.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("o1")))
                .updateExpression("REMOVE #s").expressionAttributeNames(Map.of("#s", "status")));

        assertThat(orders.indexItems("byStatus")).isEmpty();
    }

    @Test
    void rejects_an_index_key_of_the_wrong_type() {
        assertThat(errorOf(() -> client.putItem(b -> b.tableName("Orders").item(Map.of(
                "pk", AttributeValue.fromS("o3"), "status", AttributeValue.fromN("1"))))))
                .isEqualTo("ValidationException: One or more parameter values were invalid: Type mismatch for Index "
                        + "Key status Expected: S Actual: N IndexName: byStatus");
    }

    @Test
    void rejects_an_empty_index_key_also_when_an_update_makes_it() {
        assertThat(errorOf(() -> client.updateItem(b -> b.tableName("Orders")
                .key(Map.of("pk", AttributeValue.fromS("o4")))
                .updateExpression("SET #s = :e").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(""))))))
                .isEqualTo("ValidationException: One or more parameter values are not valid. A value specified for "
                        + "a secondary index key is not supported. The AttributeValue for a key attribute cannot "
                        + "contain an empty string value. IndexName: byStatus, IndexKey: status");
    }

    @Test
    void a_global_index_added_by_update_table_is_filled_from_existing_items_and_dropped_with_its_rows() {
        endpoint.createTable("Backfill", "pk", null, null);
        client.putItem(b -> b.tableName("Backfill").item(Map.of("pk", AttributeValue.fromS("a"),
                "color", AttributeValue.fromS("red"))));
        client.putItem(b -> b.tableName("Backfill").item(Map.of("pk", AttributeValue.fromS("b"))));
        client.putItem(b -> b.tableName("Backfill").item(Map.of("pk", AttributeValue.fromS("c"),
                "color", AttributeValue.fromS(""))));
        client.putItem(b -> b.tableName("Backfill").item(Map.of("pk", AttributeValue.fromS("d"),
                "color", AttributeValue.fromN("7"))));

        client.updateTable(b -> b.tableName("Backfill")
                .attributeDefinitions(d -> d.attributeName("color").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byColor")
                        .keySchema(k -> k.attributeName("color").keyType("HASH"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        Table table = endpoint.server().engine().tables().get("us-east-1", "Backfill");

        assertThat(table.indexItems("byColor")).containsExactly(Map.of(
                "pk", dev.dynamotest.core.model.AttributeValue.string("a"),
                "color", dev.dynamotest.core.model.AttributeValue.string("red")));

        client.updateTable(b -> b.tableName("Backfill")
                .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byColor"))));

        assertThat(endpoint.server().engine().tables().get("us-east-1", "Backfill").indexNames()).isEmpty();
    }
}
