package dev.dynamotest.core;

import dev.dynamotest.core.internal.dax.DaxEndpoint;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The engine behind an in-JVM DynamoDB Accelerator (DAX): a TCP endpoint that Amazon's own DAX client talks to,
 * with DAX's write-through item cache and query cache on the engine's {@link Clock}. Every request goes through the
 * engine's operations, so writes reach the same write path as HTTP ones.
 *
 * <pre>{@code
 * try (DaxServer dax = DaxServer.start(engine)) {
 *     DynamoDbClient client = ClusterDaxClient.builder()
 *             .overrideConfiguration(Configuration.builder().url(dax.url().toString())
 *                     .region(Region.US_EAST_1).credentialsProvider(credentials).build())
 *             .build();
 * }
 * }</pre>
 */
public final class DaxServer implements DaxCaches, AutoCloseable {

    private final DynamoEngine engine;
    private final DaxConfig config;
    private final DaxEndpoint endpoint;

    private DaxServer(DynamoEngine engine, DaxConfig config, DaxEndpoint endpoint) {
        this.engine = engine;
        this.config = config;
        this.endpoint = endpoint;
    }

    /** Starts a DAX server for the engine on a loopback port of the OS's choosing, with DAX's default TTLs. */
    public static DaxServer start(DynamoEngine engine) {
        return start(engine, DaxConfig.defaults());
    }

    /** Starts a DAX server for the engine with those settings. The engine stays the caller's to close. */
    public static DaxServer start(DynamoEngine engine, DaxConfig config) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(config, "config");
        return new DaxServer(engine, config, DaxEndpoint.start(engine, config.host(), config.port(),
                config.itemTtl(), config.queryTtl(), config.cacheSize(), config.accessKeys()));
    }

    public DynamoEngine engine() {
        return engine;
    }

    public DaxConfig config() {
        return config;
    }

    public int port() {
        return endpoint.port();
    }

    /** The cluster URL the DAX client takes, e.g. {@code dax://127.0.0.1:8111}. */
    public URI url() {
        return URI.create("dax://" + endpoint.host() + ":" + port());
    }

    /** The caches' hits, misses, evictions and stale hits so far. */
    @Override
    public DaxStatistics statistics() {
        return endpoint.statistics();
    }

    /**
     * The reads its caches served stale so far, oldest first (the last 1000): items changed behind DAX, query results
     * cached before a write to their table (see {@link DaxStaleRead}). Learnt from the engine's committed changes,
     * never by reading the table.
     */
    @Override
    public List<DaxStaleRead> staleReads() {
        return endpoint.staleReads();
    }

    /** Empties the item and query caches, as a new cluster starts. */
    @Override
    public void clearCaches() {
        endpoint.clearCaches();
    }

    /**
     * Takes the DAX node down, as a node failure does: open connections are closed and new ones refused until
     * {@link #up()}. The engine behind it is untouched.
     */
    public void down() {
        endpoint.stop();
    }

    /** Brings the node back on the same port after {@link #down()}, with empty caches, as a restarted node. */
    public void up() {
        endpoint.restart();
    }

    /** Whether the node accepts connections (it does from {@link #start} until {@link #down()} or {@link #close()}). */
    public boolean isUp() {
        return endpoint.isRunning();
    }

    @Override
    public String toString() {
        return "DaxServer[" + url() + "]";
    }

    /** Stops the endpoint and closes its connections; the engine stays open. */
    @Override
    public void close() {
        endpoint.close();
    }
}
