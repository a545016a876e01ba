package dev.dynamotest.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where one call's time goes, per thread: for each endpoint and operation, one thread of calls, and the CPU each of
 * the server's threads used per call (its HTTP threads, the JIT compilers, the GC), read from
 * {@code /proc/PID/task/TID/schedstat} in nanoseconds, beside the wall time and the client thread's own CPU per call.
 * The endpoints take turns, operation by operation, round by round, so that a busy machine slows them alike.
 *
 * <pre>{@code
 * java -cp dynamotest-benchmarks.jar dev.dynamotest.benchmarks.CpuBreakdown \
 *     --endpoints floor=http://127.0.0.1:8001@PID1,ours=http://127.0.0.1:8000@PID2 \
 *     [--operations UpdateItem,GetItem] [--calls 3000] [--warmup-seconds 12] [--rounds 2]
 * }</pre>
 * Prints one line per endpoint, operation and round: wall and p50 microseconds per call, the client thread's CPU,
 * then each server thread group's CPU (threads named alike, digits dropped) of at least 0.5 us per call. Keep the
 * warm-up times the other endpoints under 30 s: a server's connection idle longer is closed by Jetty.
 */
public final class CpuBreakdown {

    private CpuBreakdown() {
    }

    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        List<Operation> operations = Operation.named(args.text("operations", ""));
        int calls = (int) args.number("calls", 3000);
        long warmupNanos = args.number("warmup-seconds", 12) * 1_000_000_000L;
        int rounds = (int) args.number("rounds", 2);
        Map<String, String> endpoints = Workload.pairs(args.required("endpoints"));
        List<String> names = new ArrayList<>(endpoints.keySet());
        List<DynamoDbClient> clients = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        try {
            for (String spec : endpoints.values()) {
                int at = spec.lastIndexOf('@');
                if (at < 0) {
                    throw new IllegalArgumentException("expected name=URL@PID, not " + spec);
                }
                DynamoDbClient client = LoopbackClient.create(URI.create(spec.substring(0, at)), 1);
                clients.add(client);
                pids.add(Long.parseLong(spec.substring(at + 1)));
                Dataset.prepare(client, 1);
            }
            Worker worker = new Worker(0);
            for (Operation op : operations) {
                for (DynamoDbClient client : clients) {
                    for (long end = System.nanoTime() + warmupNanos; System.nanoTime() < end; ) {
                        op.step().run(client, worker);
                    }
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (Operation op : operations) {
                    for (int i = 0; i < names.size(); i++) {
                        System.out.println(measure(round, names.get(i), clients.get(i), pids.get(i), op, worker,
                                calls));
                    }
                }
            }
        } finally {
            clients.forEach(DynamoDbClient::close);
        }
    }

    private static String measure(int round, String name, DynamoDbClient client, long pid, Operation op,
            Worker worker, int calls) {
        for (int k = 0; k < Math.min(calls, 300); k++) {
            op.step().run(client, worker);
        }
        Map<String, Long> before = serverThreads(pid);
        long clientBefore = threadNanos(Path.of("/proc/thread-self"));
        long[] latencies = new long[calls];
        long start = System.nanoTime();
        for (int k = 0; k < calls; k++) {
            long t = System.nanoTime();
            op.step().run(client, worker);
            latencies[k] = System.nanoTime() - t;
        }
        double wall = (System.nanoTime() - start) / 1e3 / calls;
        long clientCpu = threadNanos(Path.of("/proc/thread-self")) - clientBefore;
        Map<String, Long> after = serverThreads(pid);
        Arrays.sort(latencies);
        StringBuilder line = new StringBuilder(Report.fmt("round %d %s %s: wall %.1f us, p50 %.1f us, client %.1f us;",
                round, name, op.wireName(), wall, latencies[calls / 2] / 1e3, clientCpu / 1e3 / calls));
        long total = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += used;
            if (used / calls >= 500) {
                line.append(Report.fmt(" %s %.1f", e.getKey(), used / 1e3 / calls));
            }
        }
        return line.append(Report.fmt("; server in all %.1f us", total / 1e3 / calls)).toString();
    }

    /** The CPU nanoseconds each group of the process's threads has used, by name without its digits. */
    private static Map<String, Long> serverThreads(long pid) {
        Map<String, Long> cpu = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[-#]?[0-9]+$", "");
                    cpu.merge(name, threadNanos(task), Long::sum);
                } catch (IOException | UncheckedIOException gone) {
                    // the thread ended between the listing and the reading: its CPU is no longer counted anywhere
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the threads of process " + pid, e);
        }
        return cpu;
    }

    /** The first field of a thread's {@code schedstat}: the nanoseconds it has run on a CPU. */
    private static long threadNanos(Path task) {
        try {
            return Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + task.resolve("schedstat"), e);
        }
    }
}
