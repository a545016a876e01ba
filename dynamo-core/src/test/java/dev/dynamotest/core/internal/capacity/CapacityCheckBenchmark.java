package dev.dynamotest.core.internal.capacity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.internal.json.JsonTrees;
import dev.dynamotest.core.internal.storage.TableCatalog;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the capacity check costs one request: the admission and the charge of a read, and of a write to a table with
 * a global secondary index, on a provisioned table that never runs out, in {@code ENFORCE} (the mode changes nothing
 * until a request is over capacity). Compare with the server's CPU time per request (`CpuCost`). Run with
 * {@code dynamo-core/capacity-benchmark.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CapacityCheckBenchmark {

    /** Whether the optional per-partition-key limits are on. */
    @Param({"false", "true"})
    public boolean partitionLimits;

    private CapacityModel model;
    private TableMeta table;
    /** Many partition keys, so that no key reaches its own limit of 3,000 read and 1,000 write units a second. */
    private final AttributeValue[] keys = new AttributeValue[100_000];
    private int next;
    private final double[] indexUnits = {1.0};

    @Setup
    public void setUp() throws IOException {
        ObjectNode description = (ObjectNode) JsonTrees.read("""
                {"TableName":"Orders","TableArn":"arn:aws:dynamodb:us-east-1:000000000000:table/Orders",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},
                                         {"AttributeName":"status","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
                 "ProvisionedThroughput":{"ReadCapacityUnits":1000000000,"WriteCapacityUnits":1000000000},
                 "GlobalSecondaryIndexes":[{"IndexName":"ByStatus",
                   "KeySchema":[{"AttributeName":"status","KeyType":"HASH"}],
                   "Projection":{"ProjectionType":"ALL"},
                   "ProvisionedThroughput":{"ReadCapacityUnits":1000000000,"WriteCapacityUnits":1000000000}}]}
                """);
        table = TableCatalog.fromDescription(1, "us-east-1", description);
        model = new CapacityModel(Clock.system(), CapacityMode.ENFORCE, partitionLimits);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = AttributeValue.string("customer#" + i);
        }
    }

    /** A GetItem's check: admitted before the read, charged after. */
    @Benchmark
    public boolean read() {
        AttributeValue key = key();
        boolean admitted = model.admitRead(table, null, key, 0.5);
        model.chargeRead(table, null, key, 0.5, admitted);
        return admitted;
    }

    /** A PutItem's check, the table and its index. */
    @Benchmark
    public boolean write() {
        AttributeValue key = key();
        boolean admitted = model.admitWrite(table, key, 1, indexUnits);
        model.chargeWrite(table, key, 1, indexUnits, admitted);
        return admitted;
    }

    private AttributeValue key() {
        next = next + 1 == keys.length ? 0 : next + 1;
        return keys[next];
    }
}
