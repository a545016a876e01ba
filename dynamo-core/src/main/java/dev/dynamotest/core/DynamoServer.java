package dev.dynamotest.core;

import dev.dynamotest.core.internal.server.HttpEndpoint;
import java.net.URI;

/**
 * The engine served over HTTP on the DynamoDB wire protocol, so any DynamoDB client can use it.
 *
 * <pre>{@code
 * try (DynamoServer server = DynamoServer.start(DynamoEngine.create(), "127.0.0.1", 0)) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(server.endpoint())...build();
 * }
 * }</pre>
 */
public final class DynamoServer implements AutoCloseable {

    private final DynamoEngine engine;
    private final HttpEndpoint endpoint;
    private final boolean ownsEngine;

    private DynamoServer(DynamoEngine engine, HttpEndpoint endpoint, boolean ownsEngine) {
        this.engine = engine;
        this.endpoint = endpoint;
        this.ownsEngine = ownsEngine;
    }

    /** Starts a server for the engine on a port of the OS's choosing on the loopback address. */
    public static DynamoServer start(DynamoEngine engine) {
        return start(engine, "127.0.0.1", 0);
    }

    /** Starts a server for the engine; port 0 picks a free port. The engine stays the caller's to close. */
    public static DynamoServer start(DynamoEngine engine, String host, int port) {
        return new DynamoServer(engine, HttpEndpoint.start(engine, host, port), false);
    }

    /** Starts a server with an engine of its own, closed with the server. */
    public static DynamoServer start(EngineConfig config, String host, int port) {
        DynamoEngine engine = DynamoEngine.create(config);
        try {
            return new DynamoServer(engine, HttpEndpoint.start(engine, host, port), true);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    public DynamoEngine engine() {
        return engine;
    }

    public int port() {
        return endpoint.port();
    }

    /** The endpoint URL, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() {
        return URI.create("http://" + endpoint.hostForUrl() + ":" + port());
    }

    @Override
    public void close() {
        endpoint.stop();
        if (ownsEngine) {
            engine.close();
        }
    }
}
