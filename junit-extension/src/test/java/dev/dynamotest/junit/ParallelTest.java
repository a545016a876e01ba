package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.published;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ParallelTest {

    static final Map<String, String> PARALLEL_CLASSES = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "same_thread",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent");

    @Test
    void classes_run_side_by_side_each_with_its_own_endpoint() {
        EngineExecutionResults results = run(PARALLEL_CLASSES, First.class, Second.class, Third.class);

        assertAllPassed(results, 6);
        List<String> endpoints = published(results, "endpoint");
        assertThat(endpoints).hasSize(6);
        assertThat(endpoints.stream().distinct()).hasSize(3);
    }

    @Test
    void concurrent_methods_of_a_class_that_resets_per_method_are_refused() {
        List<Throwable> failures = failures(run(Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"), ConcurrentMethods.class));

        assertThat(failures).isNotEmpty().allSatisfy(f -> assertThat(f.getMessage()).contains(
                "runs while another test method of its class is running, but each method resets the class's endpoint;"
                        + " run the class's methods one at a time (@Execution(ExecutionMode.SAME_THREAD)) or share the "
                        + "state (isolation = PER_CLASS)"));
    }

    @Test
    void concurrent_methods_may_share_state() {
        assertAllPassed(run(Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent"), ConcurrentSharedMethods.class), 4);
    }

    abstract static class Writer {
        @Test
        void writes(DynamoDbClient client, Dynamo dynamo, TestReporter reporter) {
            reporter.publishEntry("endpoint", dynamo.endpoint().toString());
            for (int i = 0; i < 20; i++) {
                String key = getClass().getSimpleName() + i;
                client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS(key))));
            }
            assertThat(dynamo.table("Orders").itemCount()).isEqualTo(20);
        }

        @Test
        void reads(DynamoDbClient client, Dynamo dynamo, TestReporter reporter) {
            reporter.publishEntry("endpoint", dynamo.endpoint().toString());
            assertThat(client.getItem(r -> r.tableName("Orders").key(Map.of("pk",
                    AttributeValue.fromS(getClass().getSimpleName() + 0)))).hasItem()).isFalse();
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class First extends Writer {
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class Second extends Writer {
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class Third extends Writer {
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @Execution(ExecutionMode.CONCURRENT)
    static class ConcurrentMethods {
        @Test
        void one(Dynamo dynamo) {
            dynamo.client().listTables();
        }

        @Test
        void two(Dynamo dynamo) {
            dynamo.client().listTables();
        }

        @Test
        void three(Dynamo dynamo) {
            dynamo.client().listTables();
        }

        @Test
        void four(Dynamo dynamo) {
            dynamo.client().listTables();
        }
    }

    @DynamoTest(isolation = Isolation.PER_CLASS)
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @Execution(ExecutionMode.CONCURRENT)
    static class ConcurrentSharedMethods {
        @Test
        void one(DynamoDbClient client) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("1"))));
        }

        @Test
        void two(DynamoDbClient client) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("2"))));
        }

        @Test
        void three(DynamoDbClient client) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("3"))));
        }

        @Test
        void four(DynamoDbClient client) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("4"))));
        }
    }
}
