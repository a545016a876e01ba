package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.DynamoServer;
import dev.dynamotest.core.EngineConfig;
import dev.dynamotest.core.RequestInterceptor;
import dev.dynamotest.core.Table;
import dev.dynamotest.core.model.AttributeValue;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An engine and its HTTP endpoint in this JVM, with a journal of the requests it serves. */
public final class LocalBackend implements Backend {

    private final ControllableClock clock;
    private final DynamoEngine engine;
    private final DynamoServer server;
    private final RequestJournal journal = new RequestJournal();
    private final ThreadLocal<Boolean> unrecorded = ThreadLocal.withInitial(() -> false);

    private LocalBackend(ControllableClock clock, DynamoEngine engine, DynamoServer server) {
        this.clock = clock;
        this.engine = engine;
        this.server = server;
    }

    /** Starts an engine and its server as the settings say. */
    public static LocalBackend start(Settings settings) {
        ControllableClock clock = new ControllableClock(settings.clockSource());
        EngineConfig.Builder config = EngineConfig.builder()
                .defaultRegion(settings.region())
                .clock(clock)
                .databasePath(settings.databasePath());
        if (settings.objectStore() != null) {
            config.objectStore(settings.objectStore());
        }
        DynamoServer server = DynamoServer.start(config.build(), settings.host(), settings.port());
        LocalBackend backend = new LocalBackend(clock, server.engine(), server);
        server.engine().addInterceptor(backend::record);
        return backend;
    }

    private ObjectNode record(DynamoRequest request, RequestInterceptor.Invocation next) {
        if (unrecorded.get()) {
            return next.proceed(request);
        }
        long start = System.nanoTime();
        String errorType = null;
        String message = null;
        try {
            return next.proceed(request);
        } catch (DynamoException e) {
            errorType = e.type();
            message = e.getMessage();
            throw e;
        } catch (RuntimeException e) {
            errorType = e.getClass().getSimpleName();
            message = e.getMessage();
            throw e;
        } finally {
            journal.add(new RequestRecord(request.region(), request.operation(),
                    RequestJournal.tablesOf(request.body()), errorType, message, (System.nanoTime() - start) / 1000));
        }
    }

    @Override
    public URI endpoint() {
        return server.endpoint();
    }

    @Override
    public ObjectNode execute(String region, String operation, ObjectNode body) {
        unrecorded.set(true);
        try {
            return engine.execute(region, operation, body);
        } finally {
            unrecorded.set(false);
        }
    }

    @Override
    public boolean supports(String operation) {
        return engine.supports(operation);
    }

    @Override
    public RequestJournal journal() {
        return journal;
    }

    @Override
    public Set<String> regions() {
        return engine.tables().regions();
    }

    @Override
    public List<String> tableNames(String region) {
        return engine.tables().names(region);
    }

    @Override
    public void truncate(String region, String table) {
        engine.tables().find(region, table).ifPresent(Table::truncate);
    }

    @Override
    public void drop(String region, String table) {
        engine.tables().drop(region, table);
    }

    @Override
    public List<Map<String, AttributeValue>> items(String region, String table, int limit) {
        return engine.tables().find(region, table)
                .map(t -> {
                    List<Map<String, AttributeValue>> items = t.items();
                    return items.size() <= limit ? items : items.subList(0, limit);
                })
                .orElse(null);
    }

    @Override
    public List<String> keyNames(String region, String table) {
        return engine.tables().find(region, table)
                .map(t -> t.sortKey().map(sk -> List.of(t.partitionKey(), sk)).orElse(List.of(t.partitionKey())))
                .orElse(List.of());
    }

    @Override
    public long itemCount(String region, String table) {
        return engine.tables().find(region, table).map(Table::itemCount).orElse(0L);
    }

    @Override
    public ControllableClock clock() {
        return clock;
    }

    @Override
    public DynamoEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            engine.close();
        }
    }
}
