package dev.dynamotest.junit.internal.streams;

import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.StreamListener;
import dev.dynamotest.core.model.TableStream;
import dev.dynamotest.junit.EventSourceMapping;
import dev.dynamotest.junit.StreamHandler;
import dev.dynamotest.junit.StreamHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;

/**
 * The stream handlers of one endpoint: registers them, removes those of a test when it ends, waits for all of
 * them to catch up, and listens to the engine's streams (only while it has handlers) to wake them.
 */
public final class HandlerRegistry implements StreamHandlers, AutoCloseable {

    private final DynamoEngine engine;
    private final String defaultRegion;
    private final List<ShardPoller> pollers = new CopyOnWriteArrayList<>();
    private final ThreadLocal<List<ShardPoller>> testScope = new ThreadLocal<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StreamListener listener = record -> pollers.forEach(p -> p.onRecord(record));
    private boolean listening;

    public HandlerRegistry(DynamoEngine engine, String defaultRegion) {
        this.engine = engine;
        this.defaultRegion = defaultRegion;
    }

    @Override
    public EventSourceMapping onTable(String tableName) {
        return new MappingBuilder(this, MappingOptions.defaults(defaultRegion,
                Objects.requireNonNull(tableName, "tableName")));
    }

    @Override
    public EventSourceMapping onTable(Region region, String tableName) {
        return new MappingBuilder(this, MappingOptions.defaults(Objects.requireNonNull(region, "region").id(),
                Objects.requireNonNull(tableName, "tableName")));
    }

    @Override
    public List<StreamHandler> handlers() {
        return List.copyOf(pollers);
    }

    StreamHandler register(MappingOptions options, Invoker invoker) {
        String where = "table " + options.tableName() + " (" + options.region() + ")";
        if (engine.tables().find(options.region(), options.tableName()).isEmpty()) {
            throw new IllegalArgumentException("Cannot register a stream handler: " + where + " does not exist");
        }
        TableStream stream = engine.tableStreams().latest(options.region(), options.tableName())
                .filter(s -> s.status().equals("ENABLED"))
                .orElseThrow(() -> new IllegalArgumentException("Cannot register a stream handler: " + where
                        + " has no stream enabled; declare it with @DynamoTable(stream = ...) or enable one with "
                        + "UpdateTable's StreamSpecification"));
        int id = ids.incrementAndGet();
        String functionName = options.functionName() != null ? options.functionName() : "stream-handler-" + id;
        String functionArn = "arn:aws:lambda:" + options.region() + ":" + engine.config().accountId()
                + ":function:" + functionName;
        long checkpoint = options.startingPosition() == EventSourceMapping.StartingPosition.LATEST
                ? engine.changes().lastSequence() : -1;
        synchronized (this) {
            if (!listening) {
                engine.tableStreams().addListener(listener);
                listening = true;
            }
        }
        ShardPoller poller = new ShardPoller(options, functionName, functionArn, engine.tableStreams(), engine.clock(),
                stream.streamArn(), checkpoint, invoker, this::removed);
        pollers.add(poller);
        List<ShardPoller> scope = testScope.get();
        if (scope != null) {
            scope.add(poller);
        }
        poller.start();
        return poller;
    }

    /** From now until {@link #finishTest()} on this thread, registered handlers belong to the running test. */
    public void startTest() {
        testScope.set(new ArrayList<>());
    }

    /** Removes the handlers the test on this thread registered. */
    public void finishTest() {
        List<ShardPoller> scope = testScope.get();
        testScope.remove();
        if (scope != null) {
            scope.forEach(ShardPoller::remove);
        }
    }

    @Override
    public void awaitQuiet() {
        awaitQuiet(DEFAULT_QUIET_TIMEOUT);
    }

    @Override
    public void awaitQuiet(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        List<ShardPoller> waitingFor = List.copyOf(pollers);
        waitingFor.forEach(p -> p.flush(true));
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                List<ShardPoller> busy = waitingFor.stream().filter(p -> !p.quiet()).toList();
                if (busy.isEmpty()) {
                    return;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw notQuiet(busy, timeout);
                }
                LockSupport.parkNanos(1_000_000);
            }
        } finally {
            waitingFor.forEach(p -> p.flush(false));
        }
    }

    private static AssertionError notQuiet(List<ShardPoller> busy, Duration timeout) {
        String lines = busy.stream().map(p -> "  " + p.description() + ": " + p.status())
                .collect(Collectors.joining("\n"));
        AssertionError error = new AssertionError("Stream handlers have not caught up within " + timeout.toMillis()
                + " ms:\n" + lines);
        busy.stream().map(ShardPoller::lastError).filter(Objects::nonNull).findFirst().ifPresent(error::initCause);
        return error;
    }

    private void removed(ShardPoller poller) {
        pollers.remove(poller);
        synchronized (this) {
            if (pollers.isEmpty() && listening) {
                engine.tableStreams().removeListener(listener);
                listening = false;
            }
        }
    }

    @Override
    public void close() {
        List.copyOf(pollers).forEach(ShardPoller::remove);
    }
}
