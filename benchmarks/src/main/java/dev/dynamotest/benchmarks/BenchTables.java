package dev.dynamotest.benchmarks;

import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the benchmark's tables (string {@code pk} and {@code sk}, on demand unless given provisioned units) and
 * waits until they are active.
 */
final class BenchTables {

    private static final Duration ACTIVE_WITHIN = Duration.ofSeconds(30);

    private BenchTables() {
    }

    static void create(DynamoDbClient client, String table) {
        create(client, table, 0);
    }

    /** Creates a table on demand ({@code capacityUnits} 0) or provisioned with that many read and write units. */
    static void create(DynamoDbClient client, String table, long capacityUnits) {
        client.createTable(b -> {
            b.tableName(table)
                    .attributeDefinitions(string("pk"), string("sk"))
                    .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
            if (capacityUnits > 0) {
                b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(t -> t.readCapacityUnits(capacityUnits)
                        .writeCapacityUnits(capacityUnits));
            } else {
                b.billingMode(BillingMode.PAY_PER_REQUEST);
            }
        });
        awaitActive(client, table);
    }

    /** Polls DescribeTable: the SDK's own waiter sleeps 20 seconds between attempts. */
    private static void awaitActive(DynamoDbClient client, String table) {
        long deadline = System.nanoTime() + ACTIVE_WITHIN.toNanos();
        while (client.describeTable(b -> b.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + table + " is not ACTIVE after " + ACTIVE_WITHIN);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + table, e);
            }
        }
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
