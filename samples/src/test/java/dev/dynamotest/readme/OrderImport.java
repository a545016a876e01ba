package dev.dynamotest.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** Application code for the README's auto scaling examples: imports orders one by one and reports the throttled. */
final class OrderImport {

    /** What an import did: the ids of the orders it could not write after the SDK's retries. */
    record ImportResult(List<String> failed) {
    }

    private final DynamoDbClient client;

    OrderImport(DynamoDbClient client) {
        this.client = client;
    }

    ImportResult run(List<Map<String, AttributeValue>> orders) {
        List<String> failed = new ArrayList<>();
        for (Map<String, AttributeValue> order : orders) {
            try {
                client.putItem(r -> r.tableName("Orders").item(order));
            } catch (ProvisionedThroughputExceededException e) {
                failed.add(order.get("pk").s());
            }
        }
        return new ImportResult(failed);
    }

    /** {@code n} orders of a little under 1 KB each, so that each costs one write unit. */
    static List<Map<String, AttributeValue>> orders(int n) {
        return orders(n, 1);
    }

    /** {@code n} orders of a little under {@code kilobytes} KB each, each costing that many write units. */
    static List<Map<String, AttributeValue>> orders(int n, int kilobytes) {
        List<Map<String, AttributeValue>> orders = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            orders.add(Map.of("pk", AttributeValue.fromS("order#" + i),
                    "lines", AttributeValue.fromS("x".repeat(kilobytes * 1024 - 100))));
        }
        return orders;
    }
}
