package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.DynamoServer;
import dev.dynamotest.core.EngineConfig;
import dev.dynamotest.core.requests.RequestJournal;
import dev.dynamotest.core.tables.Table;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.faults.EngineFaults;
import dev.dynamotest.faults.Faults;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An engine in this JVM, with its journal of the requests it serves and its fault rules, and its HTTP endpoint,
 * started the first time something asks for its URL.
 */
public final class LocalBackend implements Backend {

    private final ControllableClock clock;
    private final DynamoEngine engine;
    private final String host;
    private final int port;
    private final EngineFaults faults;
    private DynamoServer server;
    private boolean closed;

    private LocalBackend(ControllableClock clock, DynamoEngine engine, String host, int port) {
        this.clock = clock;
        this.engine = engine;
        this.host = host;
        this.port = port;
        this.faults = Faults.on(engine);
    }

    /** Starts an engine as the settings say; its HTTP endpoint waits until it is asked for. */
    public static LocalBackend start(Settings settings) {
        EngineConfig config = settings.engineConfig();
        return new LocalBackend((ControllableClock) config.clock(), DynamoEngine.create(config), settings.host(),
                settings.port());
    }

    /** The HTTP endpoint's URL, starting the endpoint the first time. */
    @Override
    public synchronized URI endpoint() {
        if (closed) {
            throw new IllegalStateException("the endpoint of this test class has stopped");
        }
        if (server == null) {
            server = DynamoServer.start(engine, host, port);
        }
        return server.endpoint();
    }

    @Override
    public synchronized String address() {
        return server != null ? server.endpoint().toString() : "in process (no HTTP endpoint started)";
    }

    @Override
    public ObjectNode execute(String region, String operation, ObjectNode body) {
        ObjectNode[] response = new ObjectNode[1];
        DynamoEngine engine = engine();
        engine.capacity().unmetered(
                () -> response[0] = engine.handle(DynamoRequest.setup(region, operation, body)));
        return response[0];
    }

    @Override
    public boolean supports(String operation) {
        return engine().supports(operation);
    }

    @Override
    public RequestJournal journal() {
        return engine().requests();
    }

    /** The fault rules applied by the engine. */
    public EngineFaults faults() {
        return faults;
    }

    @Override
    public Set<String> regions() {
        return engine().tables().regions();
    }

    @Override
    public List<String> tableNames(String region) {
        return engine().tables().names(region);
    }

    @Override
    public void truncate(String region, String table) {
        engine().tables().find(region, table).ifPresent(Table::truncate);
    }

    @Override
    public void drop(String region, String table) {
        engine().tables().drop(region, table);
    }

    @Override
    public List<Map<String, AttributeValue>> items(String region, String table, int limit) {
        return engine().tables().find(region, table)
                .map(t -> {
                    List<Map<String, AttributeValue>> items = t.items();
                    return items.size() <= limit ? items : items.subList(0, limit);
                })
                .orElse(null);
    }

    @Override
    public List<String> keyNames(String region, String table) {
        return engine().tables().find(region, table)
                .map(t -> t.sortKey().map(sk -> List.of(t.partitionKey(), sk)).orElse(List.of(t.partitionKey())))
                .orElse(List.of());
    }

    @Override
    public long itemCount(String region, String table) {
        return engine().tables().find(region, table).map(Table::itemCount).orElse(0L);
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
        DynamoServer started;
        synchronized (this) {
            closed = true;
            started = server;
            server = null;
        }
        try {
            if (started != null) {
                started.close();
            }
        } finally {
            engine.close();
        }
    }
}
