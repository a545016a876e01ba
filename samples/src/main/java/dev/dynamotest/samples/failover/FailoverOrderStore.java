package dev.dynamotest.samples.failover;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Keeps order statuses in a global table and rides out a regional outage: it talks to the first region that
 * answers, in the order given, and stays with a region that answered until it fails.
 */
public final class FailoverOrderStore {

    private final List<DynamoDbClient> regions;
    private final String table;
    private volatile int active;

    /** {@code regions}: one client per region of the global table, the preferred region first. */
    public FailoverOrderStore(List<DynamoDbClient> regions, String table) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region is needed");
        }
        this.regions = List.copyOf(regions);
        this.table = table;
    }

    /** Records an order's status. */
    public void save(String orderId, String status) {
        call(client -> client.putItem(r -> r.tableName(table).item(Map.of(
                "orderId", AttributeValue.fromS(orderId), "status", AttributeValue.fromS(status)))));
    }

    /** An order's status, if the active region has the order. */
    public Optional<String> status(String orderId) {
        Map<String, AttributeValue> item = call(client -> client.getItem(r -> r.tableName(table)
                .key(Map.of("orderId", AttributeValue.fromS(orderId))).consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("status").s());
    }

    /** The region the store talks to now. */
    public String activeRegion() {
        return regions.get(active).serviceClientConfiguration().region().id();
    }

    private <T> T call(Function<DynamoDbClient, T> request) {
        SdkException last = null;
        for (int attempt = 0; attempt < regions.size(); attempt++) {
            int index = (active + attempt) % regions.size();
            try {
                T result = request.apply(regions.get(index));
                active = index;
                return result;
            } catch (ConditionalCheckFailedException e) {
                throw e;
            } catch (SdkException e) {
                last = e;
            }
        }
        throw last;
    }
}
