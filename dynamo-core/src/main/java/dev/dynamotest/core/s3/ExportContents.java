package dev.dynamotest.core.s3;

import dev.dynamotest.core.model.AttributeValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An export read back from the object store, for assertions: what its manifests say and the items (or, for an
 * incremental export, the changes) of its data files. Obtain it with {@link S3Contents#export(String)}.
 *
 * @param exportArn  the export's ARN
 * @param tableArn   the ARN of the exported table
 * @param keyNames   the exported table's partition key name, then its sort key name if it has one
 * @param status     {@code COMPLETED} or {@code FAILED}
 * @param exportType {@code FULL_EXPORT} or {@code INCREMENTAL_EXPORT}
 * @param format     {@code DYNAMODB_JSON} or {@code ION}
 * @param itemCount  the item count of the summary manifest
 * @param dataKeys   the keys of the data files, as the files manifest lists them
 * @param items      a full export's items; an incremental export's new images (deletions have none)
 * @param changes    an incremental export's lines; empty for a full export
 */
public record ExportContents(String exportArn, String tableArn, List<String> keyNames, String status, String exportType, String format, long itemCount,
        List<String> dataKeys, List<Map<String, AttributeValue>> items, List<Change> changes) {

    /** The export id: the last part of its ARN. */
    public String exportId() {
        return exportArn.substring(exportArn.lastIndexOf('/') + 1);
    }

    /** The exported table's name. */
    public String tableName() {
        return tableArn.substring(tableArn.indexOf(":table/") + ":table/".length());
    }

    /** The region of the exported table. */
    public String region() {
        return tableArn.split(":")[3];
    }

    /**
     * One line of an incremental export: the item's key, its image before the window (with the
     * {@code NEW_AND_OLD_IMAGES} view, when it existed) and after it (absent for a deletion), and when it was last written.
     */
    public record Change(Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage, Instant writeTime) {
    }
}
