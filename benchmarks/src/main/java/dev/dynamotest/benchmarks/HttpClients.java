package dev.dynamotest.benchmarks;

import dev.dynamotest.junit.internal.Clients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/**
 * The SDK's HTTP clients side by side over HTTP, one thread: an SDK v2 {@link DynamoDbClient} with each of them,
 * built with its defaults as users build it (and the one the extension's injected clients use over HTTP,
 * {@code Clients.httpClient}), drives PutItem and GetItem against each endpoint (the floor and ours), the pairs
 * taking turns slice by slice, on the Workload's data set (loaded unless the endpoint has it). Appends to {@code OUT/http-clients.csv} the median and 90th percentile per call and
 * how many connections were closed per 1000 calls (sockets entering TIME_WAIT on the endpoint's port: 0 when the
 * client keeps its connection).
 *
 * <pre>{@code
 * java -cp dynamotest-benchmarks.jar dev.dynamotest.benchmarks.HttpClients \
 *     --endpoints floor=http://127.0.0.1:8001,ours=http://127.0.0.1:8000 --out results [--calls 3000] [--slices 5]
 *     [--clients extension,url-connection,apache,apache5,crt]
 * }</pre>
 */
public final class HttpClients {

    static final String RESULTS = "http-clients.csv";
    static final String HEADER = "endpoint,client,operation,calls,p50_us,p90_us,closed_per_1000";

    /** The HTTP clients compared, by the name the report gives them. */
    static final Map<String, Function<URI, SdkHttpClient>> CLIENTS = new LinkedHashMap<>();

    static {
        CLIENTS.put("extension", Clients::httpClient);
        CLIENTS.put("url-connection", uri -> UrlConnectionHttpClient.create());
        CLIENTS.put("apache", uri -> ApacheHttpClient.create());
        CLIENTS.put("apache5", uri -> Apache5HttpClient.create());
        CLIENTS.put("crt", uri -> AwsCrtHttpClient.create());
    }

    private HttpClients() {
    }

    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        Map<String, String> endpoints = Workload.pairs(args.required("endpoints"));
        List<String> names = List.of(args.text("clients", String.join(",", CLIENTS.keySet())).split(","));
        int calls = (int) args.number("calls", 3000);
        int slices = (int) Math.max(args.number("slices", 5), 1);
        Path out = Path.of(args.text("out", "results"));
        List<Pair> pairs = new ArrayList<>();
        endpoints.forEach((endpoint, url) -> {
            URI uri = URI.create(url);
            LoopbackClient.requireLoopback(uri);
            for (String name : names) {
                Function<URI, SdkHttpClient> factory = CLIENTS.get(name.trim());
                if (factory == null) {
                    throw new IllegalArgumentException("no HTTP client " + name + "; there are " + CLIENTS.keySet());
                }
                pairs.add(new Pair(endpoint, name.trim(), uri, client(uri, factory.apply(uri))));
            }
        });
        try {
            for (String endpoint : endpoints.keySet()) {
                pairs.stream().filter(p -> p.endpoint.equals(endpoint)).findFirst()
                        .filter(p -> !p.client.listTables().tableNames().contains(Dataset.TABLE))
                        .ifPresent(p -> Dataset.prepare(p.client, 1));
            }
            for (Pair pair : pairs) {
                for (Operation op : List.of(Operation.PUT_ITEM, Operation.GET_ITEM)) {
                    pair.run(op, Math.max(calls / 5, 100), null);
                }
            }
            for (int s = 0; s < slices; s++) {
                for (int i = 0; i < pairs.size(); i++) {
                    Pair pair = pairs.get((s + i) % pairs.size());
                    for (Operation op : List.of(Operation.PUT_ITEM, Operation.GET_ITEM)) {
                        pair.run(op, Math.max(calls / slices, 1), pair.latencies.get(op));
                    }
                }
            }
            ResultFile results = new ResultFile(out.resolve(RESULTS), HEADER);
            for (Pair pair : pairs) {
                for (Operation op : List.of(Operation.PUT_ITEM, Operation.GET_ITEM)) {
                    Latencies l = pair.latencies.get(op);
                    String line = String.format(Locale.ROOT, "%s,%s,%s,%d,%.1f,%.1f,%.1f", pair.endpoint, pair.name,
                            op.wireName(), l.count(), l.percentile(0.5) / 1e3, l.percentile(0.9) / 1e3,
                            1000.0 * pair.closed.get(op) / Math.max(l.count(), 1));
                    results.append(line);
                    System.out.println(line);
                }
            }
        } finally {
            pairs.forEach(p -> p.client.close());
        }
    }

    private static DynamoDbClient client(URI endpoint, SdkHttpClient http) {
        RetryStrategy noRetries = AwsRetryStrategy.doNotRetry();
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(noRetries))
                .build();
    }

    /** One HTTP client against one endpoint, and what its calls measured. */
    private static final class Pair {
        final String endpoint;
        final String name;
        final URI uri;
        final DynamoDbClient client;
        final Map<Operation, Latencies> latencies = new LinkedHashMap<>();
        final Map<Operation, Long> closed = new LinkedHashMap<>();
        private final Worker worker = new Worker(0);

        Pair(String endpoint, String name, URI uri, DynamoDbClient client) {
            this.endpoint = endpoint;
            this.name = name;
            this.uri = uri;
            this.client = client;
            for (Operation op : List.of(Operation.PUT_ITEM, Operation.GET_ITEM)) {
                latencies.put(op, new Latencies(1024));
                closed.put(op, 0L);
            }
        }

        /** Makes {@code calls} calls of {@code op}, timing each into {@code into} unless that is null. */
        void run(Operation op, int calls, Latencies into) {
            long closedBefore = timeWaits(uri.getPort());
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                op.step().run(client, worker);
                if (into != null) {
                    into.add(System.nanoTime() - start);
                }
            }
            if (into != null) {
                closed.merge(op, Math.max(timeWaits(uri.getPort()) - closedBefore, 0), Long::sum);
            }
        }
    }

    /** The sockets in TIME_WAIT whose local or remote port is {@code port} (Linux; 0 elsewhere). */
    static long timeWaits(int port) {
        String hex = String.format(Locale.ROOT, ":%04X ", port);
        long count = 0;
        for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(path)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && "06".equals(f[3]) && ((f[1] + " ").contains(hex) || (f[2] + " ").contains(hex))) {
                        count++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        return count;
    }
}
