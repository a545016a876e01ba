package dev.dynamotest.junit.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Runs fixture test classes through the Jupiter engine and reads what happened. */
public final class Fixtures {

    private Fixtures() {
    }

    public static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    public static EngineExecutionResults run(Map<String, String> configuration, Class<?>... classes) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter").configurationParameters(configuration);
        for (Class<?> c : classes) {
            builder.selectors(selectClass(c));
        }
        return builder.execute();
    }

    /** Fails with every fixture failure's stack trace unless all containers and tests passed. */
    public static void assertAllPassed(EngineExecutionResults results, long expectedTests) {
        List<Event> failures = results.allEvents().failed().list();
        if (!failures.isEmpty()) {
            throw new AssertionError("fixture failures:\n" + failures.stream()
                    .map(e -> e.getTestDescriptor().getDisplayName() + ": " + trace(e))
                    .collect(Collectors.joining("\n")));
        }
        long succeeded = results.testEvents().succeeded().count();
        if (succeeded != expectedTests) {
            throw new AssertionError("expected " + expectedTests + " passing fixture tests but " + succeeded + " passed");
        }
    }

    /** The failures of tests and containers, in order. */
    public static List<Throwable> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .toList();
    }

    /** The values fixture tests published under a key with {@code TestReporter}, in order. */
    public static List<String> published(EngineExecutionResults results, String key) {
        return results.allEvents().filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get(key))
                .filter(v -> v != null)
                .toList();
    }

    private static String trace(Event end) {
        TestExecutionResult result = end.getPayload(TestExecutionResult.class).orElseThrow();
        StringWriter out = new StringWriter();
        result.getThrowable().ifPresent(t -> t.printStackTrace(new PrintWriter(out)));
        return out.toString();
    }
}
