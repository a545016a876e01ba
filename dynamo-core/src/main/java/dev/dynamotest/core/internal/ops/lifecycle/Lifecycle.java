package dev.dynamotest.core.internal.ops.lifecycle;

import dev.dynamotest.core.internal.routing.Api;
import dev.dynamotest.core.internal.routing.OperationCaller;
import dev.dynamotest.core.internal.routing.Routes;
import dev.dynamotest.core.internal.schema.TableHistory;
import dev.dynamotest.core.internal.storage.BackupStore;
import dev.dynamotest.core.internal.storage.TableChanges;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import java.util.function.LongSupplier;

/**
 * The data lifecycle of an engine's tables: point-in-time recovery, on-demand backups, time to live, and the
 * dropping of change records that nothing needs any more. The engine registers its operations and calls
 * {@link #beforeRequest()} before each request, which is when the engine clock's time is acted on.
 */
public final class Lifecycle {

    private final EngineContext ctx;
    private final LongSupplier lastSequence;
    private final PointInTime pointInTime;
    private final ContinuousBackups continuousBackups;
    private final ChangeTrimmer trimmer;
    private final TtlSweeper sweeper;
    private final TimeToLiveOperations timeToLive;
    private final OnDemandBackups backups;

    /** {@code operations} runs CreateTable for a restored table. */
    public Lifecycle(EngineContext ctx, TableChanges changes, BackupStore backupStore, LongSupplier lastSequence,
            LongSupplier oldestLiveMark, OperationCaller operations) {
        this.ctx = ctx;
        this.lastSequence = lastSequence;
        this.pointInTime = new PointInTime(ctx, changes, lastSequence);
        this.continuousBackups = new ContinuousBackups(ctx, pointInTime, operations);
        this.trimmer = new ChangeTrimmer(ctx, changes, lastSequence, oldestLiveMark);
        this.sweeper = new TtlSweeper(ctx, ctx.config().ttlSweepDelay());
        this.timeToLive = new TimeToLiveOperations(ctx, sweeper);
        ctx.writes().addListener(sweeper::onChange);
        this.backups = new OnDemandBackups(ctx, backupStore, operations);
    }

    /** Tables' pasts as point-in-time recovery keeps them, for exports. */
    public TableHistory history() {
        return new ExportWindow(pointInTime);
    }

    /** Registers the lifecycle operations by their DynamoDB names. */
    public void registerIn(Routes routes) {
        routes.add(Api.DYNAMODB, "UpdateContinuousBackups", continuousBackups::updateContinuousBackups);
        routes.add(Api.DYNAMODB, "DescribeContinuousBackups", continuousBackups::describeContinuousBackups);
        routes.add(Api.DYNAMODB, "RestoreTableToPointInTime", continuousBackups::restoreTableToPointInTime);
        routes.add(Api.DYNAMODB, "UpdateTimeToLive", timeToLive::updateTimeToLive);
        routes.add(Api.DYNAMODB, "DescribeTimeToLive", timeToLive::describeTimeToLive);
        routes.add(Api.DYNAMODB, "CreateBackup", backups::createBackup);
        routes.add(Api.DYNAMODB, "DescribeBackup", backups::describeBackup);
        routes.add(Api.DYNAMODB, "ListBackups", backups::listBackups);
        routes.add(Api.DYNAMODB, "DeleteBackup", backups::deleteBackup);
        routes.add(Api.DYNAMODB, "RestoreTableFromBackup", backups::restoreTableFromBackup);
    }

    /** Acts on the engine clock's time before a request: sweeps expired items, drops old change records. */
    public void beforeRequest() {
        java.time.Instant now = ctx.config().clock().now();
        sweeper.sweepDue(now);
        trimmer.maybeTrim(now);
    }

    /** The TTL attribute of the table as it is now, or {@code null} when TTL is not enabled. */
    public String timeToLiveAttribute(TableMeta table) {
        return ctx.catalog().find(table.region(), table.name()).filter(t -> t.id() == table.id())
                .map(TimeToLiveOperations::attribute).orElse(null);
    }

    /** Whether an item of the table has expired on the engine clock (and so awaits the sweep if still there). */
    public java.util.function.Predicate<java.util.Map<String, dev.dynamotest.core.model.AttributeValue>> expired(
            TableMeta table) {
        String attribute = timeToLiveAttribute(table);
        java.time.Instant now = ctx.config().clock().now();
        return item -> {
            Long expiry = TtlSweeper.expiry(item, attribute, now);
            return expiry != null && expiry <= now.toEpochMilli();
        };
    }

    /** Deletes every item whose time to live has passed, without waiting for the sweep delay; returns how many. */
    public int sweepExpiredNow() {
        return sweeper.sweepNow(ctx.config().clock().now());
    }

    /**
     * The table's items as they were at {@code at}, in Scan order; fails when its change records do not reach
     * back that far.
     */
    public java.util.List<java.util.Map<String, dev.dynamotest.core.model.AttributeValue>> itemsAt(TableMeta table,
            java.time.Instant at) {
        TableMeta current = ctx.catalog().find(table.region(), table.name()).filter(t -> t.id() == table.id())
                .orElseThrow(() -> new IllegalStateException("table " + table.name() + " (" + table.region()
                        + ") no longer exists"));
        java.time.Instant start = pointInTime.historyStart(current);
        if (at.isBefore(start)) {
            throw new IllegalArgumentException("the items of table " + table.name() + " are known from " + start
                    + " on (its creation, last reset, or the oldest change record kept), not at " + at);
        }
        return pointInTime.itemsAt(current, at);
    }

    /** Empties a table without change records (a test reset), and marks that its history starts again now. */
    public void truncate(TableMeta table) {
        ctx.writes().atCommitPoint(() -> {
            ctx.writes().truncate(table);
            markReset(table, lastSequence.getAsLong());
            return null;
        });
    }

    /**
     * Marks that a table was emptied without change records (a test reset): its history before now is no longer
     * told by the change log. Call at the commit point of the reset.
     */
    public void markReset(TableMeta table, long lastSequence) {
        long now = LifecycleState.micros(ctx.config().clock().now());
        LifecycleState.update(ctx, table, state -> {
            state.put("FloorSequence", lastSequence);
            state.put("FloorMicros", now);
        });
    }
}
