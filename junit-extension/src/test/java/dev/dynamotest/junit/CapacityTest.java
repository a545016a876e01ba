package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.core.capacity.ThrottleEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class CapacityTest {

    @Test
    void enforce_on_the_annotation_throttles_and_the_capacity_shows_it() {
        assertAllPassed(run(Enforcing.class), 1);
    }

    @Test
    void the_builder_chooses_the_mode_too() {
        assertAllPassed(run(EnforcingByBuilder.class), 1);
    }

    @Test
    void observe_is_the_default_and_records_what_production_would_throttle() {
        assertAllPassed(run(Observing.class), 2);
    }

    @Test
    void had_no_throttling_fails_listing_the_throttle_events_and_diagnostics_name_the_table() {
        List<Throwable> failures = failures(run(ObservedAndAsserted.class));

        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f).hasMessageStartingWith("""
                    [Capacity of table Orders (us-east-1)]
                    Expecting no throttling, but 1 request was throttled:
                      2026-01-01T12:00:03Z Orders: TableWriteProvisionedThroughputExceeded (would be throttled \
                    in production)""");
            assertThat(f.getSuppressed()[0].getMessage()).contains("""
                    throttling (1): 1 from the capacity model
                    in production this test's traffic would be throttled: 1 request over capacity was let through \
                    (CapacityMode.OBSERVE), the first on table Orders at 2026-01-01T12:00:03Z
                      2026-01-01T12:00:03Z Orders: TableWriteProvisionedThroughputExceeded (would be throttled in \
                    production)""");
        });
    }

    @Test
    void was_throttled_fails_with_the_units_consumed() {
        List<Throwable> failures = failures(run(NeverThrottled.class));

        assertThat(failures).singleElement().satisfies(f -> assertThat(f).hasMessageStartingWith("""
                [Capacity of table Orders (us-east-1)]
                Expecting a throttled request, but no request was throttled; the table consumed 0 read and 1 write \
                units, at most 0 and 1 in one second"""));
    }

    @Test
    void cost_assertions_compare_the_classes_and_modes() {
        List<Throwable> failures = failures(run(Costing.class));

        assertThat(failures).singleElement().satisfies(f -> assertThat(f).hasMessageStartingWith("""
                [Cost of the tables of us-east-1]
                Expecting at most $0.000000, but the tables cost $"""));
    }

    private static DynamoDbClient noRetries(Dynamo dynamo) {
        return DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(dynamo.region())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
    }

    private static void put(DynamoDbClient client, String pk) {
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS(pk))));
    }

    @DynamoTest(capacity = CapacityMode.ENFORCE)
    @DynamoTable(name = "Orders", partitionKey = "pk", readCapacity = 1, writeCapacity = 1)
    @DynamoSeed(value = "seeds/capacity-orders.json", table = "Orders")
    static class Enforcing {
        @Test
        void second_write_in_a_second_is_throttled(Dynamo dynamo) {
            dynamo.clock().freeze();
            try (DynamoDbClient client = noRetries(dynamo)) {
                put(client, "a");
                assertThatThrownBy(() -> put(client, "b")).isInstanceOf(ProvisionedThroughputExceededException.class);
            }
            assertThat(dynamo.capacity().table("Orders")).wasThrottled().consumedWriteUnits().isEqualTo(1.0);
            assertThat(dynamo.capacity()).wasThrottled();
            assertThat(dynamo.capacity().table("Orders").throttles()).singleElement()
                    .satisfies(e -> assertThat(e.enforced()).isTrue());
        }
    }

    @DynamoTable(name = "Orders", partitionKey = "pk", readCapacity = 1, writeCapacity = 1)
    static class EnforcingByBuilder {
        @RegisterExtension
        static DynamoExtension dynamo = DynamoExtension.builder()
                .engine(e -> e.capacityMode(CapacityMode.ENFORCE)).build();

        @Test
        void throttles(Dynamo dynamo) {
            dynamo.clock().freeze();
            try (DynamoDbClient client = noRetries(dynamo)) {
                put(client, "a");
                assertThatThrownBy(() -> put(client, "b")).isInstanceOf(ProvisionedThroughputExceededException.class);
            }
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", readCapacity = 1, writeCapacity = 1)
    static class Observing {
        @Test
        void serves_and_records(Dynamo dynamo) {
            dynamo.clock().freeze();
            try (DynamoDbClient client = noRetries(dynamo)) {
                put(client, "a");
                put(client, "b");
                client.getItem(r -> r.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("a")))
                        .consistentRead(true));
            }
            assertThat(dynamo.capacity().table("Orders").throttles()).extracting(ThrottleEvent::enforced)
                    .containsExactly(false);
            assertThat(dynamo.capacity().table("Orders")).wasThrottled().consumedWriteUnits().isEqualTo(2.0);
            assertThat(dynamo.capacity().table("Orders")).consumedReadUnits().isEqualTo(1.0);
            assertThat(dynamo.capacity().table("Orders")).peakWriteUnitsPerSecond().isEqualTo(2.0);
        }

        @Test
        void each_test_starts_without_throttle_events(Dynamo dynamo) {
            assertThat(dynamo.capacity()).hadNoThrottling();
            assertThat(dynamo.capacity().table("Orders")).hadNoThrottling().consumedWriteUnits().isZero();
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", readCapacity = 1, writeCapacity = 1)
    static class ObservedAndAsserted {
        @Test
        void fails(Dynamo dynamo, DynamoDbClient client) {
            dynamo.clock().freezeAt(java.time.Instant.parse("2026-01-01T12:00:03Z"));
            put(client, "a");
            put(client, "b");
            assertThat(dynamo.capacity().table("Orders")).hadNoThrottling();
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class Costing {
        @Test
        void fails(Dynamo dynamo, DynamoDbClient client) {
            put(client, "a");
            dynamo.clock().freeze().advance(java.time.Duration.ofHours(1));
            assertThat(dynamo.cost()).isAtMost(0.01).table("Orders").isAtMost(0.01)
                    .isCheapestAs("STANDARD", "PAY_PER_REQUEST");
            assertThat(dynamo.cost().table("Orders").writeRequestUnits()).isEqualTo(1);
            assertThat(dynamo.cost()).isAtMost(0);
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", readCapacity = 1, writeCapacity = 1)
    static class NeverThrottled {
        @Test
        void fails(Dynamo dynamo, DynamoDbClient client) {
            dynamo.clock().freeze();
            put(client, "a");
            assertThat(dynamo.capacity().table("Orders")).wasThrottled();
        }
    }
}
