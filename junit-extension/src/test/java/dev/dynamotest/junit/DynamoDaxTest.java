package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.DaxConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code @DynamoDax}: a class turns DAX on with its settings, its node starting with the class; the builder's
 * {@code dax(...)} wins over the annotation; values DAX cannot take fail the class naming the attribute.
 */
class DynamoDaxTest {

    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("order-1"));

    @Test
    void the_declared_node_starts_with_the_class_with_the_declared_settings() {
        assertAllPassed(run(Declared.class), 2);
    }

    @Test
    void without_the_annotation_the_node_starts_on_first_use_with_dax_defaults() {
        assertAllPassed(run(Undeclared.class), 1);
    }

    @Test
    void the_builder_settings_win_over_the_annotation() {
        assertAllPassed(run(BuilderAndAnnotation.class), 1);
    }

    @Test
    void a_ttl_that_is_no_iso_duration_fails_the_class_naming_the_attribute() {
        assertThat(failures(run(TtlInWords.class))).singleElement().satisfies(failure -> assertThat(failure)
                .hasMessage("@DynamoDax on TtlInWords: itemTtl \"5 minutes\" is not an ISO-8601 duration; write "
                        + "one such as \"PT5M\" (5 minutes), \"PT30S\" or \"PT0S\" (no caching)"));
    }

    @Test
    void a_negative_ttl_fails_the_class_naming_the_attribute() {
        assertThat(failures(run(NegativeQueryTtl.class))).singleElement().satisfies(failure -> assertThat(failure)
                .hasMessage("@DynamoDax on NegativeQueryTtl: queryTtl \"-PT1S\" is negative; a time to live is "
                        + "\"PT0S\" (no caching) or more"));
    }

    @Test
    void a_cache_size_below_one_byte_fails_the_class() {
        assertThat(failures(run(NoCacheSize.class))).singleElement().satisfies(failure -> assertThat(failure)
                .hasMessage("@DynamoDax on NoCacheSize: cacheSize 0 is not a positive number of bytes; give the "
                        + "size of each cache, e.g. cacheSize = 16_777_216 for 16 MB"));
    }

    @Test
    void a_nested_class_of_its_own_is_refused_naming_the_outermost_class() {
        assertThat(failures(run(NestedDeclaration.class))).singleElement().satisfies(failure -> assertThat(failure)
                .hasMessage("@DynamoDax on Inner: a @Nested class shares the endpoint and DAX node of its outermost "
                        + "class; put @DynamoDax on NestedDeclaration"));
    }

    /** The names of the DAX nodes' accept threads running now, {@code dynamotest-dax-PORT}. */
    static Set<String> runningNodes() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("dynamotest-dax-") && !name.contains("connection"))
                .collect(Collectors.toSet());
    }

    static Map<String, AttributeValue> order(String status) {
        return Map.of("pk", AttributeValue.fromS("order-1"), "status", AttributeValue.fromS(status));
    }

    static String status(DynamoDbClient client) {
        return client.getItem(r -> r.tableName("Orders").key(KEY)).item().get("status").s();
    }

    static int count(DynamoDbClient client) {
        return client.query(r -> r.tableName("Orders").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("order-1")))).count();
    }

    @DynamoTest
    @DynamoDax(itemTtl = "PT10S", queryTtl = "PT0S", cacheSize = 1_048_576)
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class Declared {

        @Test
        void the_node_runs_before_a_test_asks_for_it(Dynamo dynamo) {
            Set<String> before = runningNodes();
            assertThat(before).contains("dynamotest-dax-" + dynamo.dax().url().getPort());
            assertThat(dynamo.dax().config().itemTtl()).isEqualTo(Duration.ofSeconds(10));
            assertThat(dynamo.dax().config().queryTtl()).isZero();
            assertThat(dynamo.dax().config().cacheSize()).isEqualTo(1_048_576);
        }

        @Test
        void the_caches_keep_the_declared_ttls(Dynamo dynamo, DynamoDbClient client) {
            DynamoDbClient dax = dynamo.dax().client();
            client.putItem(r -> r.tableName("Orders").item(order("NEW")));
            assertThat(status(dax)).isEqualTo("NEW");
            assertThat(count(dax)).isEqualTo(1);
            client.putItem(r -> r.tableName("Orders").item(order("SHIPPED")));

            dynamo.clock().advance(Duration.ofSeconds(9));
            assertThat(status(dax)).isEqualTo("NEW");
            assertThat(count(dax)).isEqualTo(1);
            dynamo.clock().advance(Duration.ofSeconds(1));
            assertThat(status(dax)).isEqualTo("SHIPPED");
            assertThat(dynamo.dax()).itemCache().hasHits(1).hasMisses(2);
            assertThat(dynamo.dax()).queryCache().hasHits(0).hasMisses(2);
        }
    }

    @DynamoTest
    static class Undeclared {

        @Test
        void the_node_starts_when_a_test_asks_for_it(Dynamo dynamo) {
            Set<String> before = runningNodes();
            int port = dynamo.dax().url().getPort();
            assertThat(before).doesNotContain("dynamotest-dax-" + port);
            assertThat(runningNodes()).contains("dynamotest-dax-" + port);
            assertThat(dynamo.dax().config().itemTtl()).isEqualTo(DaxConfig.DEFAULT_TTL);
            assertThat(dynamo.dax().config().queryTtl()).isEqualTo(DaxConfig.DEFAULT_TTL);
            assertThat(dynamo.dax().config().cacheSize()).isEqualTo(DaxConfig.DEFAULT_CACHE_SIZE);
        }
    }

    @DynamoDax(itemTtl = "PT1M", queryTtl = "PT2M")
    static class BuilderAndAnnotation {

        @RegisterExtension
        static DynamoExtension extension = DynamoExtension.builder()
                .dax(DaxConfig.builder().itemTtl(Duration.ofSeconds(10)).build())
                .build();

        @Test
        void the_node_has_the_builder_settings_and_runs_from_the_start(Dynamo dynamo) {
            Set<String> before = runningNodes();
            assertThat(before).contains("dynamotest-dax-" + dynamo.dax().url().getPort());
            assertThat(dynamo.dax().config().itemTtl()).isEqualTo(Duration.ofSeconds(10));
            assertThat(dynamo.dax().config().queryTtl()).isEqualTo(DaxConfig.DEFAULT_TTL);
        }
    }

    @DynamoTest
    @DynamoDax(itemTtl = "5 minutes")
    static class TtlInWords {

        @Test
        void never_runs() {
        }
    }

    @DynamoTest
    @DynamoDax(queryTtl = "-PT1S")
    static class NegativeQueryTtl {

        @Test
        void never_runs() {
        }
    }

    @DynamoTest
    @DynamoDax(cacheSize = 0)
    static class NoCacheSize {

        @Test
        void never_runs() {
        }
    }

    @DynamoTest
    static class NestedDeclaration {

        @Test
        void runs() {
        }

        @Nested
        @DynamoDax(itemTtl = "PT1S")
        class Inner {

            @Test
            void never_runs() {
            }
        }
    }
}
