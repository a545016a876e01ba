package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.published;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.SetOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BuilderTest {

    static final Path DATABASE = Path.of("target", "builder-test", "orders");

    @Test
    void builder_sets_region_and_clock_source() {
        assertAllPassed(run(RegionAndClock.class), 1);
    }

    @Test
    void builder_values_win_over_the_annotation_and_the_annotation_fills_the_rest() {
        assertAllPassed(run(BuilderAndAnnotation.class), 2);
    }

    @Test
    void builder_listens_on_a_fixed_port() {
        EngineExecutionResults results = run(FixedPort.class);

        assertAllPassed(results, 1);
        assertThat(URI.create(published(results, "endpoint").get(0)).getPort()).isEqualTo(FixedPort.PORT);
    }

    @Test
    void builder_keeps_data_in_an_h2_file_across_endpoints() throws IOException {
        Files.deleteIfExists(DATABASE.resolveSibling("orders.mv.db"));

        assertAllPassed(run(WritesToFile.class), 1);
        assertAllPassed(run(ReadsFromFile.class), 1);
    }

    @Test
    void builder_sets_engine_options_such_as_the_account_id_the_ttl_sweep_delay_and_the_set_order() {
        assertAllPassed(run(EngineOptions.class), 3);
    }

    @Test
    void without_engine_options_an_expired_item_waits_for_the_default_sweep_delay() {
        assertAllPassed(run(DefaultEngineOptions.class), 1);
    }

    @Test
    void engine_options_that_change_the_region_are_refused_with_the_fix() {
        EngineExecutionResults results = run(EngineRegion.class);

        assertThat(failures(results)).singleElement().extracting(Throwable::getMessage).isEqualTo(
                "DynamoExtension.builder().engine(...) sets the default region eu-west-1, but the tests' region is "
                        + "us-east-1; set the region with DynamoExtension.builder().region(\"eu-west-1\") instead, so "
                        + "that the clients and declared tables use it too");
    }

    @Test
    void builder_adds_tables_from_files() {
        assertAllPassed(run(TablesFromBuilder.class), 1);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @DynamoTable(name = "Carts", partitionKey = "id", ttlAttribute = "expiresAt")
    static class EngineOptions {
        @RegisterExtension
        static DynamoExtension dynamo = DynamoExtension.builder()
                .engine(e -> e.accountId("123456789012"))
                .engine(e -> e.ttlSweepDelay(Duration.ZERO))
                .engine(e -> e.setOrder(SetOrder.SHUFFLED).shuffleSeed(7))
                .build();

        @Test
        void sets_come_back_in_a_new_order_in_every_response(DynamoDbClient client) {
            List<String> tags = IntStream.range(0, 20).mapToObj(i -> "tag" + i).toList();
            client.putItem(r -> r.tableName("Carts").item(Map.of("id", s("c2"), "tags", AttributeValue.fromSs(tags))));

            List<String> first = client.getItem(r -> r.tableName("Carts").key(Map.of("id", s("c2")))).item()
                    .get("tags").ss();
            List<String> second = client.getItem(r -> r.tableName("Carts").key(Map.of("id", s("c2")))).item()
                    .get("tags").ss();

            assertThat(first).containsExactlyInAnyOrderElementsOf(tags).isNotEqualTo(second);
        }

        @Test
        void arns_carry_the_account_id(DynamoDbClient client) {
            assertThat(client.describeTable(r -> r.tableName("Carts")).table().tableArn())
                    .isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/Carts");
        }

        @Test
        void an_expired_item_is_gone_at_the_next_request(DynamoDbClient client, Dynamo dynamo) {
            putCartExpiringInAMinute(client, dynamo);

            dynamo.clock().advance(Duration.ofSeconds(61));

            assertThat(client.getItem(r -> r.tableName("Carts").key(Map.of("id", s("c1")))).hasItem()).isFalse();
        }
    }

    @DynamoTest
    @DynamoTable(name = "Carts", partitionKey = "id", ttlAttribute = "expiresAt")
    static class DefaultEngineOptions {
        @Test
        void an_expired_item_stays_readable_until_the_sweep_delay_passes(DynamoDbClient client, Dynamo dynamo) {
            putCartExpiringInAMinute(client, dynamo);

            dynamo.clock().advance(Duration.ofSeconds(61));

            assertThat(client.getItem(r -> r.tableName("Carts").key(Map.of("id", s("c1")))).hasItem()).isTrue();
        }
    }

    static void putCartExpiringInAMinute(DynamoDbClient client, Dynamo dynamo) {
        dynamo.clock().freeze();
        long now = dynamo.clock().now().getEpochSecond();
        client.putItem(r -> r.tableName("Carts").item(Map.of("id", s("c1"),
                "expiresAt", AttributeValue.fromN(Long.toString(now + 60)))));
    }

    static class EngineRegion {
        @RegisterExtension
        static DynamoExtension dynamo = DynamoExtension.builder().engine(e -> e.defaultRegion("eu-west-1")).build();

        @Test
        void never_runs() {
        }
    }

    static class RegionAndClock {
        @RegisterExtension
        static DynamoExtension dynamo = DynamoExtension.builder()
                .region(Region.AP_SOUTHEAST_2)
                .engine(e -> e.clock(() -> Instant.parse("2030-05-01T10:00:00Z")))
                .build();

        @Test
        void uses_region_and_clock(Dynamo dynamo, DynamoDbClient client) {
            assertThat(dynamo.region()).isEqualTo(Region.AP_SOUTHEAST_2);
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.AP_SOUTHEAST_2);
            assertThat(dynamo.clock().now()).isEqualTo(Instant.parse("2030-05-01T10:00:00Z"));
        }
    }

    @DynamoTest(region = "eu-west-1", isolation = Isolation.PER_CLASS)
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
    static class BuilderAndAnnotation {
        @RegisterExtension
        static DynamoExtension dynamo = DynamoExtension.builder().region("eu-central-1").build();

        @Test
        void a_writes(Dynamo dynamo) {
            assertThat(dynamo.region()).isEqualTo(Region.EU_CENTRAL_1);
            dynamo.client().putItem(r -> r.tableName("Orders").item(Map.of("pk", s("A#1"))));
        }

        @Test
        void b_sees_the_write_as_the_annotation_shares_state(Dynamo dynamo) {
            assertThat(dynamo.table("Orders").itemCount()).isEqualTo(1);
        }
    }

    static class FixedPort {
        static final int PORT = freePort();

        @RegisterExtension
        static DynamoExtension dynamo = DynamoExtension.builder().host("127.0.0.1").port(PORT).build();

        @Test
        void listens_on_the_port(Dynamo dynamo, TestReporter reporter) {
            reporter.publishEntry("endpoint", dynamo.endpoint().toString());
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class WritesToFile {
        @RegisterExtension
        static DynamoExtension dynamo = DynamoExtension.builder().engine(e -> e.databasePath(DATABASE))
                .isolation(Isolation.PER_CLASS).build();

        @Test
        void writes(DynamoDbClient client) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("kept"))));
        }
    }

    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class ReadsFromFile {
        @RegisterExtension
        static DynamoExtension dynamo = DynamoExtension.builder().engine(e -> e.databasePath(DATABASE))
                .isolation(Isolation.PER_CLASS).build();

        @Test
        void reads(DynamoDbClient client) {
            assertThat(client.getItem(r -> r.tableName("Orders").key(Map.of("pk", s("kept")))).hasItem()).isTrue();
        }
    }

    static class TablesFromBuilder {
        @RegisterExtension
        static DynamoExtension dynamo = DynamoExtension.builder().tablesFrom("tables/two-tables-cli.json").build();

        @Test
        void has_the_tables(DynamoDbClient client) {
            assertThat(client.listTables().tableNames()).containsExactly("Carts", "Events");
        }
    }
}
