package dev.dynamotest.junit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Table chores at an endpoint elsewhere, where tables take time to be created and deleted: listing, waiting
 * for a table to become active or to be gone, deleting items in batches. Waits poll with a growing pause.
 */
final class RemoteTables {

    static final Duration PATIENCE = Duration.ofMinutes(10);

    List<String> names(DynamoDbClient client) {
        List<String> names = new ArrayList<>();
        client.listTablesPaginator(r -> { }).forEach(page -> names.addAll(page.tableNames()));
        return names;
    }

    /** Waits until the table and its indexes are active. */
    void awaitActive(DynamoDbClient client, String name) {
        await("table " + name + " to become active", () -> {
            TableDescription table = client.describeTable(r -> r.tableName(name)).table();
            return table.tableStatus() == TableStatus.ACTIVE && table.globalSecondaryIndexes().stream()
                    .allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
        });
    }

    /** Deletes a table that may be busy being created or updated; waits until it is gone if asked to. */
    void delete(DynamoDbClient client, String name, boolean wait) {
        try {
            deleteWhenActive(client, name);
        } catch (ResourceNotFoundException e) {
            return;
        }
        if (wait) {
            await("table " + name + " to be deleted", () -> {
                try {
                    client.describeTable(r -> r.tableName(name));
                    return false;
                } catch (ResourceNotFoundException e) {
                    return true;
                }
            });
        }
    }

    private void deleteWhenActive(DynamoDbClient client, String name) {
        try {
            client.deleteTable(r -> r.tableName(name));
        } catch (ResourceInUseException e) {
            TableStatus status = client.describeTable(r -> r.tableName(name)).table().tableStatus();
            if (status == TableStatus.DELETING) {
                return;
            }
            awaitActive(client, name);
            client.deleteTable(r -> r.tableName(name));
        }
    }

    /** Writes the requests in batches of 25, sending again what the endpoint leaves unprocessed. */
    void deleteAll(DynamoDbClient client, String name, List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += 25) {
            List<WriteRequest> batch = requests.subList(from, Math.min(requests.size(), from + 25));
            AtomicReference<List<WriteRequest>> pending = new AtomicReference<>(batch);
            await("deletions from table " + name + " to be processed", () -> {
                BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(
                        Map.of(name, pending.get())));
                pending.set(response.unprocessedItems().getOrDefault(name, List.of()));
                return pending.get().isEmpty();
            });
        }
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long pause = 10;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + PATIENCE.toMinutes()
                        + " minutes");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
            pause = Math.min(1000, pause * 2);
        }
    }
}
