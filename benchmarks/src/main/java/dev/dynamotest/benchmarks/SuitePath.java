package dev.dynamotest.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dynamotest.benchmarks.SuiteCalls.Call;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.io.PrintWriter;
import java.util.function.Predicate;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The suite path of issue 19: in this (fresh) JVM, runs {@code --classes} {@code @DynamoTest} classes in turn
 * through JUnit's launcher, as a build tool does, each with its own engine and declared table, each doing three
 * rounds of {@code --calls} PutItems, GetItems, Queries and UpdateItems through its injected client
 * ({@link SuiteClasses}), with the injected clients in process or over HTTP ({@code --transport}). Appends to
 * {@code OUT/suite.csv} the median and 90th percentile per call by operation and round, over all classes, and the
 * process's CPU time per call (all threads, so JIT, GC and the HTTP server's share too: a figure that a loaded machine
 * disturbs less than latency), and the median over the classes of the first call of a class (round 1) and of its tenth.
 *
 * <pre>{@code
 * java -cp dynamotest-benchmarks.jar dev.dynamotest.benchmarks.SuitePath --transport IN_PROCESS --out results \
 *     [--classes 30] [--calls 100]
 * }</pre>
 */
public final class SuitePath {

    static final String RESULTS = "suite.csv";
    static final String HEADER = "transport,operation,round,calls,p50_us,p90_us,cpu_us,first_us,tenth_us,suite_s";

    private SuitePath() {
    }

    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        String transport = args.text("transport", "IN_PROCESS");
        String prefix = switch (transport) {
            case "IN_PROCESS" -> "InProcess";
            case "HTTP" -> "Http";
            default -> throw new IllegalArgumentException("--transport is IN_PROCESS or HTTP, not " + transport);
        };
        int classes = (int) args.number("classes", SuiteClasses.CLASSES);
        if (classes < 1 || classes > SuiteClasses.CLASSES) {
            throw new IllegalArgumentException("--classes is 1 to " + SuiteClasses.CLASSES);
        }
        int calls = (int) args.number("calls", 100);
        if (calls < 10) {
            throw new IllegalArgumentException("--calls is at least 10 (the tenth call is reported)");
        }
        SuiteCalls.callsPerRound(calls);
        List<ClassSelector> selectors = new ArrayList<>();
        for (int i = 1; i <= classes; i++) {
            selectors.add(selectClass(String.format(Locale.ROOT, "%s$%s%02d", SuiteClasses.class.getName(),
                    prefix, i)));
        }
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long start = System.nanoTime();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                    .configurationParameter("junit.jupiter.testclass.order.default",
                            "org.junit.jupiter.api.ClassOrderer$ClassName")
                    .build(), listener);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() != 3L * classes) {
            summary.printFailuresTo(new PrintWriter(System.err, true), 20);
            throw new IllegalStateException(summary.getTestsSucceededCount() + " of " + 3 * classes
                    + " test methods passed");
        }
        List<Call> all = SuiteCalls.drain();
        List<SuiteCalls.Block> blocks = SuiteCalls.blocks();
        ResultFile results = new ResultFile(Path.of(args.text("out", "results")).resolve(RESULTS), HEADER);
        for (String operation : SuiteCalls.OPERATIONS) {
            for (int round = 1; round <= 3; round++) {
                int r = round;
                Latencies latencies = latencies(all, c -> c.operation().equals(operation) && c.round() == r);
                Latencies first = latencies(all, c -> c.operation().equals(operation) && c.round() == 1
                        && c.index() == 0);
                Latencies tenth = latencies(all, c -> c.operation().equals(operation) && c.round() == 1
                        && c.index() == 9);
                long cpu = blocks.stream().filter(b -> b.operation().equals(operation) && b.round() == r)
                        .mapToLong(SuiteCalls.Block::cpuNanos).sum();
                String line = String.format(Locale.ROOT, "%s,%s,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.2f", transport,
                        operation, round, latencies.count(), latencies.percentile(0.5) / 1e3,
                        latencies.percentile(0.9) / 1e3, cpu / 1e3 / Math.max(latencies.count(), 1),
                        first.percentile(0.5) / 1e3, tenth.percentile(0.5) / 1e3, seconds);
                results.append(line);
                System.out.println(line);
            }
        }
        System.exit(0);
    }

    private static Latencies latencies(List<Call> calls, Predicate<Call> which) {
        Latencies latencies = new Latencies(calls.size());
        calls.stream().filter(which).forEach(c -> latencies.add(c.nanos()));
        return latencies;
    }
}
