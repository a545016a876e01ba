package dev.dynamotest.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.capacity.Capacity;
import dev.dynamotest.core.capacity.Cost;
import dev.dynamotest.core.changes.ChangeHistory;
import dev.dynamotest.core.internal.autoscaling.AutoScaling;
import dev.dynamotest.core.internal.capacity.CapacityModel;
import dev.dynamotest.core.internal.ops.Costs;
import dev.dynamotest.core.internal.ops.EngineContext;
import dev.dynamotest.core.internal.ops.ExportOperations;
import dev.dynamotest.core.internal.ops.ImportOperations;
import dev.dynamotest.core.internal.ops.OperationRouter;
import dev.dynamotest.core.internal.ops.WritePath;
import dev.dynamotest.core.internal.ops.lifecycle.Lifecycle;
import dev.dynamotest.core.internal.replication.RegionOutages;
import dev.dynamotest.core.internal.replication.Replicator;
import dev.dynamotest.core.internal.storage.BackupStore;
import dev.dynamotest.core.internal.storage.ChangeLog;
import dev.dynamotest.core.internal.storage.H2Database;
import dev.dynamotest.core.internal.storage.ItemStore;
import dev.dynamotest.core.internal.storage.StreamStore;
import dev.dynamotest.core.internal.storage.TableCatalog;
import dev.dynamotest.core.internal.storage.TableChanges;
import dev.dynamotest.core.internal.streams.StreamCatalog;
import dev.dynamotest.core.internal.streams.StreamReader;
import dev.dynamotest.core.internal.views.CatalogTableStreams;
import dev.dynamotest.core.internal.views.CatalogTables;
import dev.dynamotest.core.internal.views.LoggedChangeHistory;
import dev.dynamotest.core.internal.views.ModelCapacity;
import dev.dynamotest.core.internal.views.OutageRegions;
import dev.dynamotest.core.internal.views.PricedCost;
import dev.dynamotest.core.internal.views.ReplicatorReplication;
import dev.dynamotest.core.internal.views.StoreS3Contents;
import dev.dynamotest.core.internal.views.SweepTimeToLive;
import dev.dynamotest.core.regions.Regions;
import dev.dynamotest.core.regions.Replication;
import dev.dynamotest.core.requests.RequestJournal;
import dev.dynamotest.core.s3.S3Contents;
import dev.dynamotest.core.streams.TableStreams;
import dev.dynamotest.core.tables.Tables;
import dev.dynamotest.core.tables.TimeToLive;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final EngineConfig config;
    private final H2Database db;
    private final WritePath writes;
    private final OperationRouter router;
    private final Tables tables;
    private final LoggedChangeHistory changes;
    private final CatalogTableStreams streams;
    private final Lifecycle lifecycle;
    private final S3Contents s3;
    private final Capacity capacity;
    private final Cost cost;
    private final List<RequestInterceptor> interceptors = new CopyOnWriteArrayList<>();
    private final RequestJournal journal;
    private final Replicator replicator;
    private final RegionOutages outages;
    private final Replication replication;
    private final Regions regions;
    private final AutoScaling autoScaling;

    private DynamoEngine(EngineConfig config) {
        this.config = config;
        this.db = config.databasePath() == null ? H2Database.inMemory() : H2Database.file(config.databasePath());
        ItemStore items = new ItemStore(db);
        ChangeLog log = new ChangeLog(db);
        CapacityModel capacityModel = new CapacityModel(config.clock(), config.capacityMode(),
                config.partitionThroughputLimits());
        this.writes = new WritePath(db, items, log, config.clock(), capacityModel);
        this.changes = new LoggedChangeHistory(log);
        TableChanges tableChanges = new TableChanges(db);
        StreamCatalog streamCatalog = new StreamCatalog(new StreamStore(db), tableChanges, log::lastSequence);
        TableCatalog catalog = new TableCatalog(db);
        this.replicator = new Replicator(catalog, writes, config.clock());
        this.outages = new RegionOutages(replicator);
        this.regions = new OutageRegions(outages);
        this.replication = new ReplicatorReplication(replicator);
        EngineContext ctx = new EngineContext(config, catalog, items, writes, streamCatalog, replicator);
        this.lifecycle = new Lifecycle(ctx, tableChanges, new BackupStore(db), log::lastSequence, changes::oldestLiveMark);
        this.streams = new CatalogTableStreams(new StreamReader(streamCatalog), config.clock());
        writes.addListener(streams::onChange);
        this.router = new OperationRouter(ctx);
        lifecycle.registerIn(router::register);
        ExportOperations exports = new ExportOperations(ctx, lifecycle.pointInTime());
        exports.registerIn(router::register);
        ImportOperations imports = new ImportOperations(ctx);
        imports.registerIn(router::register);
        this.s3 = new StoreS3Contents(config.objectStore(), exports, imports);
        this.tables = new CatalogTables(ctx, lifecycle);
        this.capacity = new ModelCapacity(capacityModel, config.defaultRegion());
        this.cost = new PricedCost(new Costs(ctx, config.prices()), tables, config.defaultRegion());
        this.autoScaling = new AutoScaling(capacityModel, r -> router.execute(r, r.body()), config.clock(),
                config.accountId());
        autoScaling.registerIn(router::register);
        this.journal = new RequestJournal(config.clock());
        interceptors.add(journal::intercept);
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
        return tables;
    }

    /** The whole history of committed item changes, in commit order; {@code changes().fromNow()} starts from now. */
    public ChangeHistory changes() {
        return changes;
    }

    /** The DynamoDB Streams of the tables, read without the Streams API, and their new records as they come. */
    public TableStreams tableStreams() {
        return streams;
    }

    /** Global-table replication: wait for it, pause, resume and delay it, read its lag. */
    public Replication replication() {
        return replication;
    }

    /** The regions as failure domains: start and end regional outages. */
    public Regions regions() {
        return regions;
    }

    /** The time-to-live sweep: expired items are deleted on the engine clock, or at once with {@code sweepNow()}. */
    public TimeToLive ttl() {
        return new SweepTimeToLive(lifecycle, config.ttlSweepDelay());
    }

    /** What the engine's object store holds (exports, imported sources), read for assertions. */
    public S3Contents s3() {
        return s3;
    }

    /**
     * The capacity that tables' traffic consumed in every region ({@code capacity().region(r)} for one), their modes,
     * and the requests throttled; with the engine-wide controls (reset, unmetered set-up work, recording a throttle).
     */
    public Capacity capacity() {
        return capacity;
    }

    /** What the tables of every region would cost in DynamoDB ({@code cost().region(r)} for one). */
    public Cost cost() {
        return cost;
    }

    /** Handles a request through the interceptor chain. */
    public ObjectNode handle(DynamoRequest request) {
        return invoke(0, request);
    }

    private ObjectNode invoke(int index, DynamoRequest request) {
        if (index < interceptors.size()) {
            return interceptors.get(index).intercept(request, next -> invoke(index + 1, next));
        }
        return outages.intercept(request, last -> {
            ObjectNode body = last.body() == null ? JsonNodeFactory.instance.objectNode() : last.body();
            lifecycle.beforeRequest();
            autoScaling.beforeRequest();
            return router.execute(last, body);
        });
    }

    /**
     * Runs an operation in a region outside the interceptor chain: neither journalled nor subject to faults. For
     * setting up state (creating and seeding tables), not for the code under test.
     */
    public ObjectNode executeDirect(String region, String operation, ObjectNode body) {
        lifecycle.beforeRequest();
        return router.execute(new DynamoRequest(region, operation, body, Map.of()),
                body == null ? JsonNodeFactory.instance.objectNode() : body);
    }

    /** The journal of the requests the engine received through its interceptor chain. */
    public RequestJournal requests() {
        return journal;
    }

    /** Runs an operation in a region, through the interceptor chain. */
    public ObjectNode execute(String region, String operation, ObjectNode body) {
        return handle(new DynamoRequest(region, operation, body, Map.of()));
    }

    /** Whether the engine implements the DynamoDB operation. */
    public boolean supports(String operation) {
        return router.knows(operation);
    }

    /** Whether the engine implements the DynamoDB Streams operation ({@code GetRecords}, ...). */
    public boolean supportsStreams(String operation) {
        return router.knowsStreams(operation);
    }

    /** Whether the engine implements the Application Auto Scaling operation ({@code PutScalingPolicy}, ...). */
    public boolean supportsAutoScaling(String operation) {
        return router.knowsAutoScaling(operation);
    }

    /** Adds an interceptor at the end of the chain (closest to the operation). */
    public void addInterceptor(RequestInterceptor interceptor) {
        interceptors.add(interceptor);
    }

    public void removeInterceptor(RequestInterceptor interceptor) {
        interceptors.remove(interceptor);
    }

    /** Adds a listener told of every committed item change. Listeners run on the writing thread, in order. */
    public void addChangeListener(ChangeListener listener) {
        writes.addListener(listener);
    }

    public void removeChangeListener(ChangeListener listener) {
        writes.removeListener(listener);
    }

    /** Closes the database; closing twice does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            replicator.close();
            db.close();
        }
    }
}
