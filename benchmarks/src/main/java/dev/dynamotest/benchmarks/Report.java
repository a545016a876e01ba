package dev.dynamotest.benchmarks;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints the results folder of one run as Markdown tables: every operation on the floor, on ours and on
 * dynalite with the ratios ours/floor and ours/dynalite, resident memory, Query scaling, and the targets.
 *
 * <pre>{@code
 * java -cp dynamotest-benchmarks.jar dev.dynamotest.benchmarks.Report --in results
 * }</pre>
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] argv) {
        System.out.print(markdown(Results.read(Path.of(Args.parse(argv).text("in", "results")))));
    }

    /** The whole report of one run. */
    static String markdown(Results results) {
        StringBuilder out = new StringBuilder();
        workload(results, out);
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
