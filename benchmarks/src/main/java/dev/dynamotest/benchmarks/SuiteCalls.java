package dev.dynamotest.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.dynamotest.junit.DynamoTable;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a class of the suite does in one round, and the time of every call it made: {@code calls} PutItems, then as
 * many GetItems, Queries (of a partition of about {@code calls / 10} items) and conditional UpdateItems, each timed
 * on its own with {@link System#nanoTime()}, and the process's CPU time per block of calls.
 */
final class SuiteCalls {

    /** One timed call: the class's place in the suite, the round, the operation, the call's place in the round. */
    record Call(int classIndex, int round, String operation, int index, long nanos) {
    }

    /** The CPU time the whole process spent on a block of calls of one operation (every thread: JIT, GC, server). */
    record Block(String operation, int round, int calls, long cpuNanos) {
    }

    static final String[] OPERATIONS = {"PutItem", "GetItem", "Query", "UpdateItem"};

    private static final List<Call> CALLS = new ArrayList<>();
    private static final List<Block> BLOCKS = new ArrayList<>();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static volatile int callsPerRound = 100;

    private SuiteCalls() {
    }

    static void callsPerRound(int calls) {
        callsPerRound = calls;
    }

    static synchronized List<Block> blocks() {
        return List.copyOf(BLOCKS);
    }

    static synchronized List<Call> drain() {
        List<Call> all = new ArrayList<>(CALLS);
        CALLS.clear();
        return all;
    }

    private static synchronized void record(long[] nanos, int classIndex, int round, String operation,
            long cpuStart) {
        BLOCKS.add(new Block(operation, round, nanos.length, OS.getProcessCpuTime() - cpuStart));
        for (int i = 0; i < nanos.length; i++) {
            CALLS.add(new Call(classIndex, round, operation, i, nanos[i]));
        }
    }

    /** Runs one round of the class {@code testClass} (whose one declared table it uses) through {@code client}. */
    static void round(Class<?> testClass, int round, DynamoDbClient client) {
        String table = testClass.getAnnotation(DynamoTable.class).name();
        int classIndex = Integer.parseInt(table.substring(table.length() - 2));
        int calls = callsPerRound;
        long[] nanos = new long[calls];
        long cpu = OS.getProcessCpuTime();
        for (int i = 0; i < calls; i++) {
            Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("p" + i % 10),
                    "sk", AttributeValue.fromS("s" + i), "n", AttributeValue.fromN("0"),
                    "name", AttributeValue.fromS("item " + i + " of round " + round));
            long start = System.nanoTime();
            client.putItem(r -> r.tableName(table).item(item));
            nanos[i] = System.nanoTime() - start;
        }
        record(nanos, classIndex, round, "PutItem", cpu);
        int found = 0;
        cpu = OS.getProcessCpuTime();
        for (int i = 0; i < calls; i++) {
            Map<String, AttributeValue> key = key(i);
            long start = System.nanoTime();
            found += client.getItem(r -> r.tableName(table).key(key)).hasItem() ? 1 : 0;
            nanos[i] = System.nanoTime() - start;
        }
        record(nanos, classIndex, round, "GetItem", cpu);
        int queried = 0;
        cpu = OS.getProcessCpuTime();
        for (int i = 0; i < calls; i++) {
            Map<String, AttributeValue> values = Map.of(":pk", AttributeValue.fromS("p" + i % 10));
            long start = System.nanoTime();
            queried += client.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(values)).count();
            nanos[i] = System.nanoTime() - start;
        }
        record(nanos, classIndex, round, "Query", cpu);
        cpu = OS.getProcessCpuTime();
        for (int i = 0; i < calls; i++) {
            Map<String, AttributeValue> key = key(i);
            long start = System.nanoTime();
            client.updateItem(r -> r.tableName(table).key(key).updateExpression("SET n = n + :one")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            nanos[i] = System.nanoTime() - start;
        }
        record(nanos, classIndex, round, "UpdateItem", cpu);
        if (found != calls || queried < calls) {
            throw new IllegalStateException("round " + round + " of " + table + ": " + found + " of " + calls
                    + " items found, " + queried + " items queried");
        }
    }

    private static Map<String, AttributeValue> key(int i) {
        return Map.of("pk", AttributeValue.fromS("p" + i % 10), "sk", AttributeValue.fromS("s" + i));
    }
}
