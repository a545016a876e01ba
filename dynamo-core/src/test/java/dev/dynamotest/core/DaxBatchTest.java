package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Batches and transactions through Amazon's DAX client. */
class DaxBatchTest {

    private static final ControllableClock CLOCK =
            new ControllableClock().freezeAt(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());
    @RegisterExtension
    static final LocalDax dax = new LocalDax(endpoint);
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        endpoint.createTable("Batch", "pk", null, null);
        client = dax.client();
    }

    private static Map<String, AttributeValue> item(String pk, String v) {
        return Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromS(v));
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    @Test
    void batch_writes_then_batch_reads_with_and_without_projection() {
        client.batchWriteItem(b -> b.requestItems(Map.of("Batch", List.of(
                WriteRequest.builder().putRequest(p -> p.item(item("b1", "one"))).build(),
                WriteRequest.builder().putRequest(p -> p.item(item("b2", "two"))).build(),
                WriteRequest.builder().deleteRequest(d -> d.key(key("b3"))).build()))));

        var whole = client.batchGetItem(b -> b.requestItems(Map.of("Batch", KeysAndAttributes.builder()
                .keys(key("b1"), key("b2"), key("b3")).build()))).responses().get("Batch");
        var projected = client.batchGetItem(b -> b.requestItems(Map.of("Batch", KeysAndAttributes.builder()
                .keys(key("b1"), key("b2")).projectionExpression("v").consistentRead(true).build())))
                .responses().get("Batch");

        assertThat(whole).containsExactlyInAnyOrder(item("b1", "one"), item("b2", "two"));
        assertThat(projected).containsExactlyInAnyOrder(Map.of("v", AttributeValue.fromS("one")),
                Map.of("v", AttributeValue.fromS("two")));
        assertThat(endpoint.client().getItem(b -> b.tableName("Batch").key(key("b2"))).item())
                .isEqualTo(item("b2", "two"));
    }

    @Test
    void transactions_write_and_read() {
        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Batch").item(item("t1", "one"))).build(),
                TransactWriteItem.builder().update(u -> u.tableName("Batch").key(key("t2"))
                        .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v",
                                AttributeValue.fromS("two")))).build()));

        var responses = client.transactGetItems(b -> b.transactItems(
                t -> t.get(g -> g.tableName("Batch").key(key("t1"))),
                t -> t.get(g -> g.tableName("Batch").key(key("t2")).projectionExpression("v")),
                t -> t.get(g -> g.tableName("Batch").key(key("none"))))).responses();

        assertThat(responses.get(0).item()).isEqualTo(item("t1", "one"));
        assertThat(responses.get(1).item()).isEqualTo(Map.of("v", AttributeValue.fromS("two")));
        assertThat(responses.get(2).hasItem()).isFalse();
    }

    @Test
    void a_cancelled_transaction_raises_its_cancellation_reasons() {
        client.putItem(b -> b.tableName("Batch").item(item("c1", "here")));

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Batch").item(item("c2", "new"))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("Batch").key(key("c1"))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).hasSize(2);
                    assertThat(e.cancellationReasons().get(0).code()).isEqualTo("None");
                    assertThat(e.cancellationReasons().get(1).code()).isEqualTo("ConditionalCheckFailed");
                    assertThat(e.cancellationReasons().get(1).item()).isEqualTo(item("c1", "here"));
                });
        assertThat(endpoint.client().getItem(b -> b.tableName("Batch").key(key("c2"))).hasItem()).isFalse();
    }
}
