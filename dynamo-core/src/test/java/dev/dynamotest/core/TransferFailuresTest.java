package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.internal.ops.transfers.TransferFailures;
import dev.dynamotest.core.support.CapturedLog;
import dev.dynamotest.core.support.LocalEndpoint;
import dev.dynamotest.core.s3.ObjectStore;
import dev.dynamotest.core.support.Pitr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportFormat;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Exports and imports that fail: the object store failing gets DynamoDB's failure code; a bug of ours is logged with
 * its stack trace and described as an internal error, not as an S3 failure.
 */
class TransferFailuresTest {

    @TempDir
    Path s3Root;

    private CapturedLog log;
    private FailingStore store;
    private LocalEndpoint endpoint;

    @BeforeEach
    void start() {
        store = new FailingStore(ObjectStore.directory(s3Root));
        endpoint = new LocalEndpoint(EngineConfig.builder()
                .clock(new ControllableClock().freezeAt(Instant.parse("2026-03-01T10:00:00Z")))
                .objectStore(store).build());
        log = CapturedLog.of(TransferFailures.class);
    }

    @AfterEach
    void stop() {
        log.close();
        endpoint.close();
    }

    @Test
    void an_export_the_store_cannot_write_fails_with_s3_access_denied() {
        store.failure = () -> new UncheckedIOException(new IOException("Access Denied"));

        ExportDescription done = export();

        assertThat(done.exportStatus()).isEqualTo(ExportStatus.FAILED);
        assertThat(done.failureCode()).isEqualTo("S3AccessDenied");
        assertThat(done.failureMessage()).contains("Access Denied");
        assertThat(log.records()).isEmpty();
    }

    @Test
    void an_export_ended_by_a_bug_of_ours_is_an_internal_error_logged_with_its_stack_trace() {
        store.failure = () -> new IllegalStateException("a bug");

        ExportDescription done = export();

        assertThat(done.exportStatus()).isEqualTo(ExportStatus.FAILED);
        assertThat(done.failureCode()).isEqualTo("InternalServerError");
        assertThat(done.failureMessage()).contains("java.lang.IllegalStateException: a bug", "DynamoTest bug");
        assertThat(log.records()).singleElement().satisfies(record -> {
            assertThat(record.getMessage()).contains(done.exportArn());
            assertThat(record.getThrown()).isInstanceOf(IllegalStateException.class).hasMessage("a bug");
        });
    }

    @Test
    void an_import_the_store_cannot_read_fails_with_s3_access_denied() {
        store.put("source", "in/part-1.csv", "pk\nA1\n".getBytes(StandardCharsets.UTF_8));
        store.failure = () -> new UncheckedIOException(new IOException("Access Denied"));

        ImportTableDescription done = importCsv(InputCompressionType.NONE);

        assertThat(done.importStatus()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.failureCode()).isEqualTo("S3AccessDenied");
        assertThat(done.failureMessage()).contains("Access Denied");
        assertThat(log.records()).isEmpty();
    }

    @Test
    void an_import_ended_by_a_bug_of_ours_is_an_internal_error_logged_with_its_stack_trace() {
        store.put("source", "in/part-1.csv", "pk\nA1\n".getBytes(StandardCharsets.UTF_8));
        store.failure = () -> new IllegalStateException("a bug");

        ImportTableDescription done = importCsv(InputCompressionType.NONE);

        assertThat(done.importStatus()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.failureCode()).isEqualTo("InternalServerError");
        assertThat(done.failureMessage()).contains("java.lang.IllegalStateException: a bug");
        assertThat(log.records()).singleElement().satisfies(record ->
                assertThat(record.getThrown()).isInstanceOf(IllegalStateException.class));
    }

    @Test
    void an_object_that_is_not_of_its_compression_is_an_item_error_not_an_internal_one() {
        store.put("source", "in/part-1.csv.gz", "pk\nA1\n".getBytes(StandardCharsets.UTF_8));

        ImportTableDescription done = importCsv(InputCompressionType.GZIP);

        assertThat(done.importStatus()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.failureCode()).isEqualTo("ItemValidationError");
        assertThat(done.errorCount()).isEqualTo(1);
        assertThat(log.records()).isEmpty();
    }

    private ExportDescription export() {
        String tableArn = endpoint.createTable("Books", null);
        Pitr.enable(endpoint, "Books");
        store.createBucket("exports");
        ExportDescription started = endpoint.client().exportTableToPointInTime(r -> r.tableArn(tableArn)
                .s3Bucket("exports").exportFormat(ExportFormat.DYNAMODB_JSON)).exportDescription();
        return endpoint.client().describeExport(r -> r.exportArn(started.exportArn())).exportDescription();
    }

    private ImportTableDescription importCsv(InputCompressionType compression) {
        ImportTableDescription started = endpoint.client().importTable(r -> r.inputFormat(InputFormat.CSV)
                .inputCompressionType(compression)
                .s3BucketSource(s -> s.s3Bucket("source").s3KeyPrefix("in"))
                .tableCreationParameters(t -> t.tableName("Albums").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))))
                .importTableDescription();
        return endpoint.client().describeImport(r -> r.importArn(started.importArn())).importTableDescription();
    }

    /** A store that fails on reading and writing objects once {@code failure} is set (bucket look-ups still work). */
    private static final class FailingStore implements ObjectStore {

        private final ObjectStore delegate;
        volatile Supplier<RuntimeException> failure;

        FailingStore(ObjectStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean bucketExists(String bucket) {
            return delegate.bucketExists(bucket);
        }

        @Override
        public void createBucket(String bucket) {
            delegate.createBucket(bucket);
        }

        @Override
        public void put(String bucket, String key, byte[] content) {
            failIfAsked();
            delegate.put(bucket, key, content);
        }

        @Override
        public Optional<byte[]> get(String bucket, String key) {
            failIfAsked();
            return delegate.get(bucket, key);
        }

        @Override
        public List<String> keys(String bucket, String prefix) {
            return delegate.keys(bucket, prefix);
        }

        private void failIfAsked() {
            if (failure != null) {
                throw failure.get();
            }
        }
    }
}
