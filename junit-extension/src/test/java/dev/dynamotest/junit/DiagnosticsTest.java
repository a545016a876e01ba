package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.DynamoAssertions;
import dev.dynamotest.core.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class DiagnosticsTest {

    @Test
    void failed_test_carries_its_requests_and_the_tables_it_touched() {
        List<Throwable> failures = failures(run(FailingWithRequests.class));

        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).getSuppressed()).hasSize(1);
        Throwable diagnostics = failures.get(0).getSuppressed()[0];
        assertThat(diagnostics).isInstanceOf(DynamoDiagnostics.class);
        String report = diagnostics.getMessage();
        assertThat(report).isEqualTo("""
                endpoint in process (no HTTP endpoint started)
                requests made by the test (3):
                  #1  PutItem  Orders   OK
                  #2  PutItem  Orders   OK
                  #3  GetItem  Missing  ResourceNotFoundException: Requested resource not found
                table Orders (us-east-1), 2 items:
                  {pk: "A#1", status: "NEW", total: 12}
                  {pk: "A#2", tags: <<"a", "b">>}
                table Missing (us-east-1): does not exist""");
    }

    @Test
    void report_is_bounded_and_names_a_test_without_requests() {
        List<Throwable> failures = failures(run(FailingWithManyItems.class, FailingWithoutRequests.class));

        String many = failures.get(0).getSuppressed()[0].getMessage();
        assertThat(many).contains("requests made by the test (60):", "... 10 earlier requests left out",
                "table Orders (us-east-1), 60 items:", "  ... and 40 more");
        assertThat(many.lines().filter(l -> l.contains("  PutItem  ")).count()).isEqualTo(50);
        assertThat(many).contains("  #11  PutItem  Orders  OK\n", "  #60  PutItem  Orders  OK\n")
                .doesNotContain("#10  ");
        assertThat(failures.get(1).getSuppressed()[0].getMessage())
                .contains("the test made no requests to the endpoint", "table Orders (us-east-1), 0 items");
    }

    @Test
    void a_multi_region_test_lists_the_region_of_each_request_and_tags_the_outages_errors() {
        List<Throwable> failures = failures(run(FailingOverDuringAnOutage.class));

        assertThat(failures).singleElement().satisfies(f -> assertThat(f).hasMessage("on purpose"));
        String report = failures.get(0).getSuppressed()[0].getMessage();
        assertThat(report).contains("""
                requests made by the test (4):
                  #1  PutItem  Orders  us-east-1  InternalServerError: Internal server error \
                [fault: region outage (SERVER_ERROR)]
                  #2  PutItem  Orders  us-east-1  InternalServerError: Internal server error (attempt 2) \
                [fault: region outage (SERVER_ERROR)]
                  #3  PutItem  Orders  eu-west-1  OK
                  #4  GetItem  Orders  eu-west-1  OK
                """);
    }

    @Test
    void the_request_assertions_number_the_requests_as_the_report_does() {
        List<Throwable> failures = failures(run(AssertingAfterSetupRequests.class));

        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f).hasMessage("""
                    [requests of the test]
                    Expecting 1 ResourceNotFoundException error but found 2:
                      #2  GetItem  Missing  ResourceNotFoundException: Requested resource not found
                      #3  GetItem  Missing  ResourceNotFoundException: Requested resource not found""");
            assertThat(f.getSuppressed()[0].getMessage()).contains("""
                    requests made by the test (3):
                      #1  PutItem  Orders   OK
                      #2  GetItem  Missing  ResourceNotFoundException: Requested resource not found
                      #3  GetItem  Missing  ResourceNotFoundException: Requested resource not found
                    """);
        });
    }

    @Test
    void would_be_throttled_in_production_counts_the_capacity_models_throttles_and_not_the_fault_rules() {
        List<Throwable> failures = failures(run(ThrottledByARuleAndOverCapacity.class));

        String report = failures.get(0).getSuppressed()[0].getMessage();
        assertThat(report).contains("""
                throttling (3): 1 from the capacity model, 2 injected by fault rules
                in production this test's traffic would be throttled: 1 request over capacity was let through \
                (CapacityMode.OBSERVE), the first on table Orders at 2026-01-01T12:00:03Z
                """);
        assertThat(report).contains("""
                  #1  PutItem  Orders  ProvisionedThroughputExceededException: The level of configured provisioned \
                throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable \
                API. [fault: throttle]
                """);
        assertThat(report.lines().filter(l -> l.endsWith("[fault rule]"))).hasSize(2);
        assertThat(report.lines().filter(l -> l.endsWith("(would be throttled in production)"))).hasSize(1);
    }

    @Test
    void passing_test_has_no_diagnostics() {
        assertThat(failures(run(Passing.class))).isEmpty();
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class FailingWithRequests {
        @Test
        void fails(DynamoDbClient client) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"),
                    "status", AttributeValue.fromS("NEW"), "total", AttributeValue.fromN("12"))));
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#2"),
                    "tags", AttributeValue.fromSs(List.of("a", "b")))));
            assertThatThrownBy(() -> client.getItem(r -> r.tableName("Missing")
                    .key(Map.of("pk", AttributeValue.fromS("A#1"))))).isInstanceOf(ResourceNotFoundException.class);
            assertThat(1).isEqualTo(2);
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class FailingWithManyItems {
        @Test
        void fails(DynamoDbClient client) {
            for (int i = 0; i < 60; i++) {
                String key = "K" + i;
                client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS(key))));
            }
            throw new AssertionError("on purpose");
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class FailingWithoutRequests {
        @Test
        void fails() {
            throw new AssertionError("on purpose");
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class Passing {
        @Test
        void passes(DynamoDbClient client) {
            client.listTables();
        }
    }

    @DynamoTest(retryBackoff = RetryBackoff.NONE)
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @DynamoTable(name = "Orders", partitionKey = "pk", region = "eu-west-1")
    static class FailingOverDuringAnOutage {
        @Test
        void fails(Dynamo dynamo) {
            Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("A#1"));
            dynamo.faults().regionOutage(Region.US_EAST_1);
            try (DynamoDbClient east = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(dynamo.client().serviceClientConfiguration().credentialsProvider())
                    .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(2)))
                    .build()) {
                assertThatThrownBy(() -> east.putItem(r -> r.tableName("Orders").item(item)))
                        .isInstanceOf(InternalServerErrorException.class);
            }
            dynamo.clientFor(Region.EU_WEST_1).putItem(r -> r.tableName("Orders").item(item));
            dynamo.clientFor(Region.EU_WEST_1).getItem(r -> r.tableName("Orders").key(item));
            throw new AssertionError("on purpose");
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class AssertingAfterSetupRequests {
        @Test
        void fails(DynamoDbClient client, Dynamo dynamo) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"))));
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> client.getItem(r -> r.tableName("Missing")
                        .key(Map.of("pk", AttributeValue.fromS("A#1"))))).isInstanceOf(ResourceNotFoundException.class);
            }
            DynamoAssertions.assertThat(dynamo.requests()).hasErrors("ResourceNotFoundException", 1);
        }
    }

    @DynamoTest(retryBackoff = RetryBackoff.NONE)
    @DynamoTable(name = "Orders", partitionKey = "pk", readCapacity = 1, writeCapacity = 1)
    static class ThrottledByARuleAndOverCapacity {
        @Test
        void fails(Dynamo dynamo, DynamoDbClient client) {
            dynamo.clock().freezeAt(Instant.parse("2026-01-01T12:00:03Z"));
            dynamo.faults().throttle(Operation.PUT_ITEM).onTable("Orders").times(2);
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("a"))));
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("b"))));
            throw new AssertionError("on purpose");
        }
    }
}
