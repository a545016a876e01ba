package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class ItemCollectionMetricsTest {

    private static final String INVALID = "1 validation error detected: Value 'ALL' at 'returnItemCollectionMetrics'"
            + " failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]";

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        client.createTable(b -> b.tableName("Posts").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                        d -> d.attributeName("forum").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("id").attributeType(ScalarAttributeType.N),
                        d -> d.attributeName("at").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("forum").keyType("HASH"), k -> k.attributeName("id").keyType("RANGE"))
                .localSecondaryIndexes(l -> l.indexName("byAt")
                        .keySchema(k -> k.attributeName("forum").keyType("HASH"),
                                k -> k.attributeName("at").keyType("RANGE"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        client.createTable(b -> b.tableName("Plain").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                        d -> d.attributeName("forum").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("at").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("forum").keyType("HASH"))
                .globalSecondaryIndexes(g -> g.indexName("byAt")
                        .keySchema(k -> k.attributeName("at").keyType("HASH"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
    }

    private static Map<String, AttributeValue> post(String forum, int id) {
        return Map.of("forum", s(forum), "id", AttributeValue.fromN(Integer.toString(id)), "at", s("2024-01-0" + id));
    }

    private static ItemCollectionMetrics collection(String forum) {
        return ItemCollectionMetrics.builder().itemCollectionKey(Map.of("forum", s(forum)))
                .sizeEstimateRangeGB(0.0, 1.0).build();
    }

    @Test
    void single_item_writes_report_the_collection_of_their_partition_key() {
        var put = client.putItem(b -> b.tableName("Posts").item(post("ec2", 1))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        var update = client.updateItem(b -> b.tableName("Posts")
                .key(Map.of("forum", s("ec2"), "id", AttributeValue.fromN("1")))
                .updateExpression("SET body = :b").expressionAttributeValues(Map.of(":b", s("hello")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        var delete = client.deleteItem(b -> b.tableName("Posts")
                .key(Map.of("forum", s("ec2"), "id", AttributeValue.fromN("1")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));

        assertThat(put.itemCollectionMetrics()).isEqualTo(collection("ec2"));
        assertThat(update.itemCollectionMetrics()).isEqualTo(collection("ec2"));
        assertThat(delete.itemCollectionMetrics()).isEqualTo(collection("ec2"));
    }

    @Test
    void nothing_is_reported_for_none_or_for_a_table_without_a_local_index() {
        var none = client.putItem(b -> b.tableName("Posts").item(post("s3", 1))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.NONE));
        var absent = client.putItem(b -> b.tableName("Posts").item(post("s3", 2)));
        var plain = client.putItem(b -> b.tableName("Plain").item(Map.of("forum", s("s3"), "at", s("x")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));

        assertThat(none.itemCollectionMetrics()).isNull();
        assertThat(absent.itemCollectionMetrics()).isNull();
        assertThat(plain.itemCollectionMetrics()).isNull();
    }

    @Test
    void batch_write_reports_each_collection_once_per_table_with_a_local_index() {
        var response = client.batchWriteItem(b -> b.returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
                .requestItems(Map.of(
                        "Posts", List.of(put(post("rds", 1)), put(post("rds", 2)), put(post("iam", 1))),
                        "Plain", List.of(put(Map.of("forum", s("rds")))))));

        assertThat(response.itemCollectionMetrics()).containsOnlyKeys("Posts");
        assertThat(response.itemCollectionMetrics().get("Posts"))
                .containsExactly(collection("rds"), collection("iam"));
    }

    @Test
    void batch_write_without_size_reports_nothing() {
        var response = client.batchWriteItem(b -> b.requestItems(Map.of("Posts", List.of(put(post("sqs", 1))))));

        assertThat(response.hasItemCollectionMetrics()).isFalse();
    }

    @Test
    void a_transaction_reports_the_collections_it_wrote_but_not_those_it_only_checked() {
        client.putItem(b -> b.tableName("Posts").item(post("sns", 1)));

        var response = client.transactWriteItems(b -> b.returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
                .transactItems(
                        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("Posts")
                                .key(Map.of("forum", s("sns"), "id", AttributeValue.fromN("1")))
                                .conditionExpression("attribute_exists(forum)").build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName("Posts").item(post("sqs", 3))
                                .build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName("Plain")
                                .item(Map.of("forum", s("sqs"))).build()).build()));

        assertThat(response.itemCollectionMetrics()).containsOnlyKeys("Posts");
        assertThat(response.itemCollectionMetrics().get("Posts")).containsExactly(collection("sqs"));
    }

    @Test
    void rejects_an_unknown_return_item_collection_metrics_value() {
        assertError(() -> client.putItem(b -> b.tableName("Posts").item(post("x", 1))
                .returnItemCollectionMetrics("ALL")), "ValidationException", INVALID);
        assertError(() -> client.deleteItem(b -> b.tableName("Posts")
                .key(Map.of("forum", s("x"), "id", AttributeValue.fromN("1"))).returnItemCollectionMetrics("ALL")),
                "ValidationException", INVALID);
        assertError(() -> client.updateItem(b -> b.tableName("Posts")
                .key(Map.of("forum", s("x"), "id", AttributeValue.fromN("1"))).updateExpression("SET a = :a")
                .expressionAttributeValues(Map.of(":a", s("1"))).returnItemCollectionMetrics("ALL")),
                "ValidationException", INVALID);
        assertError(() -> client.batchWriteItem(b -> b.returnItemCollectionMetrics("ALL")
                .requestItems(Map.of("Posts", List.of(put(post("x", 1)))))), "ValidationException", INVALID);
        assertError(() -> client.transactWriteItems(b -> b.returnItemCollectionMetrics("ALL")
                .transactItems(TransactWriteItem.builder().put(Put.builder().tableName("Posts").item(post("x", 1))
                        .build()).build())), "ValidationException", INVALID);
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
