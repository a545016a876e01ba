package dev.dynamotest.junit.remote;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.core.Operation.BATCH_WRITE_ITEM;
import static dev.dynamotest.core.Operation.PUT_ITEM;
import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.assertions.RemoteTable;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.faults.ClientFaults;
import dev.dynamotest.faults.FaultKind;
import dev.dynamotest.faults.InjectFault;
import dev.dynamotest.core.regions.RegionOutage;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoDiagnostics;
import dev.dynamotest.junit.DynamoSeed;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Isolation;
import dev.dynamotest.junit.RetryBackoff;
import dev.dynamotest.junit.support.Fixtures;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code @DynamoTest} classes run against an endpoint in another process ({@code dynamotest.endpoint}): the same
 * fixtures for each server, which subclasses start and stop.
 */
abstract class RemoteBackendContract {

    /** The endpoint of the server under test. */
    abstract String endpoint();

    EngineExecutionResults run(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    EngineExecutionResults run(Map<String, String> configuration, Class<?>... fixtures) {
        Map<String, String> all = new HashMap<>(configuration);
        all.put("dynamotest.endpoint", endpoint());
        return Fixtures.run(all, fixtures);
    }

    /** A client that sees the endpoint as it is, table prefixes and all. */
    DynamoDbClient rawClient() {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("raw", "raw")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void declared_tables_live_under_a_prefix_of_the_class_and_are_deleted_after_it() {
        EngineExecutionResults results = run(Prefixed.class);

        assertAllPassed(results, 1);
        String physical = published(results, "physical").get(0);
        assertThat(physical).matches("dynamotest-[0-9a-f]{8}-Orders");
        assertThat(published(results, "seen by a client of its own")).containsExactly("true");
        try (DynamoDbClient raw = rawClient()) {
            assertThat(raw.listTables().tableNames()).doesNotContain(physical);
        }
    }

    @Test
    void each_method_starts_from_the_declared_tables_and_seeds() {
        assertAllPassed(run(PerMethod.class), 2);
    }

    @Test
    void methods_share_state_when_the_class_asks_for_it() {
        assertAllPassed(run(PerClass.class), 2);
    }

    @Test
    void batches_and_the_enhanced_client_use_the_declared_names() {
        assertAllPassed(run(Batches.class), 1);
    }

    @Test
    void classes_running_side_by_side_have_tables_of_their_own() {
        assertAllPassed(run(Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "same_thread",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent"),
                PerMethod.class, Prefixed.class, Batches.class), 4);
    }

    @Test
    void what_needs_the_engine_in_this_jvm_fails_naming_the_mode() {
        assertAllPassed(run(EngineOnly.class), 1);
    }

    @Test
    void a_failing_test_reports_its_requests_and_tables_by_their_declared_names() {
        List<Throwable> failures = failures(run(Failing.class));

        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).getSuppressed()).singleElement().isInstanceOf(DynamoDiagnostics.class);
        String report = failures.get(0).getSuppressed()[0].getMessage();
        assertThat(report).startsWith("endpoint " + endpoint() + "\n").doesNotContain("dynamotest-");
        assertThat(report).contains("  #1  PutItem  Orders   OK\n", "  #2  GetItem  Missing  ResourceNotFoundException",
                "table Orders (us-east-1), 1 item:\n  {pk: \"A#9\", status: \"LOST\"}",
                "table Missing (us-east-1): does not exist");
    }

    @Test
    void fault_rules_act_in_the_injected_clients_by_the_declared_names() {
        assertAllPassed(run(RemoteFaults.class), 4);
    }

    @Test
    void a_rule_declared_on_the_class_acts_in_each_test() {
        assertAllPassed(run(DeclaredRemoteFaults.class), 1);
    }

    @Test
    void a_declared_stream_fault_fails_the_test_naming_the_mode() {
        List<Throwable> failures = failures(run(RemoteStreamFault.class));

        assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessageStartingWith(
                "@InjectFault(STREAM_LAG) on RemoteStreamFault: stream faults (streamLag, holdStream) act in "
                        + "the engine that serves the stream"));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static void createScratch(DynamoDbClient client) {
        client.createTable(r -> r.tableName("Scratch").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class Prefixed {
        @Test
        void sees_the_declared_names(Dynamo dynamo, DynamoDbClient client, TestReporter reporter) {
            String physical = dynamo.tableName("Orders");
            reporter.publishEntry("physical", physical);
            assertThat(client.listTables().tableNames()).containsExactly("Orders");
            assertThat(dynamo.tableNames()).containsExactly("Orders");
            TableDescription table = client.describeTable(r -> r.tableName("Orders")).table();
            assertThat(table.tableName()).isEqualTo("Orders");
            assertThat(table.tableArn()).endsWith(":table/Orders");

            DynamoDbClient own = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(dynamo.region())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            own.putItem(r -> r.tableName(physical).item(Map.of("pk", s("A#1"))));
            own.close();
            reporter.publishEntry("seen by a client of its own", String.valueOf(
                    client.getItem(r -> r.tableName("Orders").key(Map.of("pk", s("A#1")))).hasItem()));
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk")
    @DynamoSeed(value = "seeds/orders-dynamodb.json", table = "Orders")
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class PerMethod {
        @Test
        void a_changes_everything(DynamoDbClient client) {
            assertThat(RemoteTable.of(client, "Orders")).hasItemCount(2);
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("X"), "sk", s("1"))));
            client.deleteItem(r -> r.tableName("Orders").key(Map.of("pk", s("A#1"), "sk", s("1"))));
            createScratch(client);
            assertThat(client.listTables().tableNames()).containsExactly("Orders", "Scratch");
        }

        @Test
        void b_sees_none_of_it(DynamoDbClient client) {
            assertThat(client.listTables().tableNames()).containsExactly("Orders");
            assertThat(RemoteTable.of(client, "Orders")).hasItemCount(2)
                    .containsItem(Key.of("pk", "A#1", "sk", "1"))
                    .doesNotContainItem(Key.of("pk", "X", "sk", "1"));
        }
    }

    @DynamoTest(isolation = Isolation.PER_CLASS)
    @DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk")
    @DynamoSeed(value = "seeds/orders-dynamodb.json", table = "Orders")
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class PerClass {
        @Test
        void a_writes(DynamoDbClient client) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("X"), "sk", s("1"))));
            createScratch(client);
        }

        @Test
        void b_sees_it(DynamoDbClient client) {
            assertThat(client.listTables().tableNames()).containsExactly("Orders", "Scratch");
            assertThat(RemoteTable.of(client, "Orders")).hasItemCount(3);
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @DynamoTable(name = "Customers", partitionKey = "id")
    static class Batches {
        @Test
        void writes_and_reads_in_batches(DynamoDbClient client, DynamoDbEnhancedClient enhanced) {
            client.batchWriteItem(r -> r.requestItems(Map.of(
                    "Orders", List.of(put(Map.of("pk", s("A#1"), "total", AttributeValue.fromN("3")))),
                    "Customers", List.of(put(Map.of("id", s("C#1")))))));

            Map<String, List<Map<String, AttributeValue>>> read = client.batchGetItem(r -> r.requestItems(Map.of(
                    "Orders", KeysAndAttributes.builder().keys(Map.of("pk", s("A#1"))).build(),
                    "Customers", KeysAndAttributes.builder().keys(Map.of("id", s("C#1"))).build()))).responses();
            assertThat(read).containsOnlyKeys("Orders", "Customers");
            assertThat(read.get("Orders")).singleElement().satisfies(i -> assertThat(i).containsEntry("total",
                    AttributeValue.fromN("3")));

            var customers = enhanced.table("Customers", TableSchema.documentSchemaBuilder()
                    .addIndexPartitionKey(TableMetadata.primaryIndexName(), "id", AttributeValueType.S)
                    .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                    .build());
            customers.putItem(EnhancedDocument.builder().putString("id", "C#2").putString("name", "Ada")
                    .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                    .build());
            assertThat(RemoteTable.of(client, "Customers")).hasItemCount(2)
                    .item(Key.of("id", "C#2")).hasAttribute("name", "Ada");
        }

        static WriteRequest put(Map<String, AttributeValue> item) {
            return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
        }
    }

    @DynamoTest(retryBackoff = RetryBackoff.NONE)
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class RemoteFaults {
        @Test
        @Order(1)
        void two_throttles_end_in_success_on_the_third_attempt(DynamoDbClient client, Dynamo dynamo) {
            dynamo.faults().throttle(PUT_ITEM).onTable("Orders").times(2);

            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("A#1"))));

            assertThat(dynamo.requests()).hasCount(PUT_ITEM, 3).hasCalls(1).hasCallWithAttempts(3).hasRetries()
                    .hasErrors("ProvisionedThroughputExceededException", 2).hasFaults(2);
            assertThat(dynamo.requests().list()).extracting(RecordedRequest::attempt).containsExactly(1, 2, 3);
            assertThat(dynamo.requests().list()).extracting(RecordedRequest::fault)
                    .containsExactly("throttle", "throttle", null);
            assertThat(dynamo.requests().list()).extracting(RecordedRequest::maxAttempts).containsOnly(9);
            assertThat(dynamo.requests().list()).extracting(RecordedRequest::tables)
                    .containsOnly(List.of("Orders"));
            assertThat(RemoteTable.of(client, "Orders")).hasItemCount(1);
        }

        @Test
        @Order(2)
        @InjectFault(value = FaultKind.THROTTLE, operations = PUT_ITEM, table = "Orders")
        void a_declared_rule_throttles_the_async_client_naming_the_real_table(DynamoDbAsyncClient async,
                DynamoDbClient client, Dynamo dynamo) {
            Throwable thrown = catchThrowable(() -> async.putItem(r -> r.tableName("Orders")
                    .item(Map.of("pk", s("A#2")))).join());

            assertThat(thrown).hasCauseInstanceOf(ProvisionedThroughputExceededException.class);
            assertThat(dynamo.requests()).hasCount(PUT_ITEM, 9).hasCalls(1);
            String arn = client.describeTable(r -> r.tableName("Orders")).table().tableArn();
            assertThat(((ProvisionedThroughputExceededException) thrown.getCause()).throttlingReasons())
                    .singleElement().satisfies(reason -> {
                        assertThat(reason.reason()).isEqualTo("TableWriteProvisionedThroughputExceeded");
                        assertThat(reason.resource()).isEqualTo(arn.replace(":table/Orders",
                                ":table/" + dynamo.tableName("Orders")));
                    });
            assertThat(RemoteTable.of(client, "Orders")).hasItemCount(0);
        }

        @Test
        @Order(3)
        void no_rule_of_an_earlier_test_is_left(DynamoDbClient client, Dynamo dynamo) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("A#3"))));

            assertThat(dynamo.faults().describe()).isEmpty();
            assertThat(dynamo.requests()).hasSize(1).allSucceeded().hasNoRetries();
            assertThat(dynamo.faults()).isInstanceOf(ClientFaults.class);
            assertThatThrownBy(dynamo::engineFaults).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageStartingWith("Dynamo.engineFaults() needs the endpoint in this JVM");
        }

        @Test
        @Order(4)
        void a_region_outage_is_what_the_injected_clients_see(DynamoDbClient client, Dynamo dynamo) {
            RegionOutage outage = dynamo.faults().regionOutage(Region.US_EAST_1, OutageMode.SERVICE_UNAVAILABLE);

            assertThatThrownBy(() -> client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("A#4")))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(503);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
                    });
            assertThat(dynamo.requests()).hasCount(PUT_ITEM, 9).hasFaults(9);
            assertThat(dynamo.requests().list()).extracting(RecordedRequest::fault)
                    .containsOnly("region outage (SERVICE_UNAVAILABLE)");
            outage.end();
            assertThat(RemoteTable.of(client, "Orders")).hasItemCount(0);
        }
    }

    @DynamoTest(retryBackoff = RetryBackoff.NONE)
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @DynamoTable(name = "Customers", partitionKey = "id")
    @InjectFault(value = FaultKind.UNPROCESSED, operations = BATCH_WRITE_ITEM, table = "Orders", fraction = 0.5,
            times = 1)
    static class DeclaredRemoteFaults {
        @Test
        void a_partial_batch_is_retried_by_a_loop(DynamoDbClient client, Dynamo dynamo) {
            Map<String, List<WriteRequest>> pending = Map.of(
                    "Orders", List.of(Batches.put(Map.of("pk", s("A#1"))), Batches.put(Map.of("pk", s("A#2")))),
                    "Customers", List.of(Batches.put(Map.of("id", s("C#1")))));
            List<Integer> unprocessed = new ArrayList<>();
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> batch = pending;
                pending = client.batchWriteItem(r -> r.requestItems(batch)).unprocessedItems();
                unprocessed.add(pending.values().stream().mapToInt(List::size).sum());
                assertThat(pending).doesNotContainKey("Customers");
            }

            assertThat(unprocessed).containsExactly(1, 0);
            assertThat(dynamo.requests()).hasCount(BATCH_WRITE_ITEM, 2).allSucceeded();
            assertThat(RemoteTable.of(client, "Orders")).hasItemCount(2);
            assertThat(RemoteTable.of(client, "Customers")).hasItemCount(1);
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @InjectFault(value = FaultKind.STREAM_LAG, table = "Orders", millis = 5000)
    static class RemoteStreamFault {
        @Test
        void lags() {
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class EngineOnly {
        @Test
        void refuses_what_needs_the_engine(Dynamo dynamo) {
            assertThatThrownBy(dynamo::clock).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("Dynamo.clock() needs the endpoint in this JVM, but the tests run against "
                            + dynamo.endpoint() + " (dynamotest.endpoint is set)");
            assertThatThrownBy(dynamo::changes).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("(dynamotest.endpoint is set)");
            assertThatThrownBy(() -> dynamo.table("Orders")).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageEndingWith("read the table through the SDK instead: "
                            + "assertThat(RemoteTable.of(dynamo.client(), \"Orders\"))");
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class Failing {
        @Test
        void fails(DynamoDbClient client) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("A#9"), "status", s("LOST"))));
            assertThatThrownBy(() -> client.getItem(r -> r.tableName("Missing").key(Map.of("pk", s("A#9")))))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("dynamotest-"));
            assertThat(client.getItem(r -> r.tableName("Orders").key(Map.of("pk", s("A#9")))).item())
                    .containsEntry("status", s("FOUND"));
        }
    }
}
