package dev.dynamotest.samples.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The sample application's store of orders, written the way DynamoDB asks: batches are repeated for their
 * unprocessed items and keys, and calls that stay throttled after the SDK's own retries, or meet a transaction
 * conflict, are tried again after a backoff.
 */
public final class OrderRepository {

    private static final int BATCH_WRITE_LIMIT = 25;
    private static final int BATCH_GET_LIMIT = 100;

    private final DynamoDbClient client;
    private final String ordersTable;
    private final String customersTable;
    private final Backoff backoff;

    public OrderRepository(DynamoDbClient client, String ordersTable, String customersTable, Backoff backoff) {
        this.client = client;
        this.ordersTable = ordersTable;
        this.customersTable = customersTable;
        this.backoff = backoff;
    }

    /** Stores one order. */
    public void save(Order order) {
        withRetries(() -> client.putItem(r -> r.tableName(ordersTable).item(order.toItem())));
    }

    /** The order of that id, if there is one. */
    public Optional<Order> find(String id) {
        var item = withRetries(() -> client.getItem(r -> r.tableName(ordersTable).key(Order.key(id)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Order.fromItem(item));
    }

    /** Stores the orders in batches of 25, writing each batch's unprocessed items again until none are left. */
    public void saveAll(List<Order> orders) {
        for (int from = 0; from < orders.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> writes = orders.subList(from, Math.min(orders.size(), from + BATCH_WRITE_LIMIT))
                    .stream().map(o -> WriteRequest.builder().putRequest(PutRequest.builder().item(o.toItem())
                            .build()).build()).toList();
            Map<String, List<WriteRequest>> pending = Map.of(ordersTable, writes);
            for (int round = 1; !pending.isEmpty(); round++) {
                if (round > backoff.maxAttempts()) {
                    throw new IncompleteBatchException(ordersTable, pending.get(ordersTable).size());
                }
                if (round > 1) {
                    backoff.pause(round - 1);
                }
                Map<String, List<WriteRequest>> batch = pending;
                pending = withRetries(() -> client.batchWriteItem(r -> r.requestItems(batch))).unprocessedItems();
            }
        }
    }

    /** The orders of those ids that exist, reading each batch's unprocessed keys again until none are left. */
    public List<Order> findAll(List<String> ids) {
        List<Order> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT))
                    .stream().map(Order::key).toList();
            Map<String, KeysAndAttributes> pending = Map.of(ordersTable, KeysAndAttributes.builder().keys(keys)
                    .build());
            for (int round = 1; !pending.isEmpty(); round++) {
                if (round > backoff.maxAttempts()) {
                    throw new IncompleteBatchException(ordersTable, pending.get(ordersTable).keys().size());
                }
                if (round > 1) {
                    backoff.pause(round - 1);
                }
                Map<String, KeysAndAttributes> batch = pending;
                var response = withRetries(() -> client.batchGetItem(r -> r.requestItems(batch)));
                response.responses().getOrDefault(ordersTable, List.of()).forEach(i -> found.add(Order.fromItem(i)));
                pending = response.unprocessedKeys();
            }
        }
        return found;
    }

    /**
     * Stores an order and counts it on its customer in one transaction, trying again after a backoff when the
     * transaction is cancelled by a conflict with another one.
     */
    public void place(Order order) {
        Map<String, AttributeValue> customerKey = Map.of("id", AttributeValue.fromS(order.customer()));
        for (int attempt = 1; ; attempt++) {
            try {
                withRetries(() -> client.transactWriteItems(r -> r.transactItems(
                        t -> t.put(p -> p.tableName(ordersTable).item(order.toItem())
                                .conditionExpression("attribute_not_exists(id)")),
                        t -> t.update(u -> u.tableName(customersTable).key(customerKey)
                                .updateExpression("ADD orders :one")
                                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))))));
                return;
            } catch (TransactionCanceledException e) {
                if (!conflict(e) || attempt >= backoff.maxAttempts()) {
                    throw e;
                }
                backoff.pause(attempt);
            }
        }
    }

    private static boolean conflict(TransactionCanceledException e) {
        return e.cancellationReasons().stream().map(CancellationReason::code).anyMatch("TransactionConflict"::equals);
    }

    /** Runs a call, and again after a backoff while it stays throttled after the SDK's own retries. */
    private <T> T withRetries(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ProvisionedThroughputExceededException | ThrottlingException | RequestLimitExceededException e) {
                if (attempt >= backoff.maxAttempts()) {
                    throw e;
                }
                backoff.pause(attempt);
            }
        }
    }

    /** Counts of the orders per customer, as {@link #place} keeps them. */
    public Map<String, Long> orderCounts() {
        Map<String, Long> counts = new HashMap<>();
        client.scanPaginator(r -> r.tableName(customersTable)).items().forEach(item ->
                counts.put(item.get("id").s(), Long.parseLong(item.get("orders").n())));
        return counts;
    }
}
