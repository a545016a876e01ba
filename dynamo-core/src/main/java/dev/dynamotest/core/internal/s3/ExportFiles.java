package dev.dynamotest.core.internal.s3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.s3.ObjectStore;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.model.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an export in DynamoDB's layout: under {@code [prefix/]AWSDynamoDB/<ExportId>/} the empty {@code _started},
 * {@code manifest-summary.json}, {@code manifest-files.json} (JSON lines, one per data file), an {@code .md5} and a
 * {@code .checksum} file beside each manifest (the hex MD5 of the manifest), and the gzipped data files:
 * {@code <ExportId>/data/*.json.gz} or {@code *.ion.gz} for a full export, {@code AWSDynamoDB/data/} (shared by the
 * incremental exports of a prefix) for an incremental one.
 */
public final class ExportFiles {

    /** What an export is asked for and where it goes. */
    public record Target(String bucket, String prefix, String exportId, String exportArn, String tableArn,
            String tableId, String format, String sseAlgorithm, String kmsKeyId) {

        /** The key of an object below {@code [prefix/]AWSDynamoDB/}. */
        String key(String below) {
            return (prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/")
                    + "AWSDynamoDB/" + below;
        }

        /** The key of the summary manifest: what ExportManifest names. */
        public String manifestSummaryKey() {
            return key(exportId + "/manifest-summary.json");
        }
    }

    /** One change of an incremental export: the item's key, its images at the start and end of the window. */
    public record Change(Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage, Instant writeTime) {
    }

    /** What was written: the number of lines and their billed size. */
    public record Written(long itemCount, long billedSizeBytes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ExportFiles() {
    }

    /** Marks the export started: the empty {@code _started} object, which also proves the bucket writable. */
    public static void start(ObjectStore store, Target target) {
        store.put(target.bucket(), target.key(target.exportId() + "/_started"), new byte[0]);
    }

    /** Writes a full export of the given items and its manifests. */
    public static Written writeFull(ObjectStore store, Target target, List<Map<String, AttributeValue>> items,
            Instant startTime, Instant endTime, Instant exportTime) {
        StringBuilder lines = new StringBuilder();
        long billed = 0;
        for (Map<String, AttributeValue> item : items) {
            lines.append(fullLine(target.format(), item)).append('\n');
            billed += dev.dynamotest.core.internal.ops.ItemSize.of(item);
        }
        String dataKey = target.key(target.exportId() + "/data/" + fileName() + extension(target.format()));
        ObjectNode summary = summary(target, "2020-06-30", startTime, endTime, items.size(), billed);
        summary.put("exportTime", TIME.format(exportTime));
        finish(store, target, dataKey, lines.toString(), items.size(), summary);
        return new Written(items.size(), billed);
    }

    /** Writes an incremental export of the given changes and its manifests. */
    public static Written writeIncremental(ObjectStore store, Target target, List<Change> changes, String viewType,
            Instant startTime, Instant endTime, Instant from, Instant to) {
        StringBuilder lines = new StringBuilder();
        long billed = 0;
        boolean oldImages = "NEW_AND_OLD_IMAGES".equals(viewType);
        for (Change change : changes) {
            Map<String, AttributeValue> oldImage = oldImages ? change.oldImage() : null;
            lines.append(incrementalLine(target.format(), change, oldImage)).append('\n');
            billed += size(change.keys()) + size(oldImage) + size(change.newImage());
        }
        String dataKey = target.key("data/" + fileName() + extension(target.format()));
        ObjectNode summary = summary(target, "2023-08-01", startTime, endTime, changes.size(), billed);
        summary.put("exportFromTime", TIME.format(from));
        summary.put("exportToTime", TIME.format(to));
        summary.put("exportType", "INCREMENTAL_EXPORT");
        summary.put("outputView", viewType);
        finish(store, target, dataKey, lines.toString(), changes.size(), summary);
        return new Written(changes.size(), billed);
    }

    private static void finish(ObjectStore store, Target target, String dataKey, String lines, long count,
            ObjectNode summary) {
        byte[] data = gzip(lines.getBytes(StandardCharsets.UTF_8));
        store.put(target.bucket(), dataKey, data);
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.put("itemCount", count);
        file.put("md5Checksum", Base64.getEncoder().encodeToString(md5(data)));
        file.put("etag", HexFormat.of().formatHex(md5(data)));
        file.put("dataFileS3Key", dataKey);
        byte[] files = (file.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        String filesKey = target.key(target.exportId() + "/manifest-files.json");
        store.put(target.bucket(), filesKey, files);
        checksums(store, target, "manifest-files", files);
        summary.put("manifestFilesS3Key", filesKey);
        summary.put("billedSizeBytes", summary.remove("billedSizeBytes").asLong());
        summary.put("itemCount", summary.remove("itemCount").asLong());
        summary.put("outputFormat", target.format());
        if (summary.has("outputView")) {
            summary.set("outputView", summary.remove("outputView"));
        }
        byte[] summaryBytes = pretty(summary);
        store.put(target.bucket(), target.manifestSummaryKey(), summaryBytes);
        checksums(store, target, "manifest-summary", summaryBytes);
    }

    private static ObjectNode summary(Target target, String version, Instant start, Instant end, long count,
            long billed) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("version", version);
        s.put("exportArn", target.exportArn());
        s.put("startTime", TIME.format(start));
        s.put("endTime", TIME.format(end));
        s.put("tableArn", target.tableArn());
        s.put("tableId", target.tableId());
        s.put("s3Bucket", target.bucket());
        if (target.prefix() == null) {
            s.putNull("s3Prefix");
        } else {
            s.put("s3Prefix", target.prefix());
        }
        s.put("s3SseAlgorithm", target.sseAlgorithm());
        if (target.kmsKeyId() == null) {
            s.putNull("s3SseKmsKeyId");
        } else {
            s.put("s3SseKmsKeyId", target.kmsKeyId());
        }
        s.put("billedSizeBytes", billed);
        s.put("itemCount", count);
        return s;
    }

    private static void checksums(ObjectStore store, Target target, String manifest, byte[] content) {
        byte[] hex = HexFormat.of().formatHex(md5(content)).getBytes(StandardCharsets.US_ASCII);
        store.put(target.bucket(), target.key(target.exportId() + "/" + manifest + ".md5"), hex);
        store.put(target.bucket(), target.key(target.exportId() + "/" + manifest + ".checksum"), hex);
    }

    /** A full export's line: {@code {"Item":{...}}} or {@code $ion_1_0 {Item:{...}}}. */
    static String fullLine(String format, Map<String, AttributeValue> item) {
        if ("ION".equals(format)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("Item", item);
            return IonItems.line(fields);
        }
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.set("Item", AttributeValueJson.encodeItem(item));
        return line.toString();
    }

    private static String incrementalLine(String format, Change change, Map<String, AttributeValue> oldImage) {
        BigDecimal micros = BigDecimal.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, change.writeTime()));
        if ("ION".equals(format)) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("Keys", change.keys());
            record.put("Metadata", new IonItems.Struct(Map.of("WriteTimestampMicros", micros)));
            if (oldImage != null) {
                record.put("OldImage", oldImage);
            }
            if (change.newImage() != null) {
                record.put("NewImage", change.newImage());
            }
            return IonItems.line(Map.of("Record", new IonItems.Struct(record)));
        }
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.putObject("Metadata").putObject("WriteTimestampMicros").put("N", micros.toPlainString());
        line.set("Keys", AttributeValueJson.encodeItem(change.keys()));
        if (oldImage != null) {
            line.set("OldImage", AttributeValueJson.encodeItem(oldImage));
        }
        if (change.newImage() != null) {
            line.set("NewImage", AttributeValueJson.encodeItem(change.newImage()));
        }
        return line.toString();
    }

    private static long size(Map<String, AttributeValue> item) {
        return item == null ? 0 : dev.dynamotest.core.internal.ops.ItemSize.of(item);
    }

    private static String extension(String format) {
        return "ION".equals(format) ? ".ion.gz" : ".json.gz";
    }

    private static String fileName() {
        char[] name = new char[26];
        for (int i = 0; i < name.length; i++) {
            name[i] = BASE32[RANDOM.nextInt(32)];
        }
        return new String(name);
    }

    private static byte[] pretty(ObjectNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] md5(byte[] content) {
        try {
            return MessageDigest.getInstance("MD5").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
