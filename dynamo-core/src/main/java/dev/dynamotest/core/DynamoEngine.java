package dev.dynamotest.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.capacity.Capacity;
import dev.dynamotest.core.capacity.Cost;
import dev.dynamotest.core.changes.ChangeHistory;
import dev.dynamotest.core.internal.inprocess.InProcessAsyncHttpClient;
import dev.dynamotest.core.internal.inprocess.InProcessHttpClient;
import dev.dynamotest.core.internal.inprocess.Workers;
import dev.dynamotest.core.internal.protocol.WireProtocol;
import dev.dynamotest.core.internal.routing.Api;
import dev.dynamotest.core.internal.views.SweepTimeToLive;
import dev.dynamotest.core.regions.Regions;
import dev.dynamotest.core.regions.Replication;
import dev.dynamotest.core.requests.RequestJournal;
import dev.dynamotest.core.s3.S3Contents;
import dev.dynamotest.core.streams.TableStreams;
import dev.dynamotest.core.tables.Tables;
import dev.dynamotest.core.tables.TimeToLive;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * The DynamoDB-compatible engine, usable without HTTP: it takes a {@link DynamoRequest} and returns the
 * response body, or throws the {@link DynamoException} DynamoDB would send. {@link DynamoServer} serves it
 * over HTTP.
 *
 * <pre>{@code
 * try (DynamoEngine engine = DynamoEngine.create()) {
 *     engine.execute("us-east-1", "ListTables", body);
 * }
 * }</pre>
 */
public final class DynamoEngine implements AutoCloseable {

    private final AtomicBoolean closed = new AtomicBoolean();
    private final EngineConfig config;
    private final EngineAssembly parts;
    private WireProtocol protocol;
    private Workers workers;
    private InProcessHttpClient syncClient;
    private InProcessAsyncHttpClient asyncClient;

    private DynamoEngine(EngineConfig config) {
        this.config = config;
        this.parts = new EngineAssembly(config);
    }

    /** An engine with the default configuration (in-memory, us-east-1). */
    public static DynamoEngine create() {
        return create(EngineConfig.defaults());
    }

    public static DynamoEngine create(EngineConfig config) {
        return new DynamoEngine(config);
    }

    public EngineConfig config() {
        return config;
    }

    /** The engine's clock. */
    public Clock clock() {
        return config.clock();
    }

    /** The stored tables and items, read without going through the API. */
    public Tables tables() {
        return parts.tables;
    }

    /** The whole history of committed item changes, in commit order; {@code changes().fromNow()} starts from now. */
    public ChangeHistory changes() {
        return parts.changes;
    }

    /** The DynamoDB Streams of the tables, read without the Streams API, and their new records as they come. */
    public TableStreams tableStreams() {
        return parts.streams;
    }

    /** Global-table replication: wait for it, pause, resume and delay it, read its lag. */
    public Replication replication() {
        return parts.replication;
    }

    /** The regions as failure domains: start and end regional outages. */
    public Regions regions() {
        return parts.regions;
    }

    /** The time-to-live sweep: expired items are deleted on the engine clock, or at once with {@code sweepNow()}. */
    public TimeToLive ttl() {
        return new SweepTimeToLive(parts.lifecycle, config.ttlSweepDelay());
    }

    /** What the engine's object store holds (exports, imported sources), read for assertions. */
    public S3Contents s3() {
        return parts.s3;
    }

    /**
     * The capacity that tables' traffic consumed in every region ({@code capacity().region(r)} for one), their modes,
     * and the requests throttled; with the engine-wide controls (reset, unmetered set-up work, recording a throttle).
     */
    public Capacity capacity() {
        return parts.capacity;
    }

    /** What the tables of every region would cost in DynamoDB ({@code cost().region(r)} for one). */
    public Cost cost() {
        return parts.cost;
    }

    /**
     * Runs a request: the one way into the engine. A client request passes the whole interceptor chain (the
     * journal, the interceptors added, region outages); a {@link DynamoRequest#setup setup} request (creating and
     * seeding tables) skips it, so it is neither journalled nor faulted.
     */
    public ObjectNode handle(DynamoRequest request) {
        return parts.chain.handle(request);
    }

    /** The journal of the requests the engine received through its interceptor chain. */
    public RequestJournal requests() {
        return parts.journal;
    }

    /** Runs an operation in a region as a client would; short for {@code handle(new DynamoRequest(...))}. */
    public ObjectNode execute(String region, String operation, ObjectNode body) {
        return handle(new DynamoRequest(region, operation, body, Map.of()));
    }

    /** Whether the engine implements the DynamoDB operation. */
    public boolean supports(String operation) {
        return parts.router.knows(Api.DYNAMODB, operation);
    }

    /** Whether the engine implements the DynamoDB Streams operation ({@code GetRecords}, ...). */
    public boolean supportsStreams(String operation) {
        return parts.router.knows(Api.STREAMS, operation);
    }

    /** Whether the engine implements the Application Auto Scaling operation ({@code PutScalingPolicy}, ...). */
    public boolean supportsAutoScaling(String operation) {
        return parts.router.knows(Api.AUTO_SCALING, operation);
    }

    /** Adds an interceptor at the end of the interceptors (closest to the operation, before region outages). */
    public void addInterceptor(RequestInterceptor interceptor) {
        parts.chain.add(interceptor);
    }

    public void removeInterceptor(RequestInterceptor interceptor) {
        parts.chain.remove(interceptor);
    }

    /**
     * The AWS SDK's synchronous HTTP client, served by this engine without a socket: give it to any SDK v2 client's
     * builder ({@code httpClient(engine.sdkHttpClient())}, with any {@code endpointOverride}) and the client's
     * requests reach the engine as they would over HTTP (on the calling thread for an engine in memory, on a thread of
     * the engine's for one with a database file). The engine owns it: closing it, or
     * the SDK client, does nothing to the engine.
     */
    public synchronized SdkHttpClient sdkHttpClient() {
        if (syncClient == null) {
            syncClient = new InProcessHttpClient(protocol(), config.databasePath() == null ? null : workers());
        }
        return syncClient;
    }

    /**
     * The AWS SDK's asynchronous HTTP client, served by this engine without a socket
     * ({@code httpClient(engine.sdkAsyncHttpClient())}): requests run on the engine's own threads, never the
     * caller's or the SDK's event loop, and the response body is published as the SDK asks for it. The engine owns
     * it and stops its threads when it closes.
     */
    public synchronized SdkAsyncHttpClient sdkAsyncHttpClient() {
        if (asyncClient == null) {
            asyncClient = new InProcessAsyncHttpClient(protocol(), workers());
        }
        return asyncClient;
    }

    private synchronized Workers workers() {
        if (workers == null) {
            workers = new Workers();
        }
        return workers;
    }

    private synchronized WireProtocol protocol() {
        if (protocol == null) {
            protocol = new WireProtocol(this, Door.IN_PROCESS);
        }
        return protocol;
    }

    /** Adds a listener told of every committed item change. Listeners run on the writing thread, in order. */
    public void addChangeListener(ChangeListener listener) {
        parts.writes.addListener(listener);
    }

    public void removeChangeListener(ChangeListener listener) {
        parts.writes.removeListener(listener);
    }

    /** Closes the database; closing twice does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Workers started;
            synchronized (this) {
                started = workers;
            }
            if (started != null) {
                started.shutdown();
            }
            parts.replicator.close();
            parts.db.close();
        }
    }
}
