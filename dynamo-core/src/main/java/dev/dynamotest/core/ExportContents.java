package dev.dynamotest.core;

import dev.dynamotest.core.model.AttributeValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An export read back from the object store, for assertions: what its manifests say and the items (or, for an
 * incremental export, the changes) of its data files. Obtain it with {@link S3Contents#export(String)}.
 *
 * @param exportArn  the export's ARN
 * @param status     {@code COMPLETED} or {@code FAILED}
 * @param exportType {@code FULL_EXPORT} or {@code INCREMENTAL_EXPORT}
 * @param format     {@code DYNAMODB_JSON} or {@code ION}
 * @param itemCount  the item count of the summary manifest
 * @param dataKeys   the keys of the data files, as the files manifest lists them
 * @param items      a full export's items; an incremental export's new images (deletions have none)
 * @param changes    an incremental export's lines; empty for a full export
 */
public record ExportContents(String exportArn, String status, String exportType, String format, long itemCount,
        List<String> dataKeys, List<Map<String, AttributeValue>> items, List<Change> changes) {

    /**
     * One line of an incremental export: the item's key, its image before the window (with the
     * {@code NEW_AND_OLD_IMAGES} view, when it existed) and after it (absent for a deletion), and when it was last written.
     */
    public record Change(Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage, Instant writeTime) {
    }
}
