package dev.dynamotest.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.EngineConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * The heap an engine keeps per stored item, in process: an engine created in this JVM, one table grown to each size
 * in turn with BatchWriteItem of 25 of the workload's items through {@code engine.execute}, and at each size the heap
 * in use after a full GC, less the heap in use with the table empty, divided by the items. What is counted is all the
 * engine keeps for them: the rows in H2 with their key index, the change record of each put (kept 24 hours for
 * streams, point-in-time recovery and {@code changes()}), and the item cache. Appends to {@code OUT/heap.csv}.
 *
 * <pre>{@code
 * java -cp dynamotest-benchmarks.jar dev.dynamotest.benchmarks.HeapPerItem --sizes 10000,1000000 --out results
 * }</pre>
 */
public final class HeapPerItem {

    static final String TABLE = "Heap";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HeapPerItem() {
    }

    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        Path out = Path.of(args.text("out", "results"));
        List<Long> sizes = args.numbers("sizes", "10000,1000000");
        ResultFile results = new ResultFile(out.resolve(ResultFile.HEAP), HeapReading.HEADER);
        try (DynamoEngine engine = DynamoEngine.create(EngineConfig.builder().build())) {
            String region = engine.config().defaultRegion();
            engine.execute(region, "CreateTable", createTable());
            long empty = heapAfterFullGc();
            long loaded = 0;
            for (long size : sizes) {
                for (long n = loaded; n < size; n += 25) {
                    engine.execute(region, "BatchWriteItem", batch(n, Math.min(n + 25, size)));
                }
                loaded = size;
                HeapReading reading = new HeapReading(size, heapAfterFullGc() - empty);
                results.append(reading.csv());
                System.out.println(reading.csv());
            }
        }
    }

    /** The heap in use after full collections, once two in a row agree within 1%. */
    static long heapAfterFullGc() {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) <= used / 100) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    private static ObjectNode createTable() {
        ObjectNode request = NODES.objectNode().put("TableName", TABLE).put("BillingMode", "PAY_PER_REQUEST");
        ArrayNode attributes = request.putArray("AttributeDefinitions");
        attributes.addObject().put("AttributeName", "pk").put("AttributeType", "S");
        attributes.addObject().put("AttributeName", "sk").put("AttributeType", "S");
        ArrayNode keys = request.putArray("KeySchema");
        keys.addObject().put("AttributeName", "pk").put("KeyType", "HASH");
        keys.addObject().put("AttributeName", "sk").put("KeyType", "RANGE");
        return request;
    }

    /** A BatchWriteItem of the items numbered {@code from} (inclusive) to {@code to}, the shape of {@link Items}. */
    private static ObjectNode batch(long from, long to) {
        ObjectNode request = NODES.objectNode();
        ArrayNode puts = request.putObject("RequestItems").putArray(TABLE);
        for (long n = from; n < to; n++) {
            ObjectNode item = puts.addObject().putObject("PutRequest").putObject("Item");
            item.putObject("pk").put("S", "heap#" + n);
            item.putObject("sk").put("S", "0");
            item.putObject("payload").put("S", Items.PAYLOAD);
            item.putObject("n").put("N", "0");
            item.putObject("state").put("S", "NEW");
        }
        return request;
    }
}
