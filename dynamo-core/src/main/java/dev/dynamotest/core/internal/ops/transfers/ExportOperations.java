package dev.dynamotest.core.internal.ops.transfers;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.s3.DirectoryObjectStore;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.s3.ObjectStore;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.routing.Api;
import dev.dynamotest.core.internal.routing.Routes;
import dev.dynamotest.core.internal.schema.TableHistory;
import dev.dynamotest.core.internal.schema.Times;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ExportTableToPointInTime, DescribeExport and ListExports. An export runs to its end within the request, on the
 * engine's clock: the response says {@code IN_PROGRESS} as DynamoDB's does, and DescribeExport already says
 * {@code COMPLETED} (or {@code FAILED}, with DynamoDB's failure code, when the bucket cannot be written).
 */
public final class ExportOperations {

    private static final Duration MIN_WINDOW = Duration.ofMinutes(15);
    private static final Duration MAX_WINDOW = Duration.ofHours(24);

    private final EngineContext ctx;
    private final TableHistory history;
    private final Transfers exports;
    private final Map<String, List<String>> keyNames = new java.util.concurrent.ConcurrentHashMap<>();

    public ExportOperations(EngineContext ctx, TableHistory history) {
        this.ctx = ctx;
        this.history = history;
        this.exports = new Transfers("Export", "ExportDescription");
    }

    /** Registers ExportTableToPointInTime, DescribeExport and ListExports by their DynamoDB names. */
    public void registerIn(Routes routes) {
        routes.add(Api.DYNAMODB, "ExportTableToPointInTime", this::exportTableToPointInTime);
        routes.add(Api.DYNAMODB, "DescribeExport", this::describeExport);
        routes.add(Api.DYNAMODB, "ListExports", this::listExports);
    }

    public ObjectNode exportTableToPointInTime(String region, ObjectNode request) {
        String tableArn = Json.text(request, "TableArn");
        String bucket = Json.text(request, "S3Bucket");
        String format = Json.text(request, "ExportFormat");
        String type = Json.text(request, "ExportType");
        String sse = Json.text(request, "S3SseAlgorithm");
        new Constraints()
                .notNull(tableArn, "tableArn")
                .notNull(bucket, "s3Bucket")
                .oneOf(format, "exportFormat", "DYNAMODB_JSON", "ION")
                .oneOf(type, "exportType", "FULL_EXPORT", "INCREMENTAL_EXPORT")
                .oneOf(sse, "s3SseAlgorithm", "AES256", "KMS")
                .check();
        TableMeta table = table(region, tableArn);
        Instant now = ctx.config().clock().now();
        return exports.startOnce(region, request, now,
                () -> new DynamoException("ExportConflictException", "There was a conflict when writing to the "
                        + "specified S3 bucket. The export request conflicts with a previous export request "
                        + "that had the same client token."),
                token -> {
                    if (!history.enabled(table)) {
                        throw new DynamoException("PointInTimeRecoveryUnavailableException",
                                "Point in time recovery is not enabled for table '" + table.name() + "'");
                    }
                    boolean incremental = "INCREMENTAL_EXPORT".equals(type);
                    Window window = incremental ? incrementalWindow(request, table, now) : null;
                    Instant exportTime = incremental ? null : exportTime(request, table, now);
                    String exportId = TransferIds.next(now);
                    String exportArn = table.arn() + "/export/" + exportId;
                    ObjectNode d = NODES.objectNode();
                    d.put("ExportArn", exportArn);
                    d.put("ExportStatus", "IN_PROGRESS");
                    d.put("StartTime", Times.epochSeconds(now));
                    d.put("TableArn", table.arn());
                    d.put("TableId", table.description().path("TableId").asText());
                    if (exportTime != null) {
                        d.put("ExportTime", Times.epochSeconds(exportTime));
                    }
                    if (token != null) {
                        d.put("ClientToken", token);
                    }
                    d.put("S3Bucket", bucket);
                    copy(request, d, "S3BucketOwner", "S3Prefix");
                    d.put("S3SseAlgorithm", sse == null ? "AES256" : sse);
                    copy(request, d, "S3SseKmsKeyId");
                    d.put("ExportFormat", format == null ? "DYNAMODB_JSON" : format);
                    d.put("ExportType", incremental ? "INCREMENTAL_EXPORT" : "FULL_EXPORT");
                    if (incremental) {
                        ObjectNode spec = d.putObject("IncrementalExportSpecification");
                        spec.put("ExportFromTime", Times.epochSeconds(window.from()));
                        spec.put("ExportToTime", Times.epochSeconds(window.to()));
                        spec.put("ExportViewType", window.viewType());
                    }
                    ObjectNode response = exports.response(d);
                    ExportFiles.Target target = new ExportFiles.Target(bucket, Json.text(request, "S3Prefix"), exportId,
                            exportArn, table.arn(), d.path("TableId").asText(), d.path("ExportFormat").asText(),
                            d.path("S3SseAlgorithm").asText(), Json.text(request, "S3SseKmsKeyId"));
                    run(table, target, d, exportTime, window, now);
                    keyNames.put(exportArn, table.rangeKey() == null ? List.of(table.hashKey().name())
                            : List.of(table.hashKey().name(), table.rangeKey().name()));
                    return new Transfers.Started(d, response);
                });
    }

    private void run(TableMeta table, ExportFiles.Target target, ObjectNode d, Instant exportTime, Window window,
            Instant now) {
        ObjectStore store = ctx.config().objectStore();
        Instant end = ctx.config().clock().now();
        try {
            if (!store.bucketExists(target.bucket()) && !(store instanceof DirectoryObjectStore)) {
                fail(d, end, "S3NoSuchBucket", "The specified bucket does not exist");
                return;
            }
            ExportFiles.start(store, target);
            ExportFiles.Written written;
            if (window == null) {
                written = ExportFiles.writeFull(store, target, history.itemsAt(table, exportTime), now, end,
                        exportTime);
            } else {
                written = ExportFiles.writeIncremental(store, target, compact(table, window), window.viewType(),
                        now, end, window.from(), window.to());
            }
            d.put("ExportStatus", "COMPLETED");
            d.put("EndTime", Times.epochSeconds(end));
            d.put("ExportManifest", target.manifestSummaryKey());
            d.put("BilledSizeBytes", written.billedSizeBytes());
            d.put("ItemCount", written.itemCount());
        } catch (RuntimeException e) {
            if (TransferFailures.isStoreFailure(e)) {
                fail(d, end, "S3AccessDenied", "Failed to write to the S3 bucket: " + e.getMessage());
            } else {
                fail(d, end, TransferFailures.INTERNAL_ERROR,
                        TransferFailures.internalError(d.path("ExportArn").asText(), e));
            }
        }
    }

    private static void fail(ObjectNode d, Instant end, String code, String message) {
        d.put("ExportStatus", "FAILED");
        d.put("EndTime", Times.epochSeconds(end));
        d.put("FailureCode", code);
        d.put("FailureMessage", message);
    }

    /** One line per item changed in the window: its first old image and its last new image. */
    private List<ExportFiles.Change> compact(TableMeta table, Window window) {
        Map<Map<String, AttributeValue>, ExportFiles.Change> changes = new LinkedHashMap<>();
        for (ChangeRecord record : history.changes(table, window.from(), window.to())) {
            ExportFiles.Change first = changes.get(record.keys());
            Map<String, AttributeValue> oldImage = first == null ? record.oldImage() : first.oldImage();
            changes.put(record.keys(), new ExportFiles.Change(record.keys(), oldImage, record.newImage(),
                    record.time()));
        }
        List<ExportFiles.Change> lines = new ArrayList<>();
        for (ExportFiles.Change change : changes.values()) {
            if (change.oldImage() != null || change.newImage() != null) {
                lines.add(change);
            }
        }
        return lines;
    }

    private record Window(Instant from, Instant to, String viewType) {
    }

    private Window incrementalWindow(ObjectNode request, TableMeta table, Instant now) {
        JsonNode spec = Json.object(request, "IncrementalExportSpecification");
        if (request.hasNonNull("ExportTime")) {
            throw DynamoException.validation("ExportTime cannot be specified for an incremental export");
        }
        if (spec == null || !spec.has("ExportFromTime")) {
            throw DynamoException.validation("ExportFromTime is required for an incremental export");
        }
        String view = Json.text(spec, "ExportViewType");
        new Constraints().oneOf(view, "incrementalExportSpecification.exportViewType", "NEW_IMAGE",
                "NEW_AND_OLD_IMAGES").check();
        Instant from = instant(spec.get("ExportFromTime"), "ExportFromTime");
        Instant to = spec.has("ExportToTime") ? instant(spec.get("ExportToTime"), "ExportToTime") : now;
        if (!from.isBefore(to)) {
            throw DynamoException.validation("ExportFromTime must be before ExportToTime");
        }
        if (to.isAfter(now) || from.isBefore(earliest(table))) {
            throw new DynamoException("InvalidExportTimeException",
                    "The specified ExportTime is outside of the point in time recovery window.");
        }
        Duration length = Duration.between(from, to);
        if (length.compareTo(MIN_WINDOW) < 0 || length.compareTo(MAX_WINDOW) > 0) {
            throw DynamoException.validation("The duration between ExportFromTime and ExportToTime must be between "
                    + "15 minutes and 24 hours");
        }
        return new Window(from, to, view == null ? "NEW_AND_OLD_IMAGES" : view);
    }

    private Instant exportTime(ObjectNode request, TableMeta table, Instant now) {
        if (request.has("IncrementalExportSpecification")) {
            throw DynamoException.validation("IncrementalExportSpecification can only be specified for an "
                    + "incremental export");
        }
        if (!request.has("ExportTime") || request.get("ExportTime").isNull()) {
            return now;
        }
        Instant at = instant(request.get("ExportTime"), "ExportTime");
        if (at.isAfter(now) || at.isBefore(earliest(table))) {
            throw new DynamoException("InvalidExportTimeException",
                    "The specified ExportTime is outside of the point in time recovery window.");
        }
        return at;
    }

    /** The earliest instant the table's past can be exported from. */
    private Instant earliest(TableMeta table) {
        return history.earliest(table, ctx.config().clock().now());
    }

    private static Instant instant(JsonNode node, String name) {
        if (node == null || !node.isNumber()) {
            throw DynamoException.serialization("class com.amazon.coral.value.json.numbers.TruncatingBigNumber "
                    + "can not be converted to an Date for " + name);
        }
        return Instant.ofEpochMilli(node.decimalValue().movePointRight(3).longValue());
    }

    /** The key attribute names of the table an export of this engine read. */
    public List<String> keyNames(String exportArn) {
        return keyNames.getOrDefault(exportArn, List.of());
    }

    public ObjectNode describeExport(String region, ObjectNode request) {
        return exports.describe(region, request);
    }

    public ObjectNode listExports(String region, ObjectNode request) {
        return exports.list(region, request, "MaxResults", "ExportSummaries", "ExportArn", "ExportStatus",
                "ExportType");
    }

    private TableMeta table(String region, String tableArn) {
        String[] parts = tableArn.split(":", 6);
        if (parts.length < 6 || !parts[5].startsWith("table/")) {
            throw DynamoException.validation("Invalid TableArn: " + tableArn);
        }
        String name = parts[5].substring("table/".length());
        return ctx.catalog().find(region, name).filter(t -> t.arn().equals(tableArn))
                .orElseThrow(() -> new DynamoException("TableNotFoundException", "Table not found: " + tableArn));
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.hasNonNull(field)) {
                to.set(field, from.get(field));
            }
        }
    }
}
