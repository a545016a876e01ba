package dev.dynamotest.junit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One endpoint per JVM started ahead of time with the default settings, while JUnit is still discovering the tests,
 * so that the first {@code @DynamoTest} class finds its endpoint up (or nearly) instead of paying a cold start. The
 * first class whose settings it fits takes it; a class with other settings, or the end of the launcher session,
 * closes it.
 */
final class SpareEndpoint {

    /**
     * Turns the head start off: {@code dynamotest.prestart=false} in {@code junit-platform.properties}, as a system
     * property, or {@code DYNAMOTEST_PRESTART=false} in the environment.
     */
    static final String PRESTART = "dynamotest.prestart";

    static final Settings DEFAULTS = Settings.defaults();

    private static final Object LOCK = new Object();
    private static CompletableFuture<LocalBackend> spare;

    private SpareEndpoint() {
    }

    /** Whether the head start is wanted: not turned off, and no other endpoint named for the tests. */
    static boolean wanted() {
        Properties platform = platformProperties();
        return !parameter(PRESTART, platform).filter("false"::equalsIgnoreCase).isPresent()
                && parameter(ExtensionOptions.ENDPOINT_PROPERTY, platform).isEmpty();
    }

    /** Starts the spare endpoint on a thread of its own, unless one is there already. */
    static void prestart() {
        CompletableFuture<LocalBackend> started = new CompletableFuture<>();
        synchronized (LOCK) {
            if (spare != null) {
                return;
            }
            spare = started;
        }
        Thread thread = new Thread(() -> {
            try {
                started.complete(LocalBackend.start(DEFAULTS));
            } catch (Throwable t) {
                started.completeExceptionally(t);
            }
        }, "dynamotest-prestart");
        thread.setDaemon(true);
        thread.start();
        SdkWarmUp.start();
    }

    /**
     * Takes the spare endpoint if there is one and it fits the settings, waiting for the rest of its start if need
     * be. A spare that does not fit is closed; a spare that failed to start is ignored (the ordinary start that
     * follows reports the failure).
     */
    static Optional<LocalBackend> claim(Settings settings) {
        CompletableFuture<LocalBackend> taken = take();
        if (taken == null) {
            return Optional.empty();
        }
        if (!fits(settings)) {
            closeWhenStarted(taken);
            return Optional.empty();
        }
        try {
            return Optional.of(taken.join());
        } catch (CompletionException | CancellationException e) {
            return Optional.empty();
        }
    }

    /** Closes the spare endpoint if nobody took it. */
    static void discard() {
        CompletableFuture<LocalBackend> taken = take();
        if (taken != null) {
            closeWhenStarted(taken);
        }
    }

    /** The spare endpoint's start, if there is a spare that nobody has taken. */
    static Optional<CompletableFuture<LocalBackend>> pending() {
        synchronized (LOCK) {
            return Optional.ofNullable(spare);
        }
    }

    /** Whether an endpoint started with the defaults is the endpoint these settings ask for. */
    static boolean fits(Settings settings) {
        return !settings.remote()
                && settings.region().equals(DEFAULTS.region())
                && settings.engine() == null
                && settings.host().equals(DEFAULTS.host())
                && settings.port() == 0
                && settings.capacity() == DEFAULTS.capacity();
    }

    private static CompletableFuture<LocalBackend> take() {
        synchronized (LOCK) {
            CompletableFuture<LocalBackend> taken = spare;
            spare = null;
            return taken;
        }
    }

    private static void closeWhenStarted(CompletableFuture<LocalBackend> taken) {
        taken.thenAccept(LocalBackend::close);
    }

    /**
     * A parameter as the extension reads it, except that of JUnit's configuration only the class path's
     * {@code junit-platform.properties} can be read this early.
     */
    private static Optional<String> parameter(String name, Properties platform) {
        return ExtensionOptions.parameter(name, key -> Optional.ofNullable(platform.getProperty(key)));
    }

    private static Properties platformProperties() {
        Properties properties = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = (loader != null ? loader : SpareEndpoint.class.getClassLoader())
                .getResource("junit-platform.properties");
        if (url != null) {
            try (InputStream in = url.openStream()) {
                properties.load(in);
            } catch (IOException e) {
                // JUnit reports an unreadable file itself; without it the defaults hold
            }
        }
        return properties;
    }
}
