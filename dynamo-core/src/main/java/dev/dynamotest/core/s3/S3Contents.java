package dev.dynamotest.core.s3;

import java.util.List;
import java.util.Optional;

/**
 * What the engine's object store (its "S3") holds, read for assertions: objects, exports read back through their
 * manifests, and the error log of imports. Obtain it with {@link dev.dynamotest.core.DynamoEngine#s3()}.
 *
 * <pre>{@code
 * ExportContents export = engine.s3().export(exportArn);
 * }</pre>
 */
public interface S3Contents {

    /** The object store itself. */
    ObjectStore store();

    /** The keys of a bucket that start with the prefix, in key order. */
    List<String> keys(String bucket, String prefix);

    /** An object's content as UTF-8 text, if it exists. */
    Optional<String> text(String bucket, String key);

    /**
     * The export with this ARN, read back from its manifests and data files; fails with
     * {@link IllegalArgumentException} when the engine made no such export.
     */
    ExportContents export(String exportArn);

    /**
     * The error events of an import, as DynamoDB logs them to CloudWatch (log group {@code /aws-dynamodb/imports},
     * stream {@code <import-id>/error}): one JSON text per item that was not imported.
     */
    List<String> importErrors(String importArn);
}
