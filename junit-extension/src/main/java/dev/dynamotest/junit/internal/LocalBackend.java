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

/** An engine and its HTTP endpoint in this JVM, with its journal of the requests it serves and its fault rules. */
public final class LocalBackend implements Backend {

    private final ControllableClock clock;
    private final DynamoServer server;
    private final EngineFaults faults;

    private LocalBackend(ControllableClock clock, DynamoServer server) {
        this.clock = clock;
        this.server = server;
        this.faults = Faults.on(server.engine());
    }

    /** Starts an engine and its server as the settings say. */
    public static LocalBackend start(Settings settings) {
        EngineConfig config = settings.engineConfig();
        DynamoServer server = DynamoServer.start(config, settings.host(), settings.port());
        return new LocalBackend((ControllableClock) config.clock(), server);
    }

    @Override
    public URI endpoint() {
        return server.endpoint();
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
        return server.engine();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            engine().close();
        }
    }
}
