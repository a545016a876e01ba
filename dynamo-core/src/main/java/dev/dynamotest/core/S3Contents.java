package dev.dynamotest.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.ops.transfers.ExportOperations;
import dev.dynamotest.core.internal.ops.transfers.ExportReader;
import dev.dynamotest.core.internal.ops.transfers.ImportOperations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What the engine's object store (its "S3") holds, read for assertions: objects, exports read back through their
 * manifests, and the error log of imports. Obtain it with {@link DynamoEngine#s3()}.
 *
 * <pre>{@code
 * ExportContents export = engine.s3().export(exportArn);
 * }</pre>
 */
public final class S3Contents {

    private final ObjectStore store;
    private final ExportOperations exports;
    private final ImportOperations imports;

    S3Contents(ObjectStore store, ExportOperations exports, ImportOperations imports) {
        this.store = store;
        this.exports = exports;
        this.imports = imports;
    }

    /** The object store itself. */
    public ObjectStore store() {
        return store;
    }

    /** The keys of a bucket that start with the prefix, in key order. */
    public List<String> keys(String bucket, String prefix) {
        return store.keys(bucket, prefix);
    }

    /** An object's content as UTF-8 text, if it exists. */
    public Optional<String> text(String bucket, String key) {
        return store.get(bucket, key).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * The export with this ARN, read back from its manifests and data files; fails with
     * {@link IllegalArgumentException} when the engine made no such export.
     */
    public ExportContents export(String exportArn) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("ExportArn", exportArn);
        JsonNode description;
        try {
            description = exports.describeExport(region(exportArn), request).get("ExportDescription");
        } catch (DynamoException e) {
            throw new IllegalArgumentException("no export " + exportArn + " was made by this engine");
        }
        return ExportReader.read(store, description, exports.keyNames(exportArn));
    }

    /**
     * The error events of an import, as DynamoDB logs them to CloudWatch (log group {@code /aws-dynamodb/imports},
     * stream {@code <import-id>/error}): one JSON text per item that was not imported.
     */
    public List<String> importErrors(String importArn) {
        return imports.errorLog(importArn);
    }

    private static String region(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            throw new IllegalArgumentException("not an export ARN: " + arn);
        }
        return parts[3];
    }

    @Override
    public String toString() {
        return "S3Contents[" + store + "]";
    }
}
