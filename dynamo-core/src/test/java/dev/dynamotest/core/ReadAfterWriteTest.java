package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A read by key answers what the last committed write left, whatever wrote it: single writes, cancelled
 * transactions, batches, the TTL sweep, table resets and a table deleted and created again, and readers racing a
 * writer. Each item is read before it changes, so that a read served from memory would show a stale answer.
 */
class ReadAfterWriteTest {

    private static final ControllableClock CLOCK =
            new ControllableClock().freezeAt(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Reads", "pk", null, null);
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    private static Map<String, AttributeValue> read(String table, String pk) {
        var response = client.getItem(b -> b.tableName(table).key(key(pk)));
        return response.hasItem() ? response.item() : null;
    }

    private static void put(String table, String pk, String value) {
        client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk), "v",
                AttributeValue.fromS(value))));
    }

    @Test
    void reads_see_each_single_write_in_turn() {
        put("Reads", "single", "1");
        assertThat(read("Reads", "single")).containsEntry("v", AttributeValue.fromS("1"));
        client.updateItem(b -> b.tableName("Reads").key(key("single")).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("2"))));
        assertThat(read("Reads", "single")).containsEntry("v", AttributeValue.fromS("2"));
        client.deleteItem(b -> b.tableName("Reads").key(key("single")));
        assertThat(read("Reads", "single")).isNull();
        put("Reads", "single", "3");
        assertThat(read("Reads", "single")).containsEntry("v", AttributeValue.fromS("3"));
    }

    @Test
    void a_cancelled_transaction_leaves_the_item_read_before_it() {
        put("Reads", "tx-a", "before");
        assertThat(read("Reads", "tx-a")).containsEntry("v", AttributeValue.fromS("before"));

        TransactWriteItem overwrite = TransactWriteItem.builder().put(p -> p.tableName("Reads").item(Map.of("pk",
                AttributeValue.fromS("tx-a"), "v", AttributeValue.fromS("cancelled")))).build();
        TransactWriteItem failing = TransactWriteItem.builder().conditionCheck(c -> c.tableName("Reads")
                .key(key("tx-missing")).conditionExpression("attribute_exists(pk)")).build();
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(overwrite, failing)))
                .isInstanceOf(TransactionCanceledException.class);

        assertThat(read("Reads", "tx-a")).containsEntry("v", AttributeValue.fromS("before"));
    }

    @Test
    void a_committed_transaction_and_a_batch_are_read_back() {
        put("Reads", "tx-b", "before");
        put("Reads", "batch", "before");
        assertThat(read("Reads", "tx-b")).isNotNull();
        assertThat(read("Reads", "batch")).isNotNull();

        TransactWriteItem update = TransactWriteItem.builder().update(u -> u.tableName("Reads").key(key("tx-b"))
                .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromS("after"))))
                .build();
        client.transactWriteItems(b -> b.transactItems(update));
        client.batchWriteItem(b -> b.requestItems(Map.of("Reads", List.of(
                WriteRequest.builder().deleteRequest(d -> d.key(key("batch"))).build()))));

        assertThat(read("Reads", "tx-b")).containsEntry("v", AttributeValue.fromS("after"));
        assertThat(read("Reads", "batch")).isNull();
    }

    @Test
    void an_item_removed_by_the_ttl_sweep_is_gone() {
        endpoint.createTable("Expiring", "pk", null, null);
        client.updateTimeToLive(b -> b.tableName("Expiring").timeToLiveSpecification(s -> s.enabled(true)
                .attributeName("expires")));
        long expires = CLOCK.now().plus(Duration.ofMinutes(1)).getEpochSecond();
        client.putItem(b -> b.tableName("Expiring").item(Map.of("pk", AttributeValue.fromS("e"), "expires",
                AttributeValue.fromN(Long.toString(expires)))));
        assertThat(read("Expiring", "e")).isNotNull();

        CLOCK.advance(Duration.ofMinutes(2));
        endpoint.server().engine().ttl().sweepNow();

        assertThat(read("Expiring", "e")).isNull();
    }

    @Test
    void a_table_reset_or_deleted_and_created_again_has_none_of_its_old_items() {
        endpoint.createTable("Recreated", "pk", null, null);
        put("Recreated", "old", "1");
        assertThat(read("Recreated", "old")).isNotNull();

        endpoint.server().engine().tables().get("us-east-1", "Recreated").truncate();
        assertThat(read("Recreated", "old")).isNull();

        put("Recreated", "old", "2");
        assertThat(read("Recreated", "old")).isNotNull();
        client.deleteTable(b -> b.tableName("Recreated"));
        endpoint.createTable("Recreated", "pk", null, null);

        assertThat(read("Recreated", "old")).isNull();
    }

    @Test
    void readers_racing_a_writer_never_see_a_count_go_back_and_end_at_the_last_write() throws Exception {
        client.putItem(b -> b.tableName("Reads").item(Map.of("pk", AttributeValue.fromS("race"), "n",
                AttributeValue.fromN("0"))));
        int writes = 300;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    long seen = 0;
                    while (writing.get()) {
                        long n = Long.parseLong(read("Reads", "race").get("n").n());
                        if (n < seen) {
                            return false;
                        }
                        seen = n;
                    }
                    return true;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < writes; i++) {
                        client.updateItem(b -> b.tableName("Reads").key(key("race")).updateExpression("ADD n :one")
                                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
                    }
                } finally {
                    writing.set(false);
                }
            });
            writer.get(120, TimeUnit.SECONDS);
            for (Future<Boolean> reader : readers) {
                assertThat(reader.get(120, TimeUnit.SECONDS)).as("a reader saw the count go back").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(read("Reads", "race").get("n").n()).isEqualTo(Integer.toString(writes));
    }
}
