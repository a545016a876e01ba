package dev.dynamotest.core.internal.server;

import java.io.PrintStream;
import java.util.function.Predicate;

/**
 * {@code System.err} as it is, less the lines a predicate names, for the duration of one action: how the notices of
 * SLF4J 1 and Javalin about a missing logger are kept off the console, since neither can be switched off (both print
 * each notice with one {@code println(String)}). Everything else, from any thread, passes through unchanged; after
 * the action the filter lets everything pass, even if someone kept a reference to it.
 */
final class FilteredStderr extends PrintStream {

    private final PrintStream target;
    private final Predicate<String> dropped;
    private volatile boolean active = true;

    private FilteredStderr(PrintStream target, Predicate<String> dropped) {
        super(target, true);
        this.target = target;
        this.dropped = dropped;
    }

    /** Runs the action with the lines that {@code dropped} accepts left out of {@code System.err}. */
    static void during(Predicate<String> dropped, Runnable action) {
        synchronized (FilteredStderr.class) {
            PrintStream original = System.err;
            FilteredStderr filtered = new FilteredStderr(original, dropped);
            System.setErr(filtered);
            try {
                action.run();
            } finally {
                filtered.active = false;
                if (System.err == filtered) {
                    System.setErr(original);
                }
            }
        }
    }

    @Override
    public void println(String line) {
        if (!active || line == null || !dropped.test(line)) {
            target.println(line);
        }
    }
}
