package dev.dynamotest.junit.internal;

import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.faults.Faults;
import dev.dynamotest.faults.SdkRetries;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.Isolation;
import dev.dynamotest.junit.RetryBackoff;
import dev.dynamotest.junit.Transport;
import dev.dynamotest.junit.internal.streams.FreshStreams;
import dev.dynamotest.junit.internal.streams.HandlerRegistry;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.regions.Region;

/**
 * One test class's endpoint, kept in the extension store of the outermost class so that JUnit closes it
 * after the class, whatever happened in it.
 */
@SuppressWarnings("deprecation")
public final class DynamoResource implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final Settings settings;
    private final Backend backend;
    private final Clients clients;
    private final TableSetup tables;
    private final DynamoHandle handle;
    private final HandlerRegistry handlers;
    private final AtomicInteger runningTests = new AtomicInteger();
    private volatile long resetMark;
    private volatile Runnable onClose = () -> { };

    private DynamoResource(Settings settings, Backend backend) {
        this.settings = settings;
        this.backend = backend;
        this.clients = new Clients(connection(settings, backend), Region.of(settings.region()), backend.credentials(),
                backend.clientInterceptors(), retries(settings.retryBackoff(), backend.clock()));
        this.tables = new TableSetup(backend);
        this.handlers = backend.engine() != null ? new HandlerRegistry(backend.engine(), settings.region()) : null;
        this.handle = new DynamoHandle(settings, backend, clients, handlers);
    }

    /**
     * How the injected clients wait between retries. In virtual time the Streams client waits on the clock too, with
     * its own SDK strategy. Without an engine clock (an endpoint elsewhere), virtual time falls back to the SDK's
     * real backoff. {@code NONE} drops the DynamoDB clients' waits only.
     */
    static Clients.Retries retries(RetryBackoff backoff, ControllableClock clock) {
        return switch (backoff) {
            case VIRTUAL_TIME -> clock == null ? Clients.Retries.SDK : new Clients.Retries(
                    SdkRetries.virtualTime(clock),
                    builder -> SdkRetries.virtualTime(clock, SdkRetries.dynamoDbStreamsDefaults()).accept(builder));
            case NONE -> new Clients.Retries(SdkRetries.withoutBackoff(), null);
            case SDK_DEFAULT -> Clients.Retries.SDK;
        };
    }

    /** In process to an engine in this JVM unless the settings ask for HTTP; over HTTP to an endpoint elsewhere. */
    private static Clients.Connection connection(Settings settings, Backend backend) {
        if (backend instanceof LocalBackend && settings.transport() == Transport.IN_PROCESS) {
            return Clients.Connection.inProcess(backend.engine());
        }
        return Clients.Connection.overHttp(backend::endpoint);
    }

    /** Starts the endpoint the settings describe in this JVM. */
    public static DynamoResource start(Settings settings) {
        return start(settings, key -> Optional.empty());
    }

    /**
     * Starts the endpoint the settings describe, and its DAX node if they ask for one at start, or, if they name an
     * endpoint elsewhere, prepares to use it with the parameters ({@code dynamotest.credentials}, ...) found through
     * {@code parameters} (a DAX node needs the engine in this JVM: {@code Dynamo.dax()} then fails saying so).
     */
    public static DynamoResource start(Settings settings, Function<String, Optional<String>> parameters) {
        if (settings.remote()) {
            SpareEndpoint.discard();
            RemoteTarget target = RemoteTarget.resolve(settings.remoteEndpoint(), parameters);
            Settings remote = target.region() != null ? settings.withRegion(target.region()) : settings;
            return new DynamoResource(remote, new RemoteBackend(target, remote.region()));
        }
        SdkWarmUp.start();
        LocalBackend backend = SpareEndpoint.claim(settings).orElseGet(() -> LocalBackend.start(settings));
        DynamoResource resource = new DynamoResource(settings, backend);
        if (settings.daxAtStart()) {
            try {
                resource.handle.dax();
            } catch (RuntimeException e) {
                resource.close();
                throw e;
            }
        }
        return resource;
    }

    public Settings settings() {
        return settings;
    }

    public Backend backend() {
        return backend;
    }

    public Dynamo handle() {
        return handle;
    }

    public Clients clients() {
        return clients;
    }

    /**
     * Before a class: creates the declared tables that are missing and seeds those. The endpoint is new (or,
     * with a database file, holds what an earlier run left), so nothing else needs resetting.
     */
    public void prepareClass(Declarations declarations) {
        tables.ensure(declarations);
    }

    /** Before a test method; returns the journal mark from which the method's requests count. */
    public long startTest(Declarations declarations, String testName) {
        if (runningTests.incrementAndGet() > 1 && settings.isolation() == Isolation.PER_METHOD) {
            runningTests.decrementAndGet();
            throw new MisuseException(testName + " runs while another test method of its class is running, "
                    + "but each method resets the class's endpoint; run the class's methods one at a time "
                    + "(@Execution(ExecutionMode.SAME_THREAD)) or share the state (isolation = PER_CLASS)");
        }
        try {
            if (handlers != null) {
                handlers.startTest();
            }
            if (settings.isolation() == Isolation.PER_METHOD) {
                resetClock();
                resetReplication();
                if (backend.engine() != null) {
                    FreshStreams.renew(backend.engine());
                }
                tables.reset(declarations, resetMark);
                resetMark = backend.journal().mark();
                handle.startTest();
            } else {
                tables.ensure(declarations);
            }
        } catch (RuntimeException e) {
            runningTests.decrementAndGet();
            throw e;
        }
        long mark = backend.journal().mark();
        handle.markRequests(mark);
        return mark;
    }

    /** The fault rules: the engine's, or for an endpoint elsewhere those the injected clients apply. */
    public Faults faults() {
        return backend.faults();
    }

    public void finishTest() {
        try {
            if (handlers != null) {
                handlers.finishTest();
            }
        } finally {
            runningTests.decrementAndGet();
        }
    }

    /** Lifts replication pauses and delays and ends region outages, so each test starts with replication on. */
    private void resetReplication() {
        if (backend.engine() != null) {
            backend.engine().regions().endOutages();
            backend.engine().replication().reset();
        }
    }

    private void resetClock() {
        if (backend.clock() != null) {
            backend.clock().reset();
        }
    }

    /** Runs {@code action} when the endpoint closes, after the earlier actions. */
    void whenClosed(Runnable action) {
        Runnable earlier = onClose;
        onClose = () -> {
            earlier.run();
            action.run();
        };
    }

    @Override
    public void close() {
        onClose.run();
        try {
            if (handlers != null) {
                handlers.close();
            }
            try {
                handle.close();
            } finally {
                clients.close();
            }
        } finally {
            backend.close();
        }
    }
}
