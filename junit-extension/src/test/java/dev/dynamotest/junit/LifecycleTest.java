package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.published;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class LifecycleTest {

    @Test
    void one_endpoint_serves_a_class_and_its_nested_classes() {
        EngineExecutionResults results = run(WithNested.class);

        assertAllPassed(results, 3);
        assertThat(published(results, "endpoint")).hasSize(3).containsOnly(published(results, "endpoint").get(0));
    }

    @Test
    void each_class_has_its_own_endpoint() {
        EngineExecutionResults results = run(WithNested.class, Failing.class);

        List<String> endpoints = published(results, "endpoint");
        assertThat(endpoints).hasSize(4);
        assertThat(endpoints.stream().distinct()).hasSize(2);
    }

    @Test
    void endpoint_is_closed_after_the_class_also_when_its_tests_fail() {
        EngineExecutionResults results = run(Failing.class);

        assertThat(results.testEvents().failed().count()).isEqualTo(1);
        URI endpoint = URI.create(published(results, "endpoint").get(0));
        assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                .isInstanceOf(IOException.class);
    }

    @DynamoTest
    static class WithNested {
        @Test
        void outer(Dynamo dynamo, TestReporter reporter) {
            reporter.publishEntry("endpoint", dynamo.endpoint().toString());
        }

        @Nested
        class Inner {
            @Test
            void inner(Dynamo dynamo, DynamoDbClient client, TestReporter reporter) {
                reporter.publishEntry("endpoint", dynamo.endpoint().toString());
                assertThat(client.listTables().tableNames()).isEmpty();
            }

            @Nested
            class Innermost {
                @Test
                void innermost(Dynamo dynamo, TestReporter reporter) {
                    reporter.publishEntry("endpoint", dynamo.endpoint().toString());
                }
            }
        }
    }

    @DynamoTest
    static class Failing {
        @Test
        void fails(Dynamo dynamo, TestReporter reporter) {
            reporter.publishEntry("endpoint", dynamo.endpoint().toString());
            fail("on purpose");
        }
    }

}
