package dev.dynamotest.core.internal.ops.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.routing.OperationCaller;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Point-in-time recovery: UpdateContinuousBackups, DescribeContinuousBackups and RestoreTableToPointInTime. The
 * restorable window runs from when recovery was enabled (or the table's history start, or the recovery period
 * ago, whichever is latest) to five minutes before now on the engine clock.
 */
public final class ContinuousBackups {

    /** How far behind now the latest restorable time is, as in DynamoDB. */
    static final Duration LATEST_LAG = Duration.ofMinutes(5);
    private static final String SPEC = "PointInTimeRecoverySpecification";

    private final EngineContext ctx;
    private final PointInTime pointInTime;
    private final TableRestore restore;

    public ContinuousBackups(EngineContext ctx, PointInTime pointInTime, OperationCaller operations) {
        this.ctx = ctx;
        this.pointInTime = pointInTime;
        this.restore = new TableRestore(ctx, operations);
    }

    /** The restorable window of a table with recovery enabled: earliest and latest restorable time. */
    record Window(Instant earliest, Instant latest) {

        boolean contains(Instant time) {
            return !time.isBefore(earliest) && !time.isAfter(latest);
        }

        /**
         * The time asked for, taken as the earliest restorable time when it is that time as the wire carries it
         * (whole milliseconds): a client that sends back the EarliestRestorableDateTime, or a time read from the
         * clock there, is not refused for the sub-millisecond part it could not send.
         */
        Instant atWireMillis(Instant time) {
            boolean sameMillisecond = time.isBefore(earliest) && !time.isBefore(earliest.truncatedTo(ChronoUnit.MILLIS));
            return sameMillisecond ? earliest : time;
        }
    }

    Window window(TableMeta table, Instant now) {
        Instant earliest = LifecycleState.pitrSince(table);
        Instant start = pointInTime.historyStart(table);
        Instant periodStart = now.minus(Duration.ofDays(LifecycleState.pitrDays(table)));
        earliest = start.isAfter(earliest) ? start : earliest;
        earliest = periodStart.isAfter(earliest) ? periodStart : earliest;
        Instant latest = now.minus(LATEST_LAG);
        if (latest.isBefore(earliest)) {
            latest = earliest.isAfter(now) ? now : earliest;
        }
        return new Window(earliest, latest);
    }

    public ObjectNode updateContinuousBackups(String region, ObjectNode request) {
        String name = Json.text(request, "TableName");
        JsonNode spec = Json.object(request, SPEC);
        Boolean enabled = null;
        Long days = null;
        if (spec != null) {
            JsonNode flag = spec.get("PointInTimeRecoveryEnabled");
            enabled = flag == null || flag.isNull() ? null : Json.bool(flag);
            days = Json.integer(spec, "RecoveryPeriodInDays");
        }
        Constraints constraints = new Constraints().notNull(name, "tableName")
                .notNull(spec, "pointInTimeRecoverySpecification");
        if (spec != null) {
            constraints.notNull(enabled, "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled")
                    .range(days, "pointInTimeRecoverySpecification.recoveryPeriodInDays", 1, 35);
        }
        constraints.check();
        TableMeta table = Requests.table(ctx, region, name);
        if (days != null && !enabled) {
            throw DynamoException.validation("RecoveryPeriodInDays can only be set when PointInTimeRecoveryEnabled "
                    + "is true");
        }
        Instant now = ctx.config().clock().now();
        boolean wasEnabled = LifecycleState.pitrEnabled(table);
        boolean enable = enabled;
        int period = days == null ? 35 : days.intValue();
        TableMeta updated = LifecycleState.update(ctx, table, state -> {
            ObjectNode pitr = state.putObject("Pitr");
            pitr.put("Enabled", enable);
            if (enable) {
                pitr.put("Days", period);
                pitr.put("SinceMicros", wasEnabled ? LifecycleState.micros(LifecycleState.pitrSince(table))
                        : LifecycleState.micros(now));
            }
        });
        ObjectNode response = TableRestore.NODES.objectNode();
        response.set("ContinuousBackupsDescription", description(updated, now));
        return response;
    }

    public ObjectNode describeContinuousBackups(String region, ObjectNode request) {
        String name = Json.text(request, "TableName");
        new Constraints().notNull(name, "tableName").check();
        TableMeta table = Requests.table(ctx, region, name);
        ObjectNode response = TableRestore.NODES.objectNode();
        response.set("ContinuousBackupsDescription", description(table, ctx.config().clock().now()));
        return response;
    }

    private ObjectNode description(TableMeta table, Instant now) {
        ObjectNode d = TableRestore.NODES.objectNode();
        boolean enabled = LifecycleState.pitrEnabled(table);
        d.put("ContinuousBackupsStatus", enabled ? "ENABLED" : "DISABLED");
        ObjectNode pitr = d.putObject("PointInTimeRecoveryDescription");
        pitr.put("PointInTimeRecoveryStatus", enabled ? "ENABLED" : "DISABLED");
        if (enabled) {
            Window window = window(table, now);
            pitr.put("RecoveryPeriodInDays", LifecycleState.pitrDays(table));
            pitr.put("EarliestRestorableDateTime", TableRestore.seconds(window.earliest()));
            pitr.put("LatestRestorableDateTime", TableRestore.seconds(window.latest()));
        }
        return d;
    }

    public ObjectNode restoreTableToPointInTime(String region, ObjectNode request) {
        String target = Json.text(request, "TargetTableName");
        String sourceName = Json.text(request, "SourceTableName");
        String sourceArn = Json.text(request, "SourceTableArn");
        Instant at = Requests.time(request, "RestoreDateTime");
        boolean latest = Json.bool(request, "UseLatestRestorableTime", false);
        new Constraints().tableName(target, "targetTableName")
                .length(sourceArn, "sourceTableArn", 1, 1024)
                .check();
        if (sourceName != null) {
            new Constraints().tableName(sourceName, "sourceTableName").check();
        }
        if (sourceName == null && sourceArn == null) {
            throw DynamoException.validation("Either source table name or source table arn must be specified");
        }
        if (sourceName != null && sourceArn != null) {
            throw DynamoException.validation("Only one of source table name or source table arn can be specified");
        }
        if (latest && at != null) {
            throw DynamoException.validation("Only one of RestoreDateTime or UseLatestRestorableTime can be "
                    + "specified");
        }
        if (!latest && at == null) {
            throw DynamoException.validation("Either RestoreDateTime or UseLatestRestorableTime must be specified");
        }
        TableMeta source = Requests.table(ctx, region, sourceName != null ? sourceName : sourceArn);
        if (ctx.catalog().find(region, target).isPresent()) {
            throw new DynamoException("TableAlreadyExistsException", "Table already exists: " + target);
        }
        if (!LifecycleState.pitrEnabled(source)) {
            throw new DynamoException("PointInTimeRecoveryUnavailableException",
                    "Point in time recovery is not enabled for table '" + source.name() + "'");
        }
        Instant now = ctx.config().clock().now();
        Window window = window(source, now);
        Instant time = latest ? window.latest() : window.atWireMillis(at);
        if (!window.contains(time)) {
            throw new DynamoException("InvalidRestoreTimeException", "Invalid restore time specified: " + time
                    + ". RestoreDateTime must be between " + window.earliest() + " and " + window.latest());
        }
        ObjectNode response = TableRestore.NODES.objectNode();
        response.set("TableDescription", restore.restore(region, target, source.description(), request,
                pointInTime.itemsAt(source, time), TableRestore.summary(source.arn(), null, time)));
        return response;
    }
}
