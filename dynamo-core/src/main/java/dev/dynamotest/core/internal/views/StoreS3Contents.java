package dev.dynamotest.core.internal.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.ops.transfers.ExportOperations;
import dev.dynamotest.core.internal.ops.transfers.ExportReader;
import dev.dynamotest.core.internal.ops.transfers.ImportOperations;
import dev.dynamotest.core.s3.ExportContents;
import dev.dynamotest.core.s3.ObjectStore;
import dev.dynamotest.core.s3.S3Contents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The engine's {@link S3Contents}, over its object store and its export and import operations. */
public record StoreS3Contents(ObjectStore store, ExportOperations exports, ImportOperations imports)
        implements S3Contents {

    @Override
    public List<String> keys(String bucket, String prefix) {
        return store.keys(bucket, prefix);
    }

    @Override
    public Optional<String> text(String bucket, String key) {
        return store.get(bucket, key).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
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

    @Override
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
