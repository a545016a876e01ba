package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.ion.IonStruct;
import com.amazon.ion.IonSystem;
import com.amazon.ion.system.IonSystemBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamotest.core.s3.ObjectStore;
import dev.dynamotest.core.support.ExportFilesReader;
import dev.dynamotest.core.support.LocalEndpoint;
import dev.dynamotest.core.support.Pitr;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportFormat;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.ExportViewType;

class ExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IonSystem ION = IonSystemBuilder.standard().build();

    @TempDir
    Path s3Root;

    private final ControllableClock clock = new ControllableClock().freezeAt(Instant.parse("2026-03-01T10:00:00Z"));
    private LocalEndpoint endpoint;
    private ObjectStore store;
    private ExportFilesReader reader;
    private String tableArn;

    @BeforeEach
    void start() {
        store = ObjectStore.directory(s3Root);
        endpoint = new LocalEndpoint(EngineConfig.builder().clock(clock).objectStore(store).build());
        reader = new ExportFilesReader(store, "exports");
        tableArn = endpoint.createTable("Books", null);
        Pitr.enable(endpoint, "Books");
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private void put(String pk, Map<String, AttributeValue> more) {
        var item = new java.util.HashMap<>(more);
        item.put("pk", AttributeValue.fromS(pk));
        endpoint.client().putItem(r -> r.tableName("Books").item(item));
    }

    private ExportDescription export(ExportFormat format) {
        return endpoint.client().exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("exports")
                .s3Prefix("nightly").exportFormat(format)).exportDescription();
    }

    private ExportDescription described(ExportDescription started) {
        return endpoint.client().describeExport(r -> r.exportArn(started.exportArn())).exportDescription();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_full_export_writes_dynamodbs_layout_and_json_lines() throws Exception {
        put("103", Map.of("Authors", AttributeValue.fromSs(List.of("Author1", "Author2")),
                "Price", AttributeValue.fromN("2000"), "InPublication", AttributeValue.fromBool(false)));
        put("104", Map.of("Cover", AttributeValue.fromB(SdkBytes.fromUtf8String("png"))));

        ExportDescription started = export(ExportFormat.DYNAMODB_JSON);
        ExportDescription done = described(started);

        assertThat(started.exportStatus()).isEqualTo(ExportStatus.IN_PROGRESS);
        assertThat(started.exportArn()).matches(tableArn.replace("/", "\\/") + "/export/\\d{14}-[0-9a-f]{8}");
        assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(done.itemCount()).isEqualTo(2);
        assertThat(done.exportType()).isEqualTo(ExportType.FULL_EXPORT);
        String exportId = started.exportArn().substring(started.exportArn().lastIndexOf('/') + 1);
        String base = "nightly/AWSDynamoDB/" + exportId + "/";
        assertThat(done.exportManifest()).isEqualTo(base + "manifest-summary.json");
        assertThat(store.keys("exports", base)).contains(base + "_started", base + "manifest-summary.json",
                base + "manifest-summary.md5", base + "manifest-summary.checksum", base + "manifest-files.json",
                base + "manifest-files.md5", base + "manifest-files.checksum");
        assertThat(reader.bytes(base + "_started")).isEmpty();

        JsonNode summary = reader.summary(done.exportManifest());
        assertThat(summary.path("version").asText()).isEqualTo("2020-06-30");
        assertThat(summary.path("exportArn").asText()).isEqualTo(started.exportArn());
        assertThat(summary.path("tableArn").asText()).isEqualTo(tableArn);
        assertThat(summary.path("s3Bucket").asText()).isEqualTo("exports");
        assertThat(summary.path("s3Prefix").asText()).isEqualTo("nightly");
        assertThat(summary.path("itemCount").asLong()).isEqualTo(2);
        assertThat(summary.path("outputFormat").asText()).isEqualTo("DYNAMODB_JSON");
        assertThat(summary.path("exportTime").asText()).isEqualTo("2026-03-01T10:00:00.000Z");
        JsonNode file = reader.files(done.exportManifest()).get(0);
        assertThat(file.path("dataFileS3Key").asText()).startsWith(base + "data/").endsWith(".json.gz");
        byte[] data = reader.bytes(file.path("dataFileS3Key").asText());
        assertThat(file.path("md5Checksum").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data)));
        assertThat(file.path("itemCount").asLong()).isEqualTo(2);

        assertThat(reader.jsonLines(done.exportManifest())).containsExactlyInAnyOrder(json(
                "{\"Item\":{\"pk\":{\"S\":\"103\"},\"Authors\":{\"SS\":[\"Author1\",\"Author2\"]},"
                        + "\"Price\":{\"N\":\"2000\"},\"InPublication\":{\"BOOL\":false}}}"),
                json("{\"Item\":{\"pk\":{\"S\":\"104\"},\"Cover\":{\"B\":\"cG5n\"}}}"));
    }

    @Test
    void an_ion_export_writes_numbers_as_decimals_and_annotates_sets() {
        put("103", Map.of("Id", AttributeValue.fromN("103"), "PageCount", AttributeValue.fromN("600"),
                "Ratio", AttributeValue.fromN("0.25"), "Tags", AttributeValue.fromSs(List.of("a")),
                "Sizes", AttributeValue.fromNs(List.of("1", "20")),
                "Blobs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"))),
                "Nothing", AttributeValue.fromNul(true), "Nested", AttributeValue.fromM(Map.of("l",
                        AttributeValue.fromL(List.of(AttributeValue.fromS("v")))))));

        ExportDescription done = described(export(ExportFormat.ION));

        assertThat(done.exportManifest()).isNotNull();
        List<String> lines = reader.lines(done.exportManifest());
        assertThat(lines).hasSize(1);
        String line = lines.get(0);
        assertThat(line).startsWith("$ion_1_0 {Item:{").contains("Id:103.", "PageCount:6d2", "Ratio:0.25",
                "Tags:$dynamodb_SS::[\"a\"]", "Sizes:$dynamodb_NS::[1.,2d1]", "Blobs:$dynamodb_BS::[{{eA==}}]",
                "Nothing:null", "Nested:{l:[\"v\"]}");
        IonStruct item = (IonStruct) reader.ionLines(done.exportManifest()).get(0).get("Item");
        assertThat(item.get("pk").toString()).isEqualTo("\"103\"");
        assertThat(reader.files(done.exportManifest()).get(0).path("dataFileS3Key").asText()).endsWith(".ion.gz");
    }

    @Test
    void a_full_export_at_an_earlier_time_holds_the_items_of_that_time() {
        put("a", Map.of("v", AttributeValue.fromN("1")));
        clock.advance(Duration.ofMinutes(10));
        Instant before = clock.now();
        clock.advance(Duration.ofMinutes(10));
        put("a", Map.of("v", AttributeValue.fromN("2")));
        put("b", Map.of());

        ExportDescription done = described(endpoint.client().exportTableToPointInTime(r -> r.tableArn(tableArn)
                .s3Bucket("exports").exportTime(before)).exportDescription());

        assertThat(done.exportTime()).isEqualTo(before);
        assertThat(reader.jsonLines(done.exportManifest()))
                .containsExactly(json("{\"Item\":{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}}"));
    }

    @Test
    void an_incremental_export_writes_one_line_per_changed_item_with_its_images() {
        put("kept", Map.of("v", AttributeValue.fromN("0")));
        put("changed", Map.of("v", AttributeValue.fromN("1")));
        put("removed", Map.of());
        clock.advance(Duration.ofMinutes(5));
        Instant from = clock.now();
        put("changed", Map.of("v", AttributeValue.fromN("2")));
        put("changed", Map.of("v", AttributeValue.fromN("3")));
        put("added", Map.of());
        put("brief", Map.of());
        endpoint.client().deleteItem(r -> r.tableName("Books").key(Map.of("pk", AttributeValue.fromS("brief"))));
        endpoint.client().deleteItem(r -> r.tableName("Books").key(Map.of("pk", AttributeValue.fromS("removed"))));
        Instant lastWrite = clock.now();
        clock.advance(Duration.ofMinutes(20));
        Instant to = clock.now();

        ExportDescription done = described(endpoint.client().exportTableToPointInTime(r -> r.tableArn(tableArn)
                .s3Bucket("exports").exportType(ExportType.INCREMENTAL_EXPORT)
                .incrementalExportSpecification(s -> s.exportFromTime(from).exportToTime(to))).exportDescription());

        assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(done.incrementalExportSpecification().exportViewType())
                .isEqualTo(ExportViewType.NEW_AND_OLD_IMAGES);
        assertThat(done.itemCount()).isEqualTo(3);
        JsonNode summary = reader.summary(done.exportManifest());
        assertThat(summary.path("exportType").asText()).isEqualTo("INCREMENTAL_EXPORT");
        assertThat(summary.path("outputView").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(reader.files(done.exportManifest()).get(0).path("dataFileS3Key").asText())
                .startsWith("AWSDynamoDB/data/");
        String micros = String.valueOf(lastWrite.toEpochMilli() * 1000);
        assertThat(reader.jsonLines(done.exportManifest())).containsExactlyInAnyOrder(json(
                "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"" + micros + "\"}},\"Keys\":{\"pk\":{\"S\":"
                        + "\"changed\"}},\"OldImage\":{\"pk\":{\"S\":\"changed\"},\"v\":{\"N\":\"1\"}},"
                        + "\"NewImage\":{\"pk\":{\"S\":\"changed\"},\"v\":{\"N\":\"3\"}}}"),
                json("{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"" + micros + "\"}},\"Keys\":{\"pk\":{\"S\":"
                        + "\"added\"}},\"NewImage\":{\"pk\":{\"S\":\"added\"}}}"),
                json("{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"" + micros + "\"}},\"Keys\":{\"pk\":{\"S\":"
                        + "\"removed\"}},\"OldImage\":{\"pk\":{\"S\":\"removed\"}}}"));
    }

    @Test
    void an_incremental_ion_export_with_new_images_leaves_old_images_out() {
        clock.advance(Duration.ofMinutes(1));
        Instant from = clock.now();
        put("a", Map.of("v", AttributeValue.fromN("1")));
        put("a", Map.of("v", AttributeValue.fromN("2")));
        clock.advance(Duration.ofMinutes(15));

        ExportDescription done = described(endpoint.client().exportTableToPointInTime(r -> r.tableArn(tableArn)
                .s3Bucket("exports").exportFormat(ExportFormat.ION).exportType(ExportType.INCREMENTAL_EXPORT)
                .incrementalExportSpecification(s -> s.exportFromTime(from).exportViewType(ExportViewType.NEW_IMAGE)))
                .exportDescription());

        List<IonStruct> lines = reader.ionLines(done.exportManifest());
        assertThat(lines).hasSize(1);
        IonStruct record = (IonStruct) lines.get(0).get("Record");
        assertThat(record.get("Keys").toString()).isEqualTo("{pk:\"a\"}");
        assertThat(record.get("NewImage")).isEqualTo(ION.singleValue("{pk:\"a\",v:2.}"));
        assertThat(record.containsKey("OldImage")).isFalse();
        assertThat(record.get("Metadata").toString()).startsWith("{WriteTimestampMicros:");
    }

    @Test
    void a_client_token_returns_the_same_export_and_conflicts_with_other_parameters() {
        ExportDescription first = endpoint.client().exportTableToPointInTime(r -> r.tableArn(tableArn)
                .s3Bucket("exports").clientToken("t-1")).exportDescription();
        ExportDescription again = endpoint.client().exportTableToPointInTime(r -> r.tableArn(tableArn)
                .s3Bucket("exports").clientToken("t-1")).exportDescription();

        assertThat(again.exportArn()).isEqualTo(first.exportArn());
        assertThat(endpoint.client().listExports(r -> r.tableArn(tableArn)).exportSummaries()).hasSize(1);
        assertError(() -> endpoint.client().exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("other")
                .clientToken("t-1")), "ExportConflictException", "There was a conflict when writing to the "
                + "specified S3 bucket. The export request conflicts with a previous export request that had the "
                + "same client token.");
        clock.advance(Duration.ofHours(8));
        assertThat(endpoint.client().exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("other")
                .clientToken("t-1")).exportDescription().exportArn()).isNotEqualTo(first.exportArn());
    }

    @Test
    void lists_exports_page_by_page() {
        for (int i = 0; i < 3; i++) {
            export(ExportFormat.DYNAMODB_JSON);
        }

        var firstPage = endpoint.client().listExports(r -> r.maxResults(2));
        var secondPage = endpoint.client().listExports(r -> r.maxResults(2).nextToken(firstPage.nextToken()));

        assertThat(firstPage.exportSummaries()).hasSize(2);
        assertThat(secondPage.exportSummaries()).hasSize(1);
        assertThat(secondPage.nextToken()).isNull();
        assertThat(secondPage.exportSummaries().get(0).exportStatus()).isEqualTo(ExportStatus.COMPLETED);
    }

    @Test
    void rejects_bad_exports_with_dynamodbs_errors() {
        endpoint.createTable("NoRecovery", null);
        String noRecovery = tableArn.replace("Books", "NoRecovery");
        assertError(() -> endpoint.client().exportTableToPointInTime(r -> r.tableArn(noRecovery).s3Bucket("b")),
                "PointInTimeRecoveryUnavailableException",
                "Point in time recovery is not enabled for table 'NoRecovery'");
        String missing = tableArn.replace("Books", "Missing");
        assertError(() -> endpoint.client().exportTableToPointInTime(r -> r.tableArn(missing).s3Bucket("b")),
                "TableNotFoundException", "Table not found: " + missing);
        assertError(() -> endpoint.client().describeExport(r -> r.exportArn(tableArn + "/export/01234567890123-"
                + "abcdef01")), "ExportNotFoundException", "Export not found: " + tableArn
                + "/export/01234567890123-abcdef01");
        assertError(() -> endpoint.client().exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("b")
                .exportTime(clock.now().plusSeconds(60))), "InvalidExportTimeException",
                "The specified ExportTime is outside of the point in time recovery window.");
        clock.advance(Duration.ofHours(1));
        assertError(() -> endpoint.client().exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket("b")
                .exportType(ExportType.INCREMENTAL_EXPORT).incrementalExportSpecification(s -> s
                        .exportFromTime(clock.now().minusSeconds(60)))), "ValidationException",
                "The duration between ExportFromTime and ExportToTime must be between 15 minutes and 24 hours");
        assertError(() -> endpoint.client().exportTableToPointInTime(r -> r.tableArn(tableArn)),
                "ValidationException", "1 validation error detected: Value null at 's3Bucket' failed to satisfy "
                        + "constraint: Member must not be null");
    }
}
