package dev.dynamotest.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The workload runner: drives endpoints on loopback addresses with PutItem, GetItem, Query of a 100-item page, a
 * conditional UpdateItem, BatchWriteItem of 25, a full Scan in 100-item pages and TransactWriteItems of 4, at
 * each thread count, and appends ops/s, p50 and p99 to {@code OUT/workload.csv}. Each phase stops after
 * {@code --ops} calls or {@code --seconds}, whichever comes first. A phase is cut into {@code --slices} slices,
 * and the endpoints take turns slice by slice, in a rotating order, each after a short warm-up, so that a busy
 * machine slows them alike and their ratios stay meaningful. Before any of it, each endpoint is warmed up until its
 * throughput is steady ({@link WarmUp}), not recorded.
 *
 * <pre>{@code
 * java -cp dynamotest-benchmarks.jar dev.dynamotest.benchmarks.Workload \
 *     --endpoints floor=http://127.0.0.1:8001,ours=http://127.0.0.1:8000 --out results \
 *     [--threads 1,8] [--seconds 6] [--slices 3] [--warmup-seconds 2] [--warmup-rounds 8] [--ops 50000] [--pids ours=PID]
 *     [--operations PutItem,GetItem]
 * }</pre>
 * An endpoint given as {@code name=in-process} is an engine in the benchmark's JVM, reached without a socket
 * ({@link InProcessEndpoint}); its CPU is then the benchmark's, so the other endpoints' turns leave it idle.
 * {@code --operations} limits the run, warm-up included, to some of the operations.
 * For each endpoint named in {@code --pids}, the process's resident memory and the items it holds are appended
 * to {@code OUT/memory.csv} afterwards.
 */
public final class Workload {

    private Workload() {
    }

    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        Map<String, String> endpoints = pairs(args.required("endpoints"));
        Map<String, String> pids = pairs(args.text("pids", ""));
        Path out = Path.of(args.text("out", "results"));
        List<Long> threadCounts = args.numbers("threads", "1,8");
        Duration measured = Duration.ofSeconds(args.number("seconds", 6));
        Duration warmup = Duration.ofSeconds(args.number("warmup-seconds", 2));
        long maxOps = args.number("ops", 50_000);
        int slices = (int) Math.max(args.number("slices", 3), 1);
        List<Operation> operations = Operation.named(args.text("operations", ""));
        int connections = threadCounts.stream().mapToInt(Long::intValue).max().orElse(1);

        Map<String, DynamoDbClient> clients = new LinkedHashMap<>();
        List<InProcessEndpoint> inProcess = new ArrayList<>();
        endpoints.forEach((name, url) -> {
            if (InProcessEndpoint.KIND.equals(url)) {
                InProcessEndpoint endpoint = new InProcessEndpoint();
                inProcess.add(endpoint);
                clients.put(name, endpoint.client());
            } else {
                clients.put(name, LoopbackClient.create(URI.create(url), connections));
            }
        });
        try {
            clients.forEach((name, client) -> Dataset.prepare(client, 8));
            WarmUp warmUp = new WarmUp(operations, threadCounts, maxOps, warmup, (int) args.number("warmup-rounds", 8),
                    0.1);
            clients.forEach(warmUp::run);
            ResultFile results = new ResultFile(out.resolve(ResultFile.WORKLOAD), Measurement.HEADER);
            List<String> names = new ArrayList<>(clients.keySet());
            int turn = 0;
            for (Operation op : operations) {
                for (long threads : threadCounts) {
                    Map<String, Tally> tallies = new LinkedHashMap<>();
                    names.forEach(name -> tallies.put(name, new Tally()));
                    Phase slice = new Phase(op.wireName(), op.step(), (int) threads, Math.max(maxOps / slices, 1),
                            measured.dividedBy(slices));
                    for (int s = 0; s < slices; s++) {
                        for (int i = 0; i < names.size(); i++) {
                            String name = names.get((turn + i) % names.size());
                            DynamoDbClient client = clients.get(name);
                            new Phase(op.wireName(), op.step(), (int) threads, maxOps, warmup.dividedBy(slices))
                                    .run(name, client);
                            slice.runInto(name, client, tallies.get(name));
                        }
                        turn++;
                    }
                    tallies.forEach((name, tally) -> {
                        tally.reportFirstError(name + " " + op.wireName() + " x" + threads);
                        Measurement m = tally.measurement(name, op.wireName(), (int) threads);
                        results.append(m.csv());
                        System.out.println(m.csv());
                    });
                }
            }
            ResultFile memory = new ResultFile(out.resolve(ResultFile.MEMORY), MemoryReading.HEADER);
            pids.forEach((name, pid) -> {
                long rssKb = ResidentMemory.kilobytes(Long.parseLong(pid));
                MemoryReading reading = new MemoryReading(name, "after the workload",
                        Dataset.storedItems(clients.get(name)), rssKb);
                memory.append(reading.csv());
                System.out.println(reading.csv());
            });
        } finally {
            clients.values().forEach(DynamoDbClient::close);
            inProcess.forEach(InProcessEndpoint::close);
        }
    }

    /** {@code a=1,b=2} as an ordered map. */
    static Map<String, String> pairs(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value, not " + pair);
            }
            map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return map;
    }
}
