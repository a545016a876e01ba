package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import dev.dynamotest.core.s3.DirectoryObjectStore;
import dev.dynamotest.core.s3.ObjectStore;
import dev.dynamotest.core.s3.S3ObjectStore;
import dev.dynamotest.core.support.ExportFilesReader;
import dev.dynamotest.core.support.LocalEndpoint;
import dev.dynamotest.core.support.Pitr;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.s3.S3Client;

/** Both object stores: a local folder, and an S3-compatible endpoint (an S3 emulator started in this JVM). */
class ObjectStoreTest {

    private static LocalS3 s3;
    private static S3Client client;

    @TempDir
    Path root;

    @BeforeAll
    static void startS3() throws java.io.IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        s3 = LocalS3.builder().port(port).mode(LocalS3Mode.IN_MEMORY).build();
        s3.start();
        client = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + s3.getPort()))
                .forcePathStyle(true).region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void stopS3() {
        client.close();
        s3.shutdown();
    }

    private static void behavesAsAStore(ObjectStore store, String bucket) {
        assertThat(store.get(bucket, "a/b.txt")).isEmpty();
        store.createBucket(bucket);
        assertThat(store.bucketExists(bucket)).isTrue();
        assertThat(store.bucketExists(bucket + "-missing")).isFalse();
        store.put(bucket, "a/b.txt", "one".getBytes(StandardCharsets.UTF_8));
        store.put(bucket, "a/c.txt", "two".getBytes(StandardCharsets.UTF_8));
        store.put(bucket, "z.txt", new byte[0]);
        store.put(bucket, "a/b.txt", "three".getBytes(StandardCharsets.UTF_8));

        assertThat(store.get(bucket, "a/b.txt")).hasValueSatisfying(b -> assertThat(new String(b,
                StandardCharsets.UTF_8)).isEqualTo("three"));
        assertThat(store.get(bucket, "z.txt")).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(store.keys(bucket, "a/")).containsExactly("a/b.txt", "a/c.txt");
        assertThat(store.keys(bucket, "")).containsExactly("a/b.txt", "a/c.txt", "z.txt");
        assertThat(store.keys(bucket + "-missing", "")).isEmpty();
    }

    @Test
    void a_directory_store_keeps_each_bucket_in_a_folder() {
        DirectoryObjectStore store = new DirectoryObjectStore(root);

        behavesAsAStore(store, "folder-bucket");

        assertThat(Files.isRegularFile(root.resolve("folder-bucket/a/b.txt"))).isTrue();
        assertThatThrownBy(() -> store.put("folder-bucket", "../escape", new byte[0]))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("leaves the folder");
    }

    @Test
    void an_s3_store_works_against_an_s3_compatible_endpoint() {
        behavesAsAStore(S3ObjectStore.of(client), "emulated-bucket");
    }

    @Test
    void exports_and_imports_go_through_an_s3_compatible_endpoint() {
        ObjectStore store = S3ObjectStore.of(client);
        store.createBucket("exports");
        try (LocalEndpoint endpoint = new LocalEndpoint(EngineConfig.builder().objectStore(store).build())) {
            String arn = endpoint.createTable("Orders", null);
            Pitr.enable(endpoint, "Orders");
            endpoint.client().putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("o1"),
                    "total", AttributeValue.fromN("12.5"))));

            ExportDescription started = endpoint.client().exportTableToPointInTime(r -> r.tableArn(arn)
                    .s3Bucket("exports")).exportDescription();
            ExportDescription done = endpoint.client().describeExport(r -> r.exportArn(started.exportArn()))
                    .exportDescription();

            assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
            assertThat(new ExportFilesReader(store, "exports").jsonLines(done.exportManifest())).hasSize(1);
            String dataPrefix = done.exportManifest().replace("manifest-summary.json", "data/");
            String importArn = endpoint.client().importTable(r -> r.inputFormat(InputFormat.DYNAMODB_JSON)
                    .inputCompressionType(InputCompressionType.GZIP)
                    .s3BucketSource(s -> s.s3Bucket("exports").s3KeyPrefix(dataPrefix))
                    .tableCreationParameters(t -> t.tableName("OrdersCopy").billingMode(BillingMode.PAY_PER_REQUEST)
                            .keySchema(LocalEndpoint.key("pk", KeyType.HASH))
                            .attributeDefinitions(LocalEndpoint.attribute("pk"))))
                    .importTableDescription().importArn();

            assertThat(endpoint.client().describeImport(r -> r.importArn(importArn)).importTableDescription()
                    .importStatus()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(endpoint.server().engine().tables().get("us-east-1", "OrdersCopy").items())
                    .isEqualTo(endpoint.server().engine().tables().get("us-east-1", "Orders").items());
        }
    }

    @Test
    void an_export_to_a_missing_bucket_of_an_s3_endpoint_fails_with_s3_no_such_bucket() {
        try (LocalEndpoint endpoint = new LocalEndpoint(EngineConfig.builder()
                .objectStore(S3ObjectStore.of(client)).build())) {
            String arn = endpoint.createTable("Lost", null);
            Pitr.enable(endpoint, "Lost");

            String exportArn = endpoint.client().exportTableToPointInTime(r -> r.tableArn(arn)
                    .s3Bucket("no-such-bucket")).exportDescription().exportArn();
            ExportDescription failed = endpoint.client().describeExport(r -> r.exportArn(exportArn))
                    .exportDescription();

            assertThat(failed.exportStatus()).isEqualTo(ExportStatus.FAILED);
            assertThat(failed.failureCode()).isEqualTo("S3NoSuchBucket");
        }
    }
}
