package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.published;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.DaxConfig;
import dev.dynamotest.core.DaxStatistics;
import dev.dynamotest.core.DynamoServer;
import dev.dynamotest.core.EngineConfig;
import dev.dynamotest.faults.DaxOutage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code dynamo.dax()}: a DAX node per class in front of the class's engine, reached with Amazon's own DAX client,
 * with DAX's cache semantics on the class's clock, caches reset between methods, settings from the builder.
 */
class DaxTest {

    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("order-1"));

    @Test
    void reads_are_served_from_the_cache_and_a_bypassing_write_is_unseen_until_the_ttl_passes() {
        assertAllPassed(run(ReadsThroughDax.class), 3);
    }

    @Test
    void an_outage_a_method_leaves_open_ends_before_the_next_method() {
        assertAllPassed(run(OutageLeftOpen.class), 2);
    }

    @Test
    void the_node_stops_with_the_class() throws IOException {
        EngineExecutionResults results = run(ReadsThroughDax.class);
        assertAllPassed(results, 3);
        List<String> urls = published(results, "dax");
        assertThat(urls).hasSize(3).containsOnly(urls.get(0)).allMatch(url -> url.startsWith("dax://127.0.0.1:"));
        URI url = URI.create(urls.get(0));
        assertThatThrownBy(() -> new Socket(url.getHost(), url.getPort()).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void the_builder_sets_the_caches_ttls() {
        assertAllPassed(run(ShortItemTtl.class), 1);
    }

    @Test
    void against_an_endpoint_elsewhere_dax_fails_naming_the_mode() {
        try (DynamoServer elsewhere = DynamoServer.start(EngineConfig.defaults(), "127.0.0.1", 0)) {
            EngineExecutionResults results = run(Map.of("dynamotest.endpoint", elsewhere.endpoint().toString()),
                    AgainstAnEndpointElsewhere.class);
            assertThat(failures(results)).singleElement().satisfies(failure -> assertThat(failure)
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("Dynamo.dax() needs the endpoint in this JVM, but the tests run against "
                            + elsewhere.endpoint() + " (dynamotest.endpoint is set)"));
        }
    }

    static Map<String, AttributeValue> order(String status) {
        return Map.of("pk", AttributeValue.fromS("order-1"), "status", AttributeValue.fromS(status));
    }

    static String status(DynamoDbClient client) {
        return client.getItem(r -> r.tableName("Orders").key(KEY)).item().get("status").s();
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class ReadsThroughDax {

        @Test
        void a_second_read_is_a_cache_hit(Dynamo dynamo, DynamoDbClient client, TestReporter reporter) {
            reporter.publishEntry("dax", dynamo.dax().url().toString());
            client.putItem(r -> r.tableName("Orders").item(order("NEW")));
            DynamoDbClient dax = dynamo.dax().client();

            assertThat(status(dax)).isEqualTo("NEW");
            assertThat(status(dax)).isEqualTo("NEW");

            assertThat(dynamo.dax()).itemCache().hasMisses(1).hasHits(1).hasEvictions(0);
            assertThat(dynamo.dax()).queryCache().hasHits(0).hasMisses(0);
        }

        @Test
        void b_starts_with_empty_caches(Dynamo dynamo, DynamoDbClient client, TestReporter reporter) {
            reporter.publishEntry("dax", dynamo.dax().url().toString());
            assertThat(dynamo.dax().statistics()).isEqualTo(new DaxStatistics(0, 0, 0, 0, 0, 0, 0, 0));
            client.putItem(r -> r.tableName("Orders").item(order("SHIPPED")));

            // method a cached the item as NEW for five minutes: the cleared cache reads the table again
            assertThat(status(dynamo.dax().client())).isEqualTo("SHIPPED");
            assertThat(dynamo.dax()).itemCache().hasMisses(1).hasHits(0);
        }

        @Test
        void c_a_write_that_bypasses_dax_is_unseen_until_the_item_ttl_passes(Dynamo dynamo, DynamoDbClient client,
                TestReporter reporter) {
            reporter.publishEntry("dax", dynamo.dax().url().toString());
            DynamoDbClient dax = dynamo.dax().client();
            client.putItem(r -> r.tableName("Orders").item(order("NEW")));
            assertThat(status(dax)).isEqualTo("NEW");

            client.putItem(r -> r.tableName("Orders").item(order("SHIPPED")));
            assertThat(status(dax)).as("stale read from the item cache").isEqualTo("NEW");

            dynamo.clock().advance(Duration.ofMinutes(5));
            assertThat(status(dax)).isEqualTo("SHIPPED");
            assertThat(dynamo.dax()).itemCache().hasHits(1).hasMisses(2);
        }
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class ShortItemTtl {

        @RegisterExtension
        static DynamoExtension extension = DynamoExtension.builder()
                .dax(DaxConfig.builder().itemTtl(Duration.ofSeconds(10)).build())
                .build();

        @Test
        void items_expire_after_ten_seconds(Dynamo dynamo, DynamoDbClient client) {
            assertThat(dynamo.dax().config().itemTtl()).isEqualTo(Duration.ofSeconds(10));
            DynamoDbClient dax = dynamo.dax().client();
            client.putItem(r -> r.tableName("Orders").item(order("NEW")));
            assertThat(status(dax)).isEqualTo("NEW");
            client.putItem(r -> r.tableName("Orders").item(order("SHIPPED")));

            dynamo.clock().advance(Duration.ofSeconds(9));
            assertThat(status(dax)).isEqualTo("NEW");
            dynamo.clock().advance(Duration.ofSeconds(1));
            assertThat(status(dax)).isEqualTo("SHIPPED");
        }
    }

    @DynamoTest
    static class AgainstAnEndpointElsewhere {

        @Test
        void asks_for_dax(Dynamo dynamo) {
            dynamo.dax();
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class OutageLeftOpen {

        @Test
        void a_takes_the_node_down_and_leaves_it_down(Dynamo dynamo) {
            DaxOutage outage = dynamo.engineFaults().daxOutage(dynamo.dax().server());
            assertThat(outage.node().isUp()).isFalse();
        }

        @Test
        void b_finds_the_node_up_again(Dynamo dynamo, DynamoDbClient client) {
            assertThat(dynamo.dax().server().isUp()).isTrue();
            client.putItem(r -> r.tableName("Orders").item(order("NEW")));
            assertThat(status(dynamo.dax().client())).isEqualTo("NEW");
        }
    }
}
