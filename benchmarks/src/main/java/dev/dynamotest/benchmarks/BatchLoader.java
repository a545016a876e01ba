package dev.dynamotest.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Loads items numbered {@code from} to {@code to} with BatchWriteItem of 25 from several threads. */
final class BatchLoader {

    private static final int BATCH = 25;

    private BatchLoader() {
    }

    /** Loads the items {@code items.apply(n)} for n in [from, to) and answers how long it took. */
    static Duration load(DynamoDbClient client, String table, long from, long to, int threads,
                         LongFunction<Map<String, AttributeValue>> items) {
        AtomicLong next = new AtomicLong(from);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (long first = next.getAndAdd(BATCH); first < to; first = next.getAndAdd(BATCH)) {
                        List<WriteRequest> batch = new ArrayList<>(BATCH);
                        for (long n = first; n < Math.min(first + BATCH, to); n++) {
                            batch.add(WriteRequest.builder()
                                    .putRequest(PutRequest.builder().item(items.apply(n)).build()).build());
                        }
                        write(client, table, batch);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("loading " + table + " failed", e);
        } finally {
            pool.shutdownNow();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Writes one batch, sending its unprocessed items again until none are left. */
    static void write(DynamoDbClient client, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 100) {
                throw new IllegalStateException("items of " + table + " stay unprocessed after 100 attempts");
            }
            Map<String, List<WriteRequest>> request = pending;
            pending = client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }
}
