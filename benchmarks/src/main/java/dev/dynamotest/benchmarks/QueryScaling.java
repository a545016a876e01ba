package dev.dynamotest.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Shows that a Query's cost follows the page it returns, not the table's size: grows one table to each size in
 * turn (BatchWriteItem of 25 from several threads, timed) and at each size times, single-threaded, a Query of a
 * 10-item page, a Query of a 100-item page and a GetItem, each after a warm-up (a long one at the first size, as
 * the endpoint's JIT has only seen writes by then). Appends to {@code OUT/scale.csv}, and with
 * {@code --pid} the endpoint's resident memory at each size to {@code OUT/memory.csv}.
 *
 * <pre>{@code
 * java -cp dynamotest-benchmarks.jar dev.dynamotest.benchmarks.QueryScaling \
 *     --endpoint http://127.0.0.1:8000 --name ours --out results --sizes 10000,1000000 [--pid PID] \
 *     [--seconds 6] [--warmup-seconds 2] [--first-warmup-seconds 15] [--loaders 8]
 * }</pre>
 */
public final class QueryScaling {

    static final String TABLE = "Scale";
    static final int PARTITION_ITEMS = 200;

    private QueryScaling() {
    }

    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        URI endpoint = URI.create(args.required("endpoint"));
        String name = args.required("name");
        Path out = Path.of(args.text("out", "results"));
        List<Long> sizes = args.numbers("sizes", "10000,1000000");
        int loaders = (int) args.number("loaders", 8);
        Duration measured = Duration.ofSeconds(args.number("seconds", 5));
        Duration warmup = Duration.ofSeconds(args.number("warmup-seconds", 2));
        Duration firstWarmup = Duration.ofSeconds(args.number("first-warmup-seconds", 15));
        long maxOps = args.number("ops", 50_000);
        long pid = args.number("pid", 0);

        ResultFile results = new ResultFile(out.resolve(ResultFile.SCALE), ScaleMeasurement.HEADER);
        ResultFile memory = new ResultFile(out.resolve(ResultFile.MEMORY), MemoryReading.HEADER);
        try (DynamoDbClient client = LoopbackClient.create(endpoint, loaders)) {
            BenchTables.create(client, TABLE);
            if (pid > 0) {
                memory.append(new MemoryReading(name, "empty table", 0, ResidentMemory.kilobytes(pid)).csv());
            }
            long loaded = 0;
            for (long size : sizes) {
                Duration load = BatchLoader.load(client, TABLE, loaded, size, loaders,
                        n -> Items.item("part#" + n / PARTITION_ITEMS, Items.sortKey(n % PARTITION_ITEMS)));
                long loadedNow = size - loaded;
                loaded = size;
                System.out.printf("%s: loaded %d items (%d in all) in %.1f s%n", name, loadedNow, size,
                        load.toNanos() / 1e9);
                int partitions = (int) Math.max(size / PARTITION_ITEMS, 1);
                boolean first = size == sizes.get(0);
                for (Phase phase : phases(partitions, maxOps, measured)) {
                    Phase warm = new Phase(phase.operation(), phase.step(), 1, maxOps,
                            first ? firstWarmup : warmup);
                    warm.run(name, client);
                    Measurement m = phase.runAndReport(name, client);
                    String line = new ScaleMeasurement(size, loadedNow, load.toNanos() / 1e9, m).csv();
                    results.append(line);
                    System.out.println(line);
                }
                if (pid > 0) {
                    MemoryReading reading = new MemoryReading(name, size + " items loaded", size,
                            ResidentMemory.kilobytes(pid));
                    memory.append(reading.csv());
                    System.out.println(reading.csv());
                }
            }
        }
    }

    private static List<Phase> phases(int partitions, long maxOps, Duration measured) {
        return List.of(
                new Phase("Query(10)", queryPage(partitions, 10), 1, maxOps, measured),
                new Phase("Query(100)", queryPage(partitions, 100), 1, maxOps, measured),
                new Phase("GetItem", (client, w) -> {
                    String pk = "part#" + w.random(partitions);
                    if (!client.getItem(b -> b.tableName(TABLE).key(Items.key(pk, Items.sortKey(7)))).hasItem()) {
                        throw new IllegalStateException("GetItem found no item in " + pk);
                    }
                }, 1, maxOps, measured));
    }

    private static Step queryPage(int partitions, int page) {
        return (client, w) -> {
            String pk = "part#" + w.random(partitions);
            int count = client.query(b -> b.tableName(TABLE).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", Items.s(pk))).limit(page)).count();
            Operation.expectCount("Query", count, page);
        };
    }
}
