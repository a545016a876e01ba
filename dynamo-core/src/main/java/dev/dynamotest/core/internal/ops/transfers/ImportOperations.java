package dev.dynamotest.core.internal.ops.transfers;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.RandomIds;
import dev.dynamotest.core.s3.ObjectStore;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.routing.Api;
import dev.dynamotest.core.internal.routing.OperationCaller;
import dev.dynamotest.core.internal.routing.Routes;
import dev.dynamotest.core.internal.schema.Times;
import dev.dynamotest.core.internal.storage.IndexMeta;
import dev.dynamotest.core.internal.storage.KeyAttribute;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import dev.dynamotest.core.internal.write.ItemKeys;
import dev.dynamotest.core.internal.write.WritePath;
import dev.dynamotest.core.model.AttributeValue;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ImportTable, DescribeImport and ListImports. An import creates its table, reads every object under the source
 * prefix and writes the valid items through the one write path, all within the request on the engine's clock: the
 * response says {@code IN_PROGRESS} as DynamoDB's does, and DescribeImport already tells the end. As in DynamoDB,
 * items that fail validation are skipped and counted, each logged as a CloudWatch-style error event, and the import
 * then ends FAILED with {@code ItemValidationError}, keeping the table with the items that were imported.
 */
public final class ImportOperations {

    private static final int BATCH = 100;
    private static final String VALIDATION_FAILURE = "Some of the items failed validation checks and were not "
            + "imported. Please check CloudWatch error logs for more details.";

    private final EngineContext ctx;
    private final OperationCaller operations;
    private final Transfers imports = new Transfers("Import", "ImportTableDescription");
    private final Map<String, List<String>> errorLogs = new ConcurrentHashMap<>();

    public ImportOperations(EngineContext ctx, OperationCaller operations) {
        this.ctx = ctx;
        this.operations = operations;
    }

    /** Registers ImportTable, DescribeImport and ListImports by their DynamoDB names. */
    public void registerIn(Routes routes) {
        routes.add(Api.DYNAMODB, "ImportTable", this::importTable);
        routes.add(Api.DYNAMODB, "DescribeImport", this::describeImport);
        routes.add(Api.DYNAMODB, "ListImports", this::listImports);
    }

    /** The error events an import logged (what DynamoDB writes to the log stream {@code <import-id>/error}). */
    public List<String> errorLog(String importArn) {
        return List.copyOf(errorLogs.getOrDefault(importArn, List.of()));
    }

    public ObjectNode importTable(String region, ObjectNode request) {
        JsonNode source = Json.object(request, "S3BucketSource");
        JsonNode params = Json.object(request, "TableCreationParameters");
        String format = Json.text(request, "InputFormat");
        String compression = Json.text(request, "InputCompressionType");
        JsonNode options = Json.object(request, "InputFormatOptions");
        JsonNode csv = options == null ? null : Json.object(options, "Csv");
        String delimiter = csv == null ? null : Json.text(csv, "Delimiter");
        JsonNode headers = csv == null ? null : Json.array(csv, "HeaderList");
        Constraints constraints = new Constraints()
                .notNull(source, "s3BucketSource")
                .notNull(format, "inputFormat")
                .notNull(params, "tableCreationParameters")
                .oneOf(format, "inputFormat", "DYNAMODB_JSON", "ION", "CSV")
                .oneOf(compression, "inputCompressionType", "GZIP", "ZSTD", "NONE");
        if (source != null) {
            constraints.notNull(Json.text(source, "S3Bucket"), "s3BucketSource.s3Bucket");
        }
        if (delimiter != null && !delimiter.matches("[,;:|\t ]")) {
            constraints.violation(delimiter, "inputFormatOptions.csv.delimiter",
                    "Member must satisfy regular expression pattern: [,;:|\\t ]");
        }
        if (headers != null && (headers.size() < 1 || headers.size() > 255)) {
            constraints.violation(headers.size(), "inputFormatOptions.csv.headerList",
                    "Member must have length less than or equal to 255");
        }
        constraints.check();
        if (params.path("TableName").isTextual()) {
            new Constraints().tableName(params.path("TableName").asText(), "tableCreationParameters.tableName")
                    .check();
        }
        Instant now = ctx.config().clock().now();
        return imports.startOnce(region, request, now,
                () -> new DynamoException("ImportConflictException", "There was a conflict when importing from "
                        + "the specified S3 source. This can occur when the current import conflicts with a "
                        + "previous import request that had the same client token."),
                token -> {
                    String name = params.path("TableName").asText();
                    if (ctx.catalog().find(region, name).isPresent()) {
                        throw DynamoException.resourceInUse("Table already exists: " + name);
                    }
                    String id = TransferIds.next(now);
                    ObjectNode d = NODES.objectNode();
                    d.put("ImportArn", ctx.tableArn(region, name) + "/import/" + id);
                    d.put("ImportStatus", "IN_PROGRESS");
                    d.put("TableArn", ctx.tableArn(region, name));
                    if (token != null) {
                        d.put("ClientToken", token);
                    }
                    d.set("S3BucketSource", source.deepCopy());
                    d.put("ErrorCount", 0L);
                    d.put("CloudWatchLogGroupArn", "arn:aws:logs:" + region + ":" + ctx.config().accountId()
                            + ":log-group:/aws-dynamodb/imports:*");
                    d.put("InputFormat", format);
                    if (request.has("InputFormatOptions")) {
                        d.set("InputFormatOptions", request.get("InputFormatOptions").deepCopy());
                    }
                    d.put("InputCompressionType", compression == null ? "NONE" : compression);
                    d.set("TableCreationParameters", params.deepCopy());
                    d.put("StartTime", Times.epochSeconds(now));
                    d.put("ProcessedSizeBytes", 0L);
                    d.put("ProcessedItemCount", 0L);
                    d.put("ImportedItemCount", 0L);
                    String bucket = Json.text(source, "S3Bucket");
                    ObjectStore store = ctx.config().objectStore();
                    ObjectNode response;
                    if (!store.bucketExists(bucket)) {
                        d.put("TableId", RandomIds.uuid().toString());
                        response = imports.response(d);
                        end(d, "FAILED");
                        d.put("FailureCode", "S3NoSuchBucket");
                        d.put("FailureMessage", "The specified bucket does not exist (Service: Amazon S3; Status Code: "
                                + "404; Error Code: NoSuchBucket)");
                    } else {
                        ObjectNode created = operations.call(region, "CreateTable", params.deepCopy());
                        d.put("TableId", created.path("TableDescription").path("TableId").asText());
                        response = imports.response(d);
                        TableMeta table = ctx.table(region, name);
                        try {
                            run(table, d, store, bucket, Json.text(source, "S3KeyPrefix"), format, compression,
                                    delimiter == null ? ',' : delimiter.charAt(0), headerList(headers));
                        } catch (RuntimeException e) {
                            end(d, "FAILED");
                            if (TransferFailures.isStoreFailure(e)) {
                                d.put("FailureCode", "S3AccessDenied");
                                d.put("FailureMessage", "Failed to read from the S3 bucket: " + e.getMessage());
                            } else {
                                d.put("FailureCode", TransferFailures.INTERNAL_ERROR);
                                d.put("FailureMessage", TransferFailures.internalError(
                                        d.path("ImportArn").asText(), e));
                            }
                        }
                    }
                    return new Transfers.Started(d, response);
                });
    }

    private void run(TableMeta table, ObjectNode d, ObjectStore store, String bucket, String prefix, String format,
            String compression, char delimiter, List<String> headers) {
        String arn = d.path("ImportArn").asText();
        List<String> log = new ArrayList<>();
        errorLogs.put(arn, log);
        Map<String, String> keyTypes = keyTypes(table);
        long processedBytes = 0;
        long processed = 0;
        long imported = 0;
        long errors = 0;
        for (String key : store.keys(bucket, prefix == null ? "" : prefix)) {
            if (key.endsWith("/")) {
                continue;
            }
            byte[] content = store.get(bucket, key).orElse(new byte[0]);
            processedBytes += content.length;
            List<ImportItems.Entry> entries;
            try {
                byte[] uncompressed = Compression.decompress(compression, content);
                entries = ImportItems.read(format, uncompressed, delimiter, headers, keyTypes);
            } catch (IOException | com.github.luben.zstd.ZstdException e) {
                entries = List.of(new ImportItems.Entry(null, "Unable to decompress the object as "
                        + d.path("InputCompressionType").asText() + ": " + e.getMessage()));
            }
            List<WritePath.Write> batch = new ArrayList<>();
            for (int index = 0; index < entries.size(); index++) {
                ImportItems.Entry entry = entries.get(index);
                processed++;
                String error = entry.error() != null ? entry.error() : validate(table, entry.item());
                if (error != null) {
                    errors++;
                    log.add(errorEvent(bucket, key, index, arn, error));
                    continue;
                }
                Map<String, AttributeValue> item = entry.item();
                batch.add(new WritePath.Write(table, table.keyOf(item), current -> item, "import"));
                if (batch.size() == BATCH) {
                    imported += write(batch);
                }
            }
            imported += write(batch);
        }
        d.put("ProcessedSizeBytes", processedBytes);
        d.put("ProcessedItemCount", processed);
        d.put("ImportedItemCount", imported);
        d.put("ErrorCount", errors);
        end(d, errors == 0 ? "COMPLETED" : "FAILED");
        if (errors > 0) {
            d.put("FailureCode", "ItemValidationError");
            d.put("FailureMessage", VALIDATION_FAILURE);
        }
    }

    private int write(List<WritePath.Write> batch) {
        int written = batch.size();
        if (written > 0) {
            ctx.writes().apply(List.copyOf(batch));
            batch.clear();
        }
        return written;
    }

    private static String validate(TableMeta table, Map<String, AttributeValue> item) {
        try {
            ItemKeys.checkItem(table, item);
            ItemKeys.checkIndexKeys(table, item);
            ItemKeys.checkSize(item, "Item size has exceeded the maximum allowed size");
            return null;
        } catch (DynamoException e) {
            return e.getMessage();
        }
    }

    private static String errorEvent(String bucket, String key, int index, String arn, String message) {
        ObjectNode event = NODES.objectNode();
        ObjectNode pointer = event.putObject("itemS3Pointer");
        pointer.put("bucket", bucket);
        pointer.put("key", key);
        pointer.put("itemIndex", index);
        event.put("importArn", arn);
        event.putArray("errorMessages").add(message);
        return event.toString();
    }

    private void end(ObjectNode d, String status) {
        d.put("ImportStatus", status);
        d.put("EndTime", Times.epochSeconds(ctx.config().clock().now()));
    }

    private static Map<String, String> keyTypes(TableMeta table) {
        Map<String, String> types = new HashMap<>();
        types.put(table.hashKey().name(), table.hashKey().type());
        if (table.rangeKey() != null) {
            types.put(table.rangeKey().name(), table.rangeKey().type());
        }
        for (IndexMeta index : table.indexes()) {
            for (KeyAttribute key : index.keys()) {
                types.putIfAbsent(key.name(), key.type());
            }
        }
        return types;
    }

    private static List<String> headerList(JsonNode headers) {
        if (headers == null) {
            return null;
        }
        List<String> list = new ArrayList<>();
        headers.forEach(h -> list.add(h.asText()));
        return list;
    }

    public ObjectNode describeImport(String region, ObjectNode request) {
        return imports.describe(region, request);
    }

    public ObjectNode listImports(String region, ObjectNode request) {
        return imports.list(region, request, "PageSize", "ImportSummaryList", "ImportArn", "ImportStatus",
                "TableArn", "S3BucketSource", "CloudWatchLogGroupArn", "InputFormat", "StartTime", "EndTime");
    }
}
