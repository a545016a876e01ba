package dev.dynamotest.benchmarks;

import static dev.dynamotest.benchmarks.Report.fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges one run's results against the performance targets of issues 4 and 19, each as met, missed or not measured.
 */
final class TargetCheck {

    static final List<String> SINGLE_ITEM = List.of("PutItem", "GetItem", "UpdateItem");
    static final double FLOOR_RATIO = 0.90;
    /** Three times what DynamoDB Local reaches single-threaded with this workload, per the issue. */
    static final Map<String, Double> THREE_TIMES_LOCAL = Map.of("Query", 3 * 375.0, "Scan", 3 * 40.0,
            "BatchWriteItem", 3 * 195.0);
    static final double FLAT = 1.5;
    /** Issue 19's targets over HTTP at one thread: ours/floor ops/s at least this. */
    static final Map<String, Double> HTTP_ONE_THREAD = Map.of("UpdateItem", 0.80, "PutItem", 0.90, "GetItem", 0.90,
            "Query", 0.85, "Scan", 0.85, "BatchWriteItem", 0.85);

    private final Results results;

    TargetCheck(Results results) {
        this.results = results;
    }

    String markdown() {
        StringBuilder out = new StringBuilder("\n| target | measured | verdict |\n|---|---|---|\n");
        for (String op : SINGLE_ITEM) {
            for (int threads : results.threadCounts()) {
                Optional<Double> r = results.ratio(Results.OURS, Results.FLOOR, op, threads);
                row(out, op + " x" + threads + " within 10% of the floor (ours/floor >= 0.90)",
                        r.map(x -> fmt("%.2f", x)), r.map(x -> x >= FLOOR_RATIO));
            }
        }
        List<String> slower = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        boolean any = false;
        for (String op : results.operations()) {
            for (int threads : results.threadCounts()) {
                Optional<Double> r = results.ratio(Results.OURS, Results.DYNALITE, op, threads);
                any |= r.isPresent();
                r.filter(x -> x <= 1).ifPresent(x -> slower.add(op + " x" + threads + " " + fmt("%.2f", x)));
                results.find(Results.DYNALITE, op, threads).filter(m -> m.ops() == 0 && m.errors() > 0)
                        .ifPresent(m -> unsupported.add(op + " x" + threads));
            }
        }
        String measured = (slower.isEmpty() ? "all faster" : "not faster: " + String.join(", ", slower))
                + (unsupported.isEmpty() ? "" : "; dynalite fails " + String.join(", ", unsupported));
        row(out, "every operation faster than dynalite (ours/dynalite > 1)",
                any ? Optional.of(measured) : Optional.empty(), any ? Optional.of(slower.isEmpty()) : Optional.empty());
        THREE_TIMES_LOCAL.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Optional<Measurement> m = results.find(Results.OURS, e.getKey(), 1);
            row(out, fmt("%s x1 at least 3x DynamoDB Local (>= %.0f/s)", e.getKey(), e.getValue()),
                    m.map(x -> fmt("%.0f/s", x.opsPerSecond())), m.map(x -> x.opsPerSecond() >= e.getValue()));
        });
        HTTP_ONE_THREAD.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Optional<Double> r = results.ratio(Results.OURS, Results.FLOOR, e.getKey(), 1);
            row(out, fmt("%s x1 over HTTP, ours/floor >= %.2f (issue 19)", e.getKey(), e.getValue()),
                    r.map(x -> fmt("%.2f", x)), r.map(x -> x >= e.getValue()));
        });
        scaling(out);
        return out.toString();
    }

    /** Query(100)'s median at the largest table against the smallest, and Query(100) against Query(10). */
    private void scaling(StringBuilder out) {
        List<ScaleMeasurement> q100 = results.scale().stream()
                .filter(s -> s.measurement().operation().equals("Query(100)")).toList();
        List<ScaleMeasurement> q10 = results.scale().stream()
                .filter(s -> s.measurement().operation().equals("Query(10)")).toList();
        if (q100.size() < 2 || q10.isEmpty()) {
            row(out, "Query cost follows the page, not the table size", Optional.empty(), Optional.empty());
            return;
        }
        ScaleMeasurement small = q100.get(0);
        ScaleMeasurement large = q100.get(q100.size() - 1);
        double sizeRatio = (double) large.measurement().p50Nanos() / small.measurement().p50Nanos();
        double pageRatio = (double) large.measurement().p50Nanos() / q10.get(q10.size() - 1).measurement().p50Nanos();
        row(out, fmt("Query(100) p50 at %d items / at %d items <= %.1f", large.items(), small.items(), FLAT),
                Optional.of(fmt("%.2f", sizeRatio)), Optional.of(sizeRatio <= FLAT));
        row(out, fmt("Query p50 grows with the page: Query(100) / Query(10) at %d items > 1", large.items()),
                Optional.of(fmt("%.2f", pageRatio)), Optional.of(pageRatio > 1));
    }

    private static void row(StringBuilder out, String target, Optional<String> measured, Optional<Boolean> met) {
        out.append("| ").append(target).append(" | ").append(measured.orElse("–")).append(" | ")
                .append(met.map(x -> x ? "met" : "**missed**").orElse("not measured")).append(" |\n");
    }
}
