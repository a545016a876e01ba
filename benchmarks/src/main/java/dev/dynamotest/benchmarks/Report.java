package dev.dynamotest.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints the results folder of one run as Markdown tables: every operation on the floor, on ours and on
 * dynalite with the ratios ours/floor and ours/dynalite, the in-process endpoint beside them, the suite path, the
 * SDK's HTTP clients side by side, resident memory, Query scaling, and the targets.
 *
 * <pre>{@code
 * java -cp dynamotest-benchmarks.jar dev.dynamotest.benchmarks.Report --in results
 * }</pre>
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] argv) {
        Path folder = Path.of(Args.parse(argv).text("in", "results"));
        System.out.print(markdown(folder));
    }

    /** The whole report of the run whose files are in the folder. */
    static String markdown(Path folder) {
        Results results = Results.read(folder);
        StringBuilder out = new StringBuilder();
        workload(results, out);
        inProcess(results, out);
        suitePath(new ResultFile(folder.resolve(SuitePath.RESULTS), SuitePath.HEADER).lines(), out);
        httpClients(new ResultFile(folder.resolve(HttpClients.RESULTS), HttpClients.HEADER).lines(), out);
        memory(results, out);
        heap(results, out);
        scale(results, out);
        out.append(new TargetCheck(results).markdown());
        return out.toString();
    }

    /** The workload table; with an {@code ours-db} endpoint in the run, its columns too, beside ours. */
    private static void workload(Results r, StringBuilder out) {
        boolean file = r.has(Results.OURS_DB);
        String[] endpoints = file ? new String[] {Results.FLOOR, Results.OURS, Results.OURS_DB, Results.DYNALITE}
                : new String[] {Results.FLOOR, Results.OURS, Results.DYNALITE};
        out.append("| operation | threads");
        for (String endpoint : endpoints) {
            String name = endpoint.equals(Results.OURS_DB) ? "ours --db" : endpoint;
            out.append(" | ").append(name).append(" ops/s | ").append(name).append(" p50 / p99 ms");
        }
        out.append(" | ours/floor").append(file ? " | ours --db/floor" : "").append(" | ours/dynalite |\n|---|---:");
        out.append("|---:|---:".repeat(endpoints.length)).append("|---:|---:").append(file ? "|---:" : "").append("|\n");
        for (String op : r.operations()) {
            for (int threads : r.threadCounts()) {
                out.append("| ").append(op).append(" | ").append(threads);
                for (String endpoint : endpoints) {
                    Optional<Measurement> m = r.find(endpoint, op, threads);
                    out.append(" | ").append(m.map(Report::opsPerSecond).orElse("–"));
                    out.append(" | ").append(m.filter(x -> x.ops() > 0)
                            .map(x -> fmt("%.2f / %.2f", x.p50Nanos() / 1e6, x.p99Nanos() / 1e6)).orElse("–"));
                }
                out.append(" | ").append(ratio(r.ratio(Results.OURS, Results.FLOOR, op, threads)));
                if (file) {
                    out.append(" | ").append(ratio(r.ratio(Results.OURS_DB, Results.FLOOR, op, threads)));
                }
                out.append(" | ").append(ratio(r.ratio(Results.OURS, Results.DYNALITE, op, threads)));
                out.append(" |\n");
            }
        }
    }

    /**
     * The in-process endpoint (an engine in the Workload's JVM, its SDK client on {@code engine.sdkHttpClient()})
     * against the floor and ours over HTTP, with issue 19's targets: GetItem and PutItem at least 3x the floor at
     * one thread, UpdateItem 2x, Query 2x ours over HTTP, GetItem 2x the floor at 8 threads.
     */
    private static void inProcess(Results r, StringBuilder out) {
        if (r.workload().stream().noneMatch(m -> m.endpoint().equals(Results.IN_PROCESS))) {
            return;
        }
        out.append("\n| operation | threads | in-process ops/s | in-process p50 / p99 ms | in-process/floor "
                + "| in-process/ours | target (issue 19) |\n|---|---:|---:|---:|---:|---:|---|\n");
        for (String op : r.operations()) {
            for (int threads : r.threadCounts()) {
                Optional<Measurement> m = r.find(Results.IN_PROCESS, op, threads);
                if (m.isEmpty()) {
                    continue;
                }
                out.append(fmt("| %s | %d | %s | %s | %s | %s | %s |%n", op, threads, opsPerSecond(m.get()),
                        m.filter(x -> x.ops() > 0)
                                .map(x -> fmt("%.3f / %.3f", x.p50Nanos() / 1e6, x.p99Nanos() / 1e6)).orElse("–"),
                        ratio(r.ratio(Results.IN_PROCESS, Results.FLOOR, op, threads)),
                        ratio(r.ratio(Results.IN_PROCESS, Results.OURS, op, threads)),
                        inProcessTarget(op, threads)));
            }
        }
    }

    private static String inProcessTarget(String op, int threads) {
        if (threads == 1) {
            return switch (op) {
                case "GetItem", "PutItem" -> "≥ 3 x floor";
                case "UpdateItem" -> "≥ 2 x floor";
                case "Query" -> "≥ 2 x ours";
                default -> "";
            };
        }
        return op.equals("GetItem") && threads == 8 ? "≥ 2 x floor" : "";
    }

    /** The suite path ({@link SuitePath}): per call by operation and round, in process and over HTTP. */
    static void suitePath(List<String> lines, StringBuilder out) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("\nThe suite path: a fresh JVM runs 30 @DynamoTest classes in turn (JUnit's launcher), each with its "
                + "own engine and table, three rounds (test methods) of 100 calls of each operation through the "
                + "injected DynamoDbClient; each line is one such JVM. CPU is the whole process's per call (JIT, GC "
                + "and, over HTTP, the server's share included). Targets (issue 19): PutItem, GetItem and UpdateItem "
                + "at most 0.12 ms median per call from round 1 on; the first call of a class at most 2x its tenth.\n\n"
                + "| transport | operation | round | calls | p50 ms | p90 ms | CPU ms per call | first call ms "
                + "| tenth call ms | first/tenth | suite s |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String line : lines) {
            String[] f = line.split(",");
            double first = Double.parseDouble(f[7]);
            double tenth = Double.parseDouble(f[8]);
            out.append(fmt("| %s | %s | %s | %s | %.3f | %.3f | %.3f | %s | %s | %s | %s |%n", f[0], f[1], f[2], f[3],
                    Double.parseDouble(f[4]) / 1e3, Double.parseDouble(f[5]) / 1e3, Double.parseDouble(f[6]) / 1e3,
                    f[2].equals("1") ? fmt("%.3f", first / 1e3) : "", f[2].equals("1") ? fmt("%.3f", tenth / 1e3) : "",
                    f[2].equals("1") && tenth > 0 ? fmt("%.1f", first / tenth) : "", f[9]));
        }
    }

    /** The SDK's HTTP clients side by side ({@link HttpClients}). */
    static void httpClients(List<String> lines, StringBuilder out) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("\nHTTP clients over HTTP, one thread, the clients taking turns (extension: the injected "
                + "clients' own, Clients.httpClient; the others with their defaults):\n\n"
                + "| endpoint | HTTP client | operation | calls | p50 ms | p90 ms | connections closed per 1000 calls |\n"
                + "|---|---|---|---:|---:|---:|---:|\n");
        for (String line : lines) {
            String[] f = line.split(",");
            out.append(fmt("| %s | %s | %s | %s | %.3f | %.3f | %s |%n", f[0], f[1], f[2], f[3],
                    Double.parseDouble(f[4]) / 1e3, Double.parseDouble(f[5]) / 1e3, f[6]));
        }
    }

    private static void memory(Results r, StringBuilder out) {
        if (r.memory().isEmpty()) {
            return;
        }
        out.append("\n| endpoint | when | items stored | VmRSS MB | VmRSS bytes per item |\n|---|---|---:|---:|---:|\n");
        for (MemoryReading m : r.memory()) {
            out.append(fmt("| %s | %s | %d | %.0f | %d |%n", m.endpoint(), m.moment(), m.items(), m.rssKb() / 1024.0,
                    m.bytesPerItem()));
        }
    }

    private static void heap(Results r, StringBuilder out) {
        if (r.heap().isEmpty()) {
            return;
        }
        out.append("\n| in process: items stored | heap in use after a full GC, MB | heap bytes per item |\n"
                + "|---:|---:|---:|\n");
        for (HeapReading h : r.heap()) {
            out.append(fmt("| %d | %.0f | %d |%n", h.items(), h.heapBytes() / 1024.0 / 1024.0, h.bytesPerItem()));
        }
    }

    private static void scale(Results r, StringBuilder out) {
        if (r.scale().isEmpty()) {
            return;
        }
        out.append("\n| endpoint | items in table | items loaded before: s (items/s, 8 threads) | operation | ops/s | p50 ms | p99 ms |\n"
                + "|---|---:|---:|---|---:|---:|---:|\n");
        for (ScaleMeasurement s : r.scale()) {
            Measurement m = s.measurement();
            out.append(fmt("| %s | %d | %d: %.1f (%.0f) | %s | %.0f | %.2f | %.2f |%n", m.endpoint(), s.items(),
                    s.loadedItems(), s.loadSeconds(), s.loadRate(), m.operation(),
                    m.opsPerSecond(), m.p50Nanos() / 1e6, m.p99Nanos() / 1e6));
        }
    }

    /** Ops/s, or "fails" when every call failed (dynalite has no TransactWriteItems), with any errors counted. */
    private static String opsPerSecond(Measurement m) {
        if (m.ops() == 0 && m.errors() > 0) {
            return "fails";
        }
        return fmt("%.0f", m.opsPerSecond()) + (m.errors() > 0 ? fmt(" (%d errors)", m.errors()) : "");
    }

    private static String ratio(Optional<Double> ratio) {
        return ratio.map(x -> fmt("%.2f", x)).orElse("–");
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
