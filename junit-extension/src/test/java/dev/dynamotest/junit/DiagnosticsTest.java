package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
                  1. PutItem  Orders   OK
                  2. PutItem  Orders   OK
                  3. GetItem  Missing  ResourceNotFoundException: Requested resource not found
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
        assertThat(many.lines().filter(l -> l.contains(". PutItem")).count()).isEqualTo(50);
        assertThat(failures.get(1).getSuppressed()[0].getMessage())
                .contains("the test made no requests to the endpoint", "table Orders (us-east-1), 0 items");
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
}
