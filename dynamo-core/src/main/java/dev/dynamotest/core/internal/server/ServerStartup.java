package dev.dynamotest.core.internal.server;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * What the HTTP server's start needs besides Javalin's own configuration: a Jetty default that spares it the
 * JMX platform server (a few hundred classes on a cold start), and silence about a missing logger when the
 * application has no SLF4J provider (Javalin prints a banner, SLF4J a warning), with SLF4J 2 as with SLF4J 1.7.
 * Nothing changes where the user set these properties or has a logger (an SLF4J 2 provider or an SLF4J 1 binding).
 */
final class ServerStartup {

    private static final String PROVIDER_SERVICE = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";
    private static final String NOP_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";
    private static final String NOP_PROVIDER_SERVICE = "dev/dynamotest/core/internal/server/nop-slf4j-provider";
    /** The class an SLF4J 1 binding provides; SLF4J 1 warns (unconditionally) when there is none. */
    private static final String SLF4J1_BINDING = "org/slf4j/impl/StaticLoggerBinder.class";
    private static final String SLF4J1_NOTICE = "SLF4J: ";
    private static final String JAVALIN_NOTICE = "It looks like you don't have a logger";
    private static final AtomicBoolean SLF4J1_INITIALISED = new AtomicBoolean();
    /**
     * Jetty pads some arrays to a cache line and asks JMX whether references are compressed to size them; they
     * are by default (heaps under 32 GB), and a wrong guess costs a little padding, never correctness.
     */
    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private ServerStartup() {
    }

    /** Sets the defaults; call before the first use of Javalin. */
    static void prepare() {
        setIfAbsent(REFERENCES_PER_CACHE_LINE, "16");
        if (slf4j1WithoutBinding()) {
            // SLF4J 1 reports the missing binding on its first use, once per JVM: that use is made here
            if (!SLF4J1_INITIALISED.getAndSet(true)) {
                FilteredStderr.during(line -> line.startsWith(SLF4J1_NOTICE), LoggerFactory::getILoggerFactory);
            }
        } else if (!hasLogger()) {
            setIfAbsent("slf4j.internal.verbosity", "WARN");
            setIfAbsent("slf4j.provider", NOP_PROVIDER);
        }
    }

    /** Runs the server's start so that Javalin finds a (no-operation) logger if the application has none. */
    static void start(Runnable start) {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        if (slf4j1WithoutBinding()) {
            // Javalin looks for an SLF4J 2 provider or SLF4J 1's simple binding, and prints its banner otherwise
            FilteredStderr.during(line -> line.contains(JAVALIN_NOTICE), start);
            return;
        }
        if (hasLogger()) {
            start.run();
            return;
        }
        thread.setContextClassLoader(new NopProviderLoader(original != null ? original
                : ServerStartup.class.getClassLoader()));
        try {
            start.run();
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    /**
     * Runs the server's creation on a daemon thread and waits for it. Javalin starts a watchdog thread when it
     * creates its Jetty server (to warn about a server never started), and that thread, a non-daemon one unless its
     * creator is a daemon, would hold the JVM open for seconds after the last test: a test run would end late.
     */
    static <T> T onDaemonThread(Supplier<T> creation) {
        AtomicReference<T> created = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                created.set(creation.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "dynamotest-server-create");
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return created.get();
    }

    /** Whether there is a logger, or an SLF4J older than 2 (whose no-operation provider this cannot name). */
    private static boolean hasLogger() {
        try {
            Class.forName(NOP_PROVIDER, false, ServerStartup.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return true;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return ServerStartup.class.getClassLoader().getResource(PROVIDER_SERVICE) != null
                || context != null && !(context instanceof NopProviderLoader) && context.getResource(PROVIDER_SERVICE) != null;
    }

    /**
     * Whether SLF4J is older than 2 and the application has no logger: no SLF4J 1 binding, and no SLF4J 2 provider
     * either (with one, SLF4J 1's warning is the only sign that the application's logging is lost, and stays).
     */
    private static boolean slf4j1WithoutBinding() {
        ClassLoader slf4j = LoggerFactory.class.getClassLoader() != null ? LoggerFactory.class.getClassLoader()
                : ClassLoader.getSystemClassLoader();
        try {
            Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, slf4j);
            return false;
        } catch (ClassNotFoundException | LinkageError e) {
            return slf4j.getResource(SLF4J1_BINDING) == null && slf4j.getResource(PROVIDER_SERVICE) == null;
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** A class loader that also lists SLF4J's no-operation provider as a service, for Javalin's logger check. */
    private static final class NopProviderLoader extends ClassLoader {

        NopProviderLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.equals(PROVIDER_SERVICE)) {
                URL nop = ServerStartup.class.getClassLoader().getResource(NOP_PROVIDER_SERVICE);
                return Collections.enumeration(nop == null ? List.of() : List.of(nop));
            }
            return super.getResources(name);
        }
    }
}
