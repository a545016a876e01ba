package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

class ConcurrentWritesTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Counters", "pk", null, null);
    }

    private static <T> List<T> runConcurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(180, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eight_threads_adding_a_hundred_times_end_at_eight_hundred() throws Exception {
        runConcurrently(8, () -> {
            for (int i = 0; i < 100; i++) {
                client.updateItem(b -> b.tableName("Counters").key(Map.of("pk", AttributeValue.fromS("hits")))
                        .updateExpression("ADD #c :one")
                        .expressionAttributeNames(Map.of("#c", "counter"))
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            }
            return null;
        });

        var item = client.getItem(b -> b.tableName("Counters").key(Map.of("pk", AttributeValue.fromS("hits")))
                .consistentRead(true)).item();
        assertThat(item.get("counter").n()).isEqualTo("800");
    }

    @Test
    void exactly_one_of_concurrent_conditional_puts_wins() throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Boolean> won = runConcurrently(8, () -> {
            String writer = "writer-" + next.incrementAndGet();
            try {
                client.putItem(b -> b.tableName("Counters")
                        .item(Map.of("pk", AttributeValue.fromS("lock"), "owner", AttributeValue.fromS(writer)))
                        .conditionExpression("attribute_not_exists(pk)"));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        });

        assertThat(won).containsOnlyOnce(true);
    }
}
