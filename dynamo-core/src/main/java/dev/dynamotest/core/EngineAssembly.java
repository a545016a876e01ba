package dev.dynamotest.core;

import dev.dynamotest.core.internal.capacity.CapacityModel;
import dev.dynamotest.core.internal.ops.autoscaling.AutoScaling;
import dev.dynamotest.core.internal.ops.capacity.Costs;
import dev.dynamotest.core.internal.ops.globaltables.GlobalTableReplicas;
import dev.dynamotest.core.internal.ops.globaltables.LegacyGlobalTables;
import dev.dynamotest.core.internal.ops.globaltables.RegionOutages;
import dev.dynamotest.core.internal.ops.globaltables.Replicator;
import dev.dynamotest.core.internal.ops.items.ItemOperations;
import dev.dynamotest.core.internal.ops.lifecycle.Lifecycle;
import dev.dynamotest.core.internal.ops.partiql.PartiqlOperations;
import dev.dynamotest.core.internal.ops.query.QueryOperations;
import dev.dynamotest.core.internal.ops.streams.StreamOperations;
import dev.dynamotest.core.internal.ops.tables.TableOperations;
import dev.dynamotest.core.internal.ops.transactions.MultiItemOperations;
import dev.dynamotest.core.internal.ops.transfers.ExportOperations;
import dev.dynamotest.core.internal.ops.transfers.ImportOperations;
import dev.dynamotest.core.internal.routing.OperationRouter;
import dev.dynamotest.core.internal.routing.RequestChain;
import dev.dynamotest.core.internal.storage.BackupStore;
import dev.dynamotest.core.internal.storage.ChangeLog;
import dev.dynamotest.core.internal.storage.H2Database;
import dev.dynamotest.core.internal.storage.ItemStore;
import dev.dynamotest.core.internal.storage.StreamStore;
import dev.dynamotest.core.internal.storage.TableCatalog;
import dev.dynamotest.core.internal.storage.TableChanges;
import dev.dynamotest.core.internal.streams.StreamCatalog;
import dev.dynamotest.core.internal.streams.StreamReader;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.internal.views.CatalogTableStreams;
import dev.dynamotest.core.internal.views.CatalogTables;
import dev.dynamotest.core.internal.views.LoggedChangeHistory;
import dev.dynamotest.core.internal.views.ModelCapacity;
import dev.dynamotest.core.internal.views.OutageRegions;
import dev.dynamotest.core.internal.views.PricedCost;
import dev.dynamotest.core.internal.views.ReplicatorReplication;
import dev.dynamotest.core.internal.views.StoreS3Contents;
import dev.dynamotest.core.internal.write.WritePath;
import dev.dynamotest.core.capacity.Capacity;
import dev.dynamotest.core.capacity.Cost;
import dev.dynamotest.core.regions.Regions;
import dev.dynamotest.core.regions.Replication;
import dev.dynamotest.core.requests.RequestJournal;
import dev.dynamotest.core.s3.S3Contents;
import dev.dynamotest.core.tables.Tables;

/**
 * Builds the parts of a {@link DynamoEngine} in dependency order, one step per layer: storage, the write path, the
 * engine context, replication, the operation families (each registers its operations with the router), the read
 * views, and last the request chain. Listeners run in the order they are added: replication, then the TTL sweep,
 * then the streams view, on item changes; the capacity view, then auto scaling, on capacity charges.
 */
final class EngineAssembly {

    // storage
    final H2Database db;
    private final ItemStore items;
    private final ChangeLog log;
    private final TableChanges tableChanges;
    private final TableCatalog catalog;
    private final StreamCatalog streamCatalog;
    // the write path and the context every family gets
    final CapacityModel capacityModel;
    final WritePath writes;
    private final EngineContext ctx;
    // replication and outages
    final Replicator replicator;
    final RegionOutages outages;
    // the families, registered with the router
    final OperationRouter router = new OperationRouter();
    final Lifecycle lifecycle;
    private final ExportOperations exports;
    private final ImportOperations imports;
    final AutoScaling autoScaling;
    // the read views
    final LoggedChangeHistory changes;
    final CatalogTableStreams streams;
    final Regions regions;
    final Replication replication;
    final S3Contents s3;
    final Tables tables;
    final Capacity capacity;
    final Cost cost;
    final RequestJournal journal;
    // the one way a request runs
    final RequestChain chain;

    EngineAssembly(EngineConfig config) {
        Clock clock = config.clock();
        // 1. storage
        this.db = config.databasePath() == null ? H2Database.inMemory() : H2Database.file(config.databasePath());
        this.items = new ItemStore(db);
        this.log = new ChangeLog(db);
        this.tableChanges = new TableChanges(db);
        this.catalog = new TableCatalog(db);
        this.streamCatalog = new StreamCatalog(new StreamStore(db), tableChanges, log::lastSequence);
        // 2. the write path
        this.capacityModel = new CapacityModel(clock, config.capacityMode(), config.partitionThroughputLimits());
        this.writes = new WritePath(db, items, log, clock, capacityModel);
        this.ctx = new EngineContext(config, catalog, items, writes, streamCatalog);
        this.changes = new LoggedChangeHistory(log);
        // 3. replication: first to hear of every committed change
        this.replicator = new Replicator(catalog, writes, clock);
        this.journal = new RequestJournal(clock);
        this.outages = new RegionOutages(replicator, journal::noteFault);
        // 4. the families
        GlobalTableReplicas globalTables = new GlobalTableReplicas(ctx, replicator, router);
        new TableOperations(ctx, globalTables).registerIn(router);
        new ItemOperations(ctx).registerIn(router);
        new QueryOperations(ctx).registerIn(router);
        new MultiItemOperations(ctx).registerIn(router);
        new PartiqlOperations(ctx, router).registerIn(router);
        new LegacyGlobalTables(ctx, replicator).registerIn(router);
        new StreamOperations(new StreamReader(streamCatalog), clock).registerIn(router);
        this.lifecycle = new Lifecycle(ctx, tableChanges, new BackupStore(db), log::lastSequence,
                changes::oldestLiveMark, router);
        lifecycle.registerIn(router);
        this.exports = new ExportOperations(ctx, lifecycle.history());
        exports.registerIn(router);
        this.imports = new ImportOperations(ctx, router);
        imports.registerIn(router);
        // 5. the read views (the streams view hears of changes after the TTL sweep)
        this.streams = new CatalogTableStreams(new StreamReader(streamCatalog), clock);
        writes.addListener(streams::onChange);
        this.regions = new OutageRegions(outages);
        this.replication = new ReplicatorReplication(replicator);
        this.s3 = new StoreS3Contents(config.objectStore(), exports, imports);
        this.tables = new CatalogTables(ctx, lifecycle, globalTables);
        this.capacity = new ModelCapacity(capacityModel, config.defaultRegion());
        this.cost = new PricedCost(new Costs(ctx, config.prices()), tables, config.defaultRegion());
        // 6. auto scaling: follows the charges after the capacity view, and changes tables through the router
        this.autoScaling = new AutoScaling(capacityModel, router::route, clock, config.accountId());
        autoScaling.registerIn(router);
        // 7. the request chain: the journal first, region outages after the interceptors
        this.chain = new RequestChain(outages, autoScaling::beforeRequest, lifecycle::beforeRequest, router);
        chain.add(journal::intercept);
    }
}
