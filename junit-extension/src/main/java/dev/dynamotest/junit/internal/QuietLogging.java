package dev.dynamotest.junit.internal;

import java.io.PrintStream;
import org.slf4j.LoggerFactory;

/**
 * Keeps SLF4J quiet about a missing logger when the application has none, before the SDK's first client makes SLF4J
 * look for one: with SLF4J 2, the same defaults as the endpoint's start (no-operation logging, SLF4J's own notices at
 * WARN) unless set already; with SLF4J 1.7, which cannot be told to be quiet, SLF4J's first use happens here with
 * its "SLF4J: " lines left out of {@code System.err}. Nothing changes where the application has a logger (an SLF4J 2
 * provider or an SLF4J 1 binding).
 */
final class QuietLogging {

    private static final String PROVIDER_SERVICE = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";
    private static final String NOP_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";
    private static final String SLF4J1_BINDING = "org/slf4j/impl/StaticLoggerBinder.class";

    private QuietLogging() {
    }

    /** Applies the defaults; call before the first SDK client is built. */
    static void apply() {
        ClassLoader slf4j = LoggerFactory.class.getClassLoader() != null ? LoggerFactory.class.getClassLoader()
                : ClassLoader.getSystemClassLoader();
        if (slf4j.getResource(PROVIDER_SERVICE) != null) {
            return;
        }
        if (isPresent(NOP_PROVIDER, slf4j)) {
            setIfAbsent("slf4j.internal.verbosity", "WARN");
            setIfAbsent("slf4j.provider", NOP_PROVIDER);
        } else if (slf4j.getResource(SLF4J1_BINDING) == null) {
            initialiseWithoutNotices();
        }
    }

    /** SLF4J 1 reports a missing binding on its first use, once per JVM, with one println per line. */
    private static void initialiseWithoutNotices() {
        synchronized (QuietLogging.class) {
            PrintStream original = System.err;
            Filtered filtered = new Filtered(original);
            System.setErr(filtered);
            try {
                LoggerFactory.getILoggerFactory();
            } finally {
                filtered.active = false;
                if (System.err == filtered) {
                    System.setErr(original);
                }
            }
        }
    }

    private static boolean isPresent(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** {@code System.err} less SLF4J's own lines while active; other output, from any thread, passes through. */
    private static final class Filtered extends PrintStream {

        private final PrintStream target;
        private volatile boolean active = true;

        Filtered(PrintStream target) {
            super(target, true);
            this.target = target;
        }

        @Override
        public void println(String line) {
            if (!active || line == null || !line.startsWith("SLF4J: ")) {
                target.println(line);
            }
        }
    }
}
