package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.s3.ObjectStore;
import dev.dynamotest.core.support.LocalEndpoint;
import dev.dynamotest.core.support.Pitr;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExportFormat;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.ImportTableRequest;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ImportTest {

    @TempDir
    Path s3Root;

    private final ControllableClock clock = new ControllableClock().freezeAt(Instant.parse("2026-03-01T10:00:00Z"));
    private LocalEndpoint endpoint;
    private ObjectStore store;

    @BeforeEach
    void start() {
        store = ObjectStore.directory(s3Root);
        endpoint = new LocalEndpoint(EngineConfig.builder().clock(clock).objectStore(store).build());
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private ImportTableDescription importInto(String table, InputFormat format, String prefix,
            Consumer<ImportTableRequest.Builder> more) {
        ImportTableRequest.Builder request = ImportTableRequest.builder().inputFormat(format)
                .s3BucketSource(s -> s.s3Bucket("source").s3KeyPrefix(prefix))
                .tableCreationParameters(t -> t.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk")));
        more.accept(request);
        ImportTableDescription started = endpoint.client().importTable(request.build()).importTableDescription();
        assertThat(started.importStatus()).isEqualTo(ImportStatus.IN_PROGRESS);
        return endpoint.client().describeImport(r -> r.importArn(started.importArn())).importTableDescription();
    }

    private List<Map<String, AttributeValue>> items(String table) {
        return endpoint.server().engine().tables().get("us-east-1", table).items();
    }

    private static Map<String, AttributeValue> item(String... nameValues) {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            item.put(nameValues[i], AttributeValue.string(nameValues[i + 1]));
        }
        return item;
    }

    @Test
    void a_csv_import_skips_bad_rows_counts_them_and_ends_failed() {
        store.put("source", "albums/part-1.csv", ("pk,title,year\n"
                + "A1,The Dark Side of the Moon,1973\n"
                + ",No key,2000\n"
                + "A2,\"Wish You Were Here, remastered\",1975\n"
                + "A3,too,many,columns\n"
                + "A1,Overwritten silently,1974\n").getBytes(StandardCharsets.UTF_8));

        ImportTableDescription done = importInto("Albums", InputFormat.CSV, "albums/", r -> { });

        assertThat(done.importStatus()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.failureCode()).isEqualTo("ItemValidationError");
        assertThat(done.failureMessage()).isEqualTo("Some of the items failed validation checks and were not "
                + "imported. Please check CloudWatch error logs for more details.");
        assertThat(done.errorCount()).isEqualTo(2);
        assertThat(done.processedItemCount()).isEqualTo(5);
        assertThat(done.importedItemCount()).isEqualTo(3);
        assertThat(done.processedSizeBytes()).isPositive();
        assertThat(done.cloudWatchLogGroupArn())
                .isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/aws-dynamodb/imports:*");
        assertThat(items("Albums")).containsExactlyInAnyOrder(
                item("pk", "A1", "title", "Overwritten silently", "year", "1974"),
                item("pk", "A2", "title", "Wish You Were Here, remastered", "year", "1975"));
        assertThat(endpoint.server().engine().s3().importErrors(done.importArn())).containsExactly(
                "{\"itemS3Pointer\":{\"bucket\":\"source\",\"key\":\"albums/part-1.csv\",\"itemIndex\":1},"
                        + "\"importArn\":\"" + done.importArn() + "\",\"errorMessages\":[\"One or more parameter "
                        + "values were invalid: Missing the key pk in the item\"]}",
                "{\"itemS3Pointer\":{\"bucket\":\"source\",\"key\":\"albums/part-1.csv\",\"itemIndex\":3},"
                        + "\"importArn\":\"" + done.importArn() + "\",\"errorMessages\":[\"The row has 4 columns "
                        + "but the header has 3\"]}");
    }

    @Test
    void a_gzipped_csv_import_takes_a_header_list_and_a_delimiter_and_types_the_keys() {
        store.put("source", "scores.csv.gz", gzip("u1|10|high\nu2|7|low\n"));

        ImportTableDescription done = endpoint.client().describeImport(r -> r.importArn(endpoint.client()
                .importTable(i -> i.inputFormat(InputFormat.CSV).inputCompressionType(InputCompressionType.GZIP)
                        .inputFormatOptions(o -> o.csv(c -> c.delimiter("|").headerList("pk", "score", "rank")))
                        .s3BucketSource(s -> s.s3Bucket("source"))
                        .tableCreationParameters(t -> t.tableName("Scores")
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .keySchema(key("pk", KeyType.HASH), key("score", KeyType.RANGE))
                                .attributeDefinitions(attribute("pk"), attribute("score", ScalarAttributeType.N))))
                .importTableDescription().importArn())).importTableDescription();

        assertThat(done.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.importedItemCount()).isEqualTo(2);
        assertThat(items("Scores")).contains(Map.of("pk", AttributeValue.string("u1"),
                "score", AttributeValue.number("10"), "rank", AttributeValue.string("high")));
    }

    @Test
    void a_zstd_dynamodb_json_import_creates_the_table_with_its_global_index() {
        store.put("source", "data/one.json.zst", Zstd.compress((
                "{\"Item\":{\"pk\":{\"S\":\"o1\"},\"status\":{\"S\":\"NEW\"},\"n\":{\"N\":\"1.50\"}}}\n"
                + "{\"Item\":{\"pk\":{\"S\":\"o2\"},\"status\":{\"S\":\"SHIPPED\"},\"tags\":{\"SS\":[\"a\"]}}}\n")
                .getBytes(StandardCharsets.UTF_8)));

        ImportTableDescription done = importInto("Orders", InputFormat.DYNAMODB_JSON, "data/", r -> r
                .inputCompressionType(InputCompressionType.ZSTD)
                .tableCreationParameters(t -> t.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"), attribute("status"))
                        .globalSecondaryIndexes(g -> g.indexName("byStatus").keySchema(key("status", KeyType.HASH))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))));

        assertThat(done.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.errorCount()).isZero();
        var shipped = endpoint.client().query(q -> q.tableName("Orders").indexName("byStatus")
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", software.amazon.awssdk.services.dynamodb.model
                        .AttributeValue.fromS("SHIPPED"))));
        assertThat(shipped.items()).hasSize(1);
        assertThat(items("Orders")).anySatisfy(i -> assertThat(i.get("n")).isEqualTo(AttributeValue.number("1.5")));
    }

    @Test
    void an_ion_import_reads_ion_items_and_counts_a_malformed_value() {
        store.put("source", "ion/a.ion", ("$ion_1_0 {Item:{pk:\"i1\",n:6d2,tags:$dynamodb_SS::[\"x\"],b:{{eA==}}}}\n"
                + "$ion_1_0 {Item:{n:1.}}\n"
                + "$ion_1_0 {Item:{pk:\"i2\",m:{l:[true,null]}}}\n").getBytes(StandardCharsets.UTF_8));

        ImportTableDescription done = importInto("Ion", InputFormat.ION, "ion/", r -> { });

        assertThat(done.errorCount()).isEqualTo(1);
        assertThat(done.importedItemCount()).isEqualTo(2);
        assertThat(items("Ion")).hasSize(2).anySatisfy(i -> {
            assertThat(i.get("n")).isEqualTo(AttributeValue.number("600"));
            assertThat(i.get("tags")).isEqualTo(new AttributeValue.SS(java.util.Set.of("x")));
        });
    }

    @Test
    void an_export_read_back_by_an_import_gives_the_same_table() {
        for (ExportFormat format : List.of(ExportFormat.DYNAMODB_JSON, ExportFormat.ION)) {
            String source = "Source" + format;
            String arn = endpoint.createTable(source, "sk");
            Pitr.enable(endpoint, source);
            for (int i = 0; i < 30; i++) {
                int n = i;
                endpoint.client().putItem(r -> r.tableName(source).item(Map.of(
                        "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("p" + (n % 4)),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("s" + n),
                        "n", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(n + ".25"),
                        "set", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNs(List.of("1",
                                "1" + n)))));
            }
            String exportArn = endpoint.client().exportTableToPointInTime(r -> r.tableArn(arn).s3Bucket("source")
                    .s3Prefix("exports").exportFormat(format)).exportDescription().exportArn();
            String exportId = exportArn.substring(exportArn.lastIndexOf('/') + 1);

            ImportTableDescription done = endpoint.client().importTable(r -> r
                    .inputFormat(format == ExportFormat.ION ? InputFormat.ION : InputFormat.DYNAMODB_JSON)
                    .inputCompressionType(InputCompressionType.GZIP)
                    .s3BucketSource(s -> s.s3Bucket("source").s3KeyPrefix("exports/AWSDynamoDB/" + exportId
                            + "/data/"))
                    .tableCreationParameters(t -> t.tableName(source + "Copy").billingMode(BillingMode.PAY_PER_REQUEST)
                            .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                            .attributeDefinitions(attribute("pk"), attribute("sk")))).importTableDescription();

            assertThat(endpoint.client().describeImport(r -> r.importArn(done.importArn())).importTableDescription()
                    .importStatus()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(items(source + "Copy")).containsExactlyInAnyOrderElementsOf(items(source)).hasSize(30);
        }
    }

    @Test
    void rejects_bad_imports_with_dynamodbs_errors() {
        store.put("source", "x.csv", "pk\na\n".getBytes(StandardCharsets.UTF_8));
        endpoint.createTable("Existing", null);
        assertError(() -> importInto("Existing", InputFormat.CSV, "", r -> { }), "ResourceInUseException",
                "Table already exists: Existing");

        ImportTableDescription first = importInto("Tokened", InputFormat.CSV, "", r -> r.clientToken("tok"));
        ImportTableDescription again = endpoint.client().importTable(r -> r.clientToken("tok")
                .inputFormat(InputFormat.CSV).s3BucketSource(s -> s.s3Bucket("source").s3KeyPrefix(""))
                .tableCreationParameters(t -> t.tableName("Tokened").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))))
                .importTableDescription();
        assertThat(again.importArn()).isEqualTo(first.importArn());
        assertError(() -> importInto("Other", InputFormat.CSV, "", r -> r.clientToken("tok")),
                "ImportConflictException", "There was a conflict when importing from the specified S3 source. This "
                        + "can occur when the current import conflicts with a previous import request that had the "
                        + "same client token.");
        assertError(() -> endpoint.client().describeImport(r -> r.importArn(first.importArn() + "0")),
                "ImportNotFoundException", "Import not found: " + first.importArn() + "0");
        assertError(() -> endpoint.client().importTable(r -> r.inputFormat(InputFormat.CSV)
                .s3BucketSource(s -> s.s3Bucket("source"))), "ValidationException", "1 validation error detected: "
                + "Value null at 'tableCreationParameters' failed to satisfy constraint: Member must not be null");

        ImportTableDescription noBucket = endpoint.client().importTable(r -> r.inputFormat(InputFormat.CSV)
                .s3BucketSource(s -> s.s3Bucket("missing-bucket"))
                .tableCreationParameters(t -> t.tableName("NoBucket").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))))
                .importTableDescription();
        ImportTableDescription failed = endpoint.client().describeImport(r -> r.importArn(noBucket.importArn()))
                .importTableDescription();
        assertThat(failed.importStatus()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("S3NoSuchBucket");
        assertThat(endpoint.server().engine().tables().find("us-east-1", "NoBucket")).isEmpty();
        assertThat(endpoint.client().listImports(r -> r.pageSize(2)).importSummaryList()).hasSize(2);
        assertThat(endpoint.client().listImports(r -> r.tableArn(first.tableArn())).importSummaryList())
                .singleElement().satisfies(s -> assertThat(s.importArn()).isEqualTo(first.importArn()));
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
