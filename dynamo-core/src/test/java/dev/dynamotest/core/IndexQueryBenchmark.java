package dev.dynamotest.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.json.JsonTrees;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A Query on a global secondary index with multi-attribute keys (tournament and area; round and match number)
 * against the same Query on an ordinary index whose keys concatenate those attributes ("t3#a7";
 * "semi#017"), in the engine without HTTP: a page of 10 of a partition, and a range of 10 within one round.
 * 100 partitions of 200 items. Besides the time per Query, the {@code cpu} counters give the benchmark thread's
 * CPU time ({@code cpuNanos}) over the Queries run ({@code queries}): on a shared machine, where waiting for a core
 * swamps the time per Query, their ratio still compares the two indexes. Run with
 * {@code dynamo-core/index-query-benchmark.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IndexQueryBenchmark {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ROUNDS = {"final", "group", "quarter", "semi"};

    /** Which index the queries read. */
    @Param({"ordinary", "multi-attribute"})
    public String index;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DynamoEngine engine;
    private int next;

    /** The CPU time the benchmark thread spent in Queries, and how many it ran. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        public long cpuNanos;
        public long queries;

        ObjectNode time(java.util.function.Supplier<ObjectNode> query) {
            long start = THREADS.getCurrentThreadCpuTime();
            ObjectNode response = query.get();
            cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
            queries++;
            return response;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        engine = DynamoEngine.create();
        engine.execute("us-east-1", "CreateTable", (ObjectNode) JsonTrees.read("""
                {"TableName": "Matches", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"},
                   {"AttributeName": "ta", "AttributeType": "S"}, {"AttributeName": "rn", "AttributeType": "S"},
                   {"AttributeName": "tournament", "AttributeType": "S"}, {"AttributeName": "area", "AttributeType": "S"},
                   {"AttributeName": "round", "AttributeType": "S"}, {"AttributeName": "matchNo", "AttributeType": "N"}],
                 "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                 "GlobalSecondaryIndexes": [
                   {"IndexName": "ordinary", "Projection": {"ProjectionType": "ALL"}, "KeySchema": [
                     {"AttributeName": "ta", "KeyType": "HASH"}, {"AttributeName": "rn", "KeyType": "RANGE"}]},
                   {"IndexName": "multi-attribute", "Projection": {"ProjectionType": "ALL"}, "KeySchema": [
                     {"AttributeName": "tournament", "KeyType": "HASH"}, {"AttributeName": "area", "KeyType": "HASH"},
                     {"AttributeName": "round", "KeyType": "RANGE"}, {"AttributeName": "matchNo", "KeyType": "RANGE"}]}]}
                """));
        int id = 0;
        for (int t = 0; t < 10; t++) {
            for (int a = 0; a < 10; a++) {
                for (String round : ROUNDS) {
                    for (int n = 0; n < 50; n++) {
                        ObjectNode item = NODES.objectNode();
                        item.putObject("id").put("S", "m" + id++);
                        item.putObject("ta").put("S", "t" + t + "#a" + a);
                        item.putObject("rn").put("S", String.format("%s#%03d", round, n));
                        item.putObject("tournament").put("S", "t" + t);
                        item.putObject("area").put("S", "a" + a);
                        item.putObject("round").put("S", round);
                        item.putObject("matchNo").put("N", Integer.toString(n));
                        item.putObject("score").put("N", Integer.toString(n * 7));
                        ObjectNode put = NODES.objectNode().put("TableName", "Matches");
                        put.set("Item", item);
                        engine.execute("us-east-1", "PutItem", put);
                    }
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** The first 10 entries of a partition. */
    @Benchmark
    public ObjectNode partitionPage(Cpu cpu) {
        int p = next();
        ObjectNode query = query();
        query.put("Limit", 10);
        ObjectNode values = query.putObject("ExpressionAttributeValues");
        if (index.equals("ordinary")) {
            query.put("KeyConditionExpression", "ta = :ta");
            values.putObject(":ta").put("S", "t" + p / 10 + "#a" + p % 10);
        } else {
            query.put("KeyConditionExpression", "tournament = :t AND area = :a");
            values.putObject(":t").put("S", "t" + p / 10);
            values.putObject(":a").put("S", "a" + p % 10);
        }
        return cpu.time(() -> count(engine.execute("us-east-1", "Query", query)));
    }

    /** Matches 10 to 19 of the semi-finals of a partition. */
    @Benchmark
    public ObjectNode sortKeyRange(Cpu cpu) {
        int p = next();
        ObjectNode query = query();
        ObjectNode values = query.putObject("ExpressionAttributeValues");
        if (index.equals("ordinary")) {
            query.put("KeyConditionExpression", "ta = :ta AND rn BETWEEN :lo AND :hi");
            values.putObject(":ta").put("S", "t" + p / 10 + "#a" + p % 10);
            values.putObject(":lo").put("S", "semi#010");
            values.putObject(":hi").put("S", "semi#019");
        } else {
            query.put("KeyConditionExpression",
                    "tournament = :t AND area = :a AND round = :r AND matchNo BETWEEN :lo AND :hi");
            values.putObject(":t").put("S", "t" + p / 10);
            values.putObject(":a").put("S", "a" + p % 10);
            values.putObject(":r").put("S", "semi");
            values.putObject(":lo").put("N", "10");
            values.putObject(":hi").put("N", "19");
        }
        return cpu.time(() -> count(engine.execute("us-east-1", "Query", query)));
    }

    private ObjectNode query() {
        return NODES.objectNode().put("TableName", "Matches").put("IndexName", index);
    }

    private int next() {
        next = (next + 1) % 100;
        return next;
    }

    private static ObjectNode count(ObjectNode response) {
        if (response.path("Count").asInt() != 10) {
            throw new IllegalStateException("expected 10 items: " + response.path("Count"));
        }
        return response;
    }
}
