package dev.dynamotest.benchmarks;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The data the workload reads: {@value #ITEMS} single items, {@value #PARTITIONS} Query partitions of
 * {@value #PARTITION_ITEMS} items, and a second table of {@value #SCANNED_ITEMS} items that Scan pages through.
 */
final class Dataset {

    static final String TABLE = "Bench";
    static final String SCANNED = "Scanned";
    static final int ITEMS = 1000;
    static final int PARTITIONS = 10;
    static final int PARTITION_ITEMS = 150;
    static final int SCANNED_ITEMS = 1000;

    private Dataset() {
    }

    static void prepare(DynamoDbClient client, int loaders) {
        prepare(client, loaders, 0);
    }

    /** Creates the tables, on demand ({@code capacityUnits} 0) or provisioned with that many units, and loads them. */
    static void prepare(DynamoDbClient client, int loaders, long capacityUnits) {
        BenchTables.create(client, TABLE, capacityUnits);
        BenchTables.create(client, SCANNED, capacityUnits);
        BatchLoader.load(client, TABLE, 0, ITEMS, loaders, n -> Items.item("item#" + n, "0"));
        BatchLoader.load(client, TABLE, 0, (long) PARTITIONS * PARTITION_ITEMS, loaders,
                n -> Items.item("query#" + n / PARTITION_ITEMS, Items.sortKey(n % PARTITION_ITEMS)));
        BatchLoader.load(client, SCANNED, 0, SCANNED_ITEMS, loaders, n -> Items.item("scan#" + n, "0"));
    }

    /** How many items the endpoint holds in the benchmark's tables, counted with paged Scans. */
    static long storedItems(DynamoDbClient client) {
        return count(client, TABLE) + count(client, SCANNED);
    }

    private static long count(DynamoDbClient client, String table) {
        return client.scanPaginator(b -> b.tableName(table).select(Select.COUNT)).stream()
                .mapToLong(page -> page.count())
                .sum();
    }
}
