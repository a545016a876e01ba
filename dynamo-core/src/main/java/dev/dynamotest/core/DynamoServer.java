package dev.dynamotest.core;

import dev.dynamotest.core.internal.protocol.SigV4Verifier;
import dev.dynamotest.core.internal.server.HttpEndpoint;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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

    /**
     * Starts a server with an engine of its own, closed with the server. The engine (H2) and the HTTP server
     * (Jetty) are brought up side by side, which shortens a cold start.
     */
    public static DynamoServer start(EngineConfig config, String host, int port) {
        return start(config, host, port, (SigV4Verifier) null);
    }

    /**
     * Starts a server with an engine of its own, as {@link #start(EngineConfig, String, int)} does, that checks every
     * request's SigV4 signature against the access keys as DynamoDB does: a request signed with an unknown key gets
     * {@code UnrecognizedClientException}; one with a wrong signature, or dated more than 15 minutes from now,
     * {@code InvalidSignatureException}. For an endpoint reachable from beyond the loopback address.
     */
    public static DynamoServer start(EngineConfig config, String host, int port, AccessKeys accessKeys) {
        Objects.requireNonNull(accessKeys, "accessKeys");
        return start(config, host, port, new SigV4Verifier(accessKeys, java.time.Clock.systemUTC()));
    }

    private static DynamoServer start(EngineConfig config, String host, int port, SigV4Verifier verifier) {
        CompletableFuture<DynamoEngine> engine = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                engine.complete(DynamoEngine.create(config));
            } catch (Throwable t) {
                engine.completeExceptionally(t);
            }
        }, "dynamotest-engine-start");
        starter.setDaemon(true);
        starter.start();
        HttpEndpoint endpoint;
        try {
            endpoint = HttpEndpoint.start(() -> join(engine), host, port, verifier);
        } catch (RuntimeException e) {
            engine.thenAccept(DynamoEngine::close);
            throw e;
        }
        try {
            return new DynamoServer(join(engine), endpoint, true);
        } catch (RuntimeException e) {
            endpoint.stop();
            throw e;
        }
    }

    private static DynamoEngine join(CompletableFuture<DynamoEngine> engine) {
        try {
            return engine.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
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
