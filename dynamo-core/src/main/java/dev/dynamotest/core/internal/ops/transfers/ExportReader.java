package dev.dynamotest.core.internal.ops.transfers;

import com.amazon.ion.IonStruct;
import com.amazon.ion.IonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamotest.core.s3.ExportContents;
import dev.dynamotest.core.s3.ObjectStore;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.model.AttributeValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads an export back from the object store through its manifests, for {@code S3Contents.export}. */
public final class ExportReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportReader() {
    }

    /** The export that DescribeExport describes, read from the store. */
    public static ExportContents read(ObjectStore store, JsonNode d, List<String> keyNames) {
        String arn = d.path("ExportArn").asText();
        String status = d.path("ExportStatus").asText();
        String type = d.path("ExportType").asText();
        String format = d.path("ExportFormat").asText();
        String tableArn = d.path("TableArn").asText();
        if (!"COMPLETED".equals(status)) {
            return new ExportContents(arn, tableArn, keyNames, status, type, format, 0, List.of(), List.of(), List.of());
        }
        String bucket = d.path("S3Bucket").asText();
        JsonNode summary = summary(store, bucket, d.path("ExportManifest").asText());
        List<String> dataKeys = new ArrayList<>();
        for (JsonNode file : files(store, bucket, summary)) {
            dataKeys.add(file.path("dataFileS3Key").asText());
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<ExportContents.Change> changes = new ArrayList<>();
        boolean incremental = "INCREMENTAL_EXPORT".equals(type);
        for (String key : dataKeys) {
            for (String line : dataLines(store, bucket, key)) {
                if (!incremental) {
                    items.add("ION".equals(format) ? IonItems.item(ionField(line, "Item"))
                            : AttributeValueJson.decodeItem(json(line).get("Item")));
                    continue;
                }
                ExportContents.Change change = "ION".equals(format) ? ionChange(line) : jsonChange(json(line));
                changes.add(change);
                if (change.newImage() != null) {
                    items.add(change.newImage());
                }
            }
        }
        return new ExportContents(arn, tableArn, keyNames, status, type, format, summary.path("itemCount").asLong(), dataKeys, items,
                changes);
    }

    /** The export's summary manifest, {@code manifestKey} being the ExportManifest of its description. */
    public static JsonNode summary(ObjectStore store, String bucket, String manifestKey) {
        return json(text(store, bucket, manifestKey));
    }

    /** The lines of the files manifest that the export's {@code summary} manifest names, one per data file. */
    public static List<JsonNode> files(ObjectStore store, String bucket, JsonNode summary) {
        List<JsonNode> files = new ArrayList<>();
        for (String line : text(store, bucket, summary.path("manifestFilesS3Key").asText()).split("\n")) {
            if (!line.isBlank()) {
                files.add(json(line));
            }
        }
        return files;
    }

    /** The non-empty lines of one gzipped data file, as text. */
    public static List<String> dataLines(ObjectStore store, String bucket, String dataKey) {
        List<String> lines = new ArrayList<>();
        for (String line : gunzip(store.get(bucket, dataKey).orElseThrow(() -> new IllegalStateException(
                "the export's data file " + dataKey + " is missing from bucket " + bucket))).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static ExportContents.Change jsonChange(JsonNode line) {
        long micros = Long.parseLong(line.path("Metadata").path("WriteTimestampMicros").path("N").asText());
        return new ExportContents.Change(AttributeValueJson.decodeItem(line.get("Keys")), image(line, "OldImage"),
                image(line, "NewImage"), Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
    }

    private static Map<String, AttributeValue> image(JsonNode line, String name) {
        return line.has(name) ? AttributeValueJson.decodeItem(line.get(name)) : null;
    }

    private static ExportContents.Change ionChange(String line) {
        IonStruct record = (IonStruct) ionField(line, "Record");
        BigDecimal micros = ((com.amazon.ion.IonDecimal) ((IonStruct) record.get("Metadata"))
                .get("WriteTimestampMicros")).bigDecimalValue();
        return new ExportContents.Change(IonItems.item(record.get("Keys")),
                record.get("OldImage") == null ? null : IonItems.item(record.get("OldImage")),
                record.get("NewImage") == null ? null : IonItems.item(record.get("NewImage")),
                Instant.EPOCH.plus(micros.longValueExact(), ChronoUnit.MICROS));
    }

    private static IonValue ionField(String line, String field) {
        List<IonValue> values = IonItems.values(line);
        return ((IonStruct) values.get(0)).get(field);
    }

    private static String text(ObjectStore store, String bucket, String key) {
        return new String(store.get(bucket, key).orElseThrow(() -> new IllegalStateException("the export's "
                + key + " is missing from bucket " + bucket)), StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
