package dev.dynamotest.benchmarks;

import dev.dynamotest.core.DaxServer;
import dev.dynamotest.core.DaxStatistics;
import dev.dynamotest.core.DynamoServer;
import dev.dynamotest.core.EngineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/**
 * GetItem through DAX against GetItem over HTTP, on one engine, one thread: in this JVM, an engine served over HTTP
 * ({@link DynamoServer}) and over DAX ({@link DaxServer}) on loopback, an SDK v2 {@link DynamoDbClient} (Apache 5,
 * no retries, as the Workload) and Amazon's {@link ClusterDaxClient}, both reading the same {@code --items} items
 * of the Workload's shape in turn. Every DAX read after the warm-up is an item-cache hit (the item TTL is the
 * default 5 minutes; the run checks that no miss happened while measuring). Both are warmed up with
 * {@code --warmup} calls each, then measured over {@code --slices} slices of {@code --calls} calls, the two clients
 * taking turns slice by slice so that a busy machine slows them alike. Prints the median, 90th and 99th percentile
 * per call and the calls per second of each, and appends them to {@code OUT/dax-getitem.csv} with {@code --out}.
 *
 * <pre>{@code
 * java -cp dynamotest-benchmarks.jar dev.dynamotest.benchmarks.DaxGetItem [--items 1000] [--warmup 30000]
 *     [--calls 10000] [--slices 6] [--out results]
 * }</pre>
 */
public final class DaxGetItem {

    static final String RESULTS = "dax-getitem.csv";
    static final String HEADER = "path,calls,p50_us,p90_us,p99_us,ops_per_s";

    private DaxGetItem() {
    }

    /** One way to the engine: its client and the latencies of its measured calls so far. */
    private static final class Route {
        final String name;
        final DynamoDbClient client;
        final long[] nanos;
        int count;
        long wallNanos;

        Route(String name, DynamoDbClient client, int calls) {
            this.name = name;
            this.client = client;
            this.nanos = new long[calls];
        }
    }

    public static void main(String[] argv) throws IOException {
        Args args = Args.parse(argv);
        int items = (int) args.number("items", 1000);
        int warmup = (int) args.number("warmup", 30_000);
        int calls = (int) args.number("calls", 10_000);
        int slices = (int) args.number("slices", 6);
        String out = args.text("out", null);
        try (DynamoServer server = DynamoServer.start(EngineConfig.defaults(), "127.0.0.1", 0);
                DaxServer dax = DaxServer.start(server.engine());
                DynamoDbClient http = DynamoDbClient.builder().endpointOverride(server.endpoint())
                        .region(Region.US_EAST_1).credentialsProvider(credentials())
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .httpClient(Apache5HttpClient.create()).build();
                DynamoDbClient daxClient = daxClient(dax)) {
            BenchTables.create(http, Dataset.TABLE, 0);
            for (int n = 0; n < items; n++) {
                Map<String, AttributeValue> item = Items.item("item#" + n, "0");
                http.putItem(b -> b.tableName(Dataset.TABLE).item(item));
            }
            List<Route> paths = List.of(new Route("HTTP (SDK, Apache 5)", http, calls * slices),
                    new Route("DAX (item-cache hit)", daxClient, calls * slices));
            for (int round = 0; round < 3; round++) {
                for (Route path : paths) {
                    run(path, items, warmup / 3, false);
                }
            }
            DaxStatistics before = dax.statistics();
            for (int slice = 0; slice < slices; slice++) {
                for (Route path : paths) {
                    run(path, items, calls, true);
                }
            }
            DaxStatistics after = dax.statistics();
            if (after.itemMisses() != before.itemMisses()) {
                throw new IllegalStateException("DAX missed " + (after.itemMisses() - before.itemMisses())
                        + " reads while measuring: not every call was a cache hit");
            }
            StringBuilder csv = new StringBuilder();
            System.out.println("| path, 1 thread | calls | p50 us | p90 us | p99 us | ops/s |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            for (Route path : paths) {
                long[] sorted = Arrays.copyOf(path.nanos, path.count);
                Arrays.sort(sorted);
                double opsPerSecond = path.count / (path.wallNanos / 1e9);
                System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f |%n", path.name, path.count,
                        micros(sorted, 0.50), micros(sorted, 0.90), micros(sorted, 0.99), opsPerSecond);
                csv.append(String.format(Locale.ROOT, "%s,%d,%.1f,%.1f,%.1f,%.0f%n", path.name, path.count,
                        micros(sorted, 0.50), micros(sorted, 0.90), micros(sorted, 0.99), opsPerSecond));
            }
            System.out.printf(Locale.ROOT, "DAX item cache while measuring: %d hits, %d misses%n",
                    after.itemHits() - before.itemHits(), after.itemMisses() - before.itemMisses());
            if (out != null) {
                append(Path.of(out).resolve(RESULTS), csv.toString());
            }
        }
    }

    private static void run(Route path, int items, int calls, boolean measured) {
        long sliceStart = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            Map<String, AttributeValue> key = Items.key("item#" + (i % items), "0");
            long start = System.nanoTime();
            Map<String, AttributeValue> item = path.client.getItem(b -> b.tableName(Dataset.TABLE).key(key)).item();
            long elapsed = System.nanoTime() - start;
            if (item == null || item.isEmpty()) {
                throw new IllegalStateException(path.name + " read no item for " + key);
            }
            if (measured) {
                path.nanos[path.count++] = elapsed;
            }
        }
        if (measured) {
            path.wallNanos += System.nanoTime() - sliceStart;
        }
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1000.0;
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
    }

    private static DynamoDbClient daxClient(DaxServer dax) throws IOException {
        return ClusterDaxClient.builder().overrideConfiguration(Configuration.builder()
                .url(dax.url().toString()).region(Region.US_EAST_1).credentialsProvider(credentials())
                .build()).build();
    }

    private static void append(Path file, String rows) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, HEADER + "\n");
            }
            Files.writeString(file, rows, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
