package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.core.Operation.GET_RECORDS;
import static dev.dynamotest.core.Operation.PUT_ITEM;
import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RecordedRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * How the injected clients wait between retries: in virtual time by default (the SDK's backoff advances the engine's
 * clock and the retry goes at once), in real time with {@code SDK_DEFAULT}, not at all with {@code NONE}.
 */
class RetryBackoffTest {

    /** The SDK's longest single backoff ({@code SdkDefaultRetrySetting.MAX_BACKOFF}). */
    static final Duration SDK_MAX_BACKOFF = Duration.ofSeconds(20);

    @Test
    void throttled_writes_on_a_frozen_clock_succeed_after_the_sdk_retries_in_virtual_time() {
        assertAllPassed(run(FrozenEnforce.class), 1);
    }

    @Test
    void a_fault_rule_throttle_is_retried_in_virtual_time_by_default() {
        assertAllPassed(run(FaultThrottle.class), 3);
    }

    @Test
    void none_and_sdk_default_leave_the_clock_alone() {
        assertAllPassed(run(NoBackoff.class, RealBackoff.class), 2);
    }

    @Test
    void without_backoff_a_frozen_clock_refills_nothing_and_the_sdk_gives_up_after_nine_attempts() {
        assertAllPassed(run(FrozenEnforceWithoutBackoff.class), 1);
    }

    @Test
    void concurrent_methods_share_the_clock_and_their_waits_add_up() {
        assertAllPassed(run(Map.of("junit.jupiter.execution.parallel.enabled", "true"), SharedClock.class), 2);
    }

    @Test
    void the_builder_chooses_the_backoff_too() {
        assertAllPassed(run(NoBackoffByBuilder.class), 1);
    }

    static Map<String, AttributeValue> order(int n) {
        return Map.of("pk", AttributeValue.fromS("A#" + n));
    }

    /**
     * Checks the journal of a frozen clock's test against the clock: each retry arrives later than the attempt before
     * it by the delay the SDK computed (positive, at most its maximum backoff), and those delays add up to what the
     * clock moved since {@code frozenAt}. Returns the number of retries.
     */
    static int checkVirtualWaits(RecordedRequests requests, Instant frozenAt, Instant now) {
        Duration waited = Duration.ZERO;
        int retries = 0;
        for (List<RecordedRequest> call : requests.byInvocation().values()) {
            assertThat(call.get(0).attempt()).isEqualTo(1);
            for (int i = 1; i < call.size(); i++) {
                RecordedRequest before = call.get(i - 1);
                RecordedRequest retry = call.get(i);
                assertThat(before.errorType()).isNotNull();
                assertThat(retry.attempt()).isEqualTo(before.attempt() + 1);
                Duration delay = Duration.between(before.time(), retry.time());
                assertThat(delay).isPositive().isLessThanOrEqualTo(SDK_MAX_BACKOFF);
                waited = waited.plus(delay);
                retries++;
            }
        }
        assertThat(Duration.between(frozenAt, now)).isEqualTo(waited);
        return retries;
    }

    @DynamoTest(capacity = CapacityMode.ENFORCE)
    @DynamoTable(name = "Orders", partitionKey = "pk", readCapacity = 5, writeCapacity = 5)
    static class FrozenEnforce {
        @Test
        void eight_writes_into_five_units(Dynamo dynamo, DynamoDbClient client) {
            Instant frozenAt = dynamo.clock().freeze().now();
            long started = System.nanoTime();

            for (int n = 1; n <= 8; n++) {
                int i = n;
                client.putItem(r -> r.tableName("Orders").item(order(i)));
            }

            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a generous guard against real sleeps")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(dynamo.table("Orders")).hasItemCount(8);
            RecordedRequests requests = dynamo.requests();
            assertThat(requests).hasCalls(8).hasRetries();
            assertThat(requests.list().subList(0, 5)).as("the first second's worth of capacity")
                    .allMatch(r -> r.attempt() == 1 && r.succeeded());
            assertThat(requests.list().get(5).errorType()).isEqualTo("ProvisionedThroughputExceededException");
            int retries = checkVirtualWaits(requests, frozenAt, dynamo.clock().now());
            assertThat(requests).hasSize(8 + retries)
                    .hasErrors("ProvisionedThroughputExceededException", retries).hasFaults(0);
            assertThat(requests.list()).allSatisfy(r -> assertThat(r.maxAttempts()).isEqualTo(9));
            assertThat(dynamo.capacity().table("Orders")).wasThrottled().consumedWriteUnits().isEqualTo(8.0);
            assertThat(dynamo.clock().isFrozen()).isTrue();
        }
    }

    @DynamoTest(capacity = CapacityMode.ENFORCE, retryBackoff = RetryBackoff.NONE)
    @DynamoTable(name = "Orders", partitionKey = "pk", readCapacity = 5, writeCapacity = 5)
    static class FrozenEnforceWithoutBackoff {
        @Test
        void the_sixth_write_fails(Dynamo dynamo, DynamoDbClient client) {
            Instant frozenAt = dynamo.clock().freeze().now();
            for (int n = 1; n <= 5; n++) {
                int i = n;
                client.putItem(r -> r.tableName("Orders").item(order(i)));
            }

            assertThatThrownBy(() -> client.putItem(r -> r.tableName("Orders").item(order(6))))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);

            assertThat(dynamo.requests()).hasSize(14).hasCallWithAttempts(9)
                    .hasErrors("ProvisionedThroughputExceededException", 9);
            assertThat(dynamo.clock().now()).isEqualTo(frozenAt);
        }
    }

    /**
     * Two methods running at once, each writing into a table of its own with one write unit, on the class's frozen
     * clock. Each advance is made between two attempts of its own call, so it shows in that call's gaps, and may show
     * in the other method's gaps too: the clock moves by at least each method's waits and by at most their sum.
     */
    @DynamoTest(capacity = CapacityMode.ENFORCE, isolation = Isolation.PER_CLASS)
    @DynamoTable(name = "Left", partitionKey = "pk", readCapacity = 1, writeCapacity = 1)
    @DynamoTable(name = "Right", partitionKey = "pk", readCapacity = 1, writeCapacity = 1)
    @Execution(ExecutionMode.CONCURRENT)
    static class SharedClock {
        static final Map<String, Duration> WAITS = new ConcurrentHashMap<>();
        static volatile CountDownLatch BOTH_STARTED;
        static volatile CountDownLatch BOTH_DONE;
        static volatile Instant frozenAt;

        @BeforeAll
        static void freeze(Dynamo dynamo) {
            WAITS.clear();
            BOTH_STARTED = new CountDownLatch(2);
            BOTH_DONE = new CountDownLatch(2);
            frozenAt = dynamo.clock().freeze().now();
        }

        @Test
        void left(Dynamo dynamo, DynamoDbClient client) throws InterruptedException {
            writeThree("Left", dynamo, client);
        }

        @Test
        void right(Dynamo dynamo, DynamoDbClient client) throws InterruptedException {
            writeThree("Right", dynamo, client);
        }

        private static void writeThree(String table, Dynamo dynamo, DynamoDbClient client)
                throws InterruptedException {
            BOTH_STARTED.countDown();
            assertThat(BOTH_STARTED.await(30, TimeUnit.SECONDS)).as("both methods running").isTrue();
            try {
                RecordedRequests requests = dynamo.engine().requests().since(dynamo.engine().requests().mark())
                        .onTable(table);
                for (int n = 1; n <= 3; n++) {
                    int i = n;
                    client.putItem(r -> r.tableName(table).item(order(i)));
                }
                assertThat(requests).hasCalls(3);
                Duration waited = Duration.ZERO;
                for (List<RecordedRequest> call : requests.byInvocation().values()) {
                    waited = waited.plus(Duration.between(call.get(0).time(), call.get(call.size() - 1).time()));
                }
                WAITS.put(table, waited);
            } finally {
                BOTH_DONE.countDown();
            }
            assertThat(BOTH_DONE.await(30, TimeUnit.SECONDS)).isTrue();

            // six writes into two units of a frozen clock: someone waited, and a wait may refill the other's table
            Duration moved = Duration.between(frozenAt, dynamo.clock().now());
            assertThat(moved).isPositive()
                    .isGreaterThanOrEqualTo(WAITS.get("Left")).isGreaterThanOrEqualTo(WAITS.get("Right"))
                    .isLessThanOrEqualTo(WAITS.get("Left").plus(WAITS.get("Right")));
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_IMAGE)
    static class FaultThrottle {
        @Test
        void sync_client(Dynamo dynamo, DynamoDbClient client) {
            Instant frozenAt = dynamo.clock().freeze().now();
            dynamo.faults().throttle(PUT_ITEM).onTable("Orders").times(2);

            client.putItem(r -> r.tableName("Orders").item(order(1)));

            assertThat(dynamo.requests()).hasCount(PUT_ITEM, 3).hasCallWithAttempts(3).hasFaults(2);
            assertThat(checkVirtualWaits(dynamo.requests(), frozenAt, dynamo.clock().now())).isEqualTo(2);
        }

        @Test
        void async_client(Dynamo dynamo, DynamoDbAsyncClient client) {
            Instant frozenAt = dynamo.clock().freeze().now();
            dynamo.faults().throttle(PUT_ITEM).onTable("Orders").times(2);

            client.putItem(r -> r.tableName("Orders").item(order(1))).join();

            assertThat(dynamo.requests()).hasCount(PUT_ITEM, 3).hasCallWithAttempts(3).hasFaults(2);
            assertThat(checkVirtualWaits(dynamo.requests(), frozenAt, dynamo.clock().now())).isEqualTo(2);
        }

        @Test
        void streams_client_and_a_running_clock(Dynamo dynamo, DynamoDbClient client, DynamoDbStreamsClient streams) {
            client.putItem(r -> r.tableName("Orders").item(order(1)));
            String arn = client.describeTable(r -> r.tableName("Orders")).table().latestStreamArn();
            String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
            String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            dynamo.faults().throttle(GET_RECORDS).times(2);
            Instant before = dynamo.clock().now();
            long started = System.nanoTime();

            assertThat(streams.getRecords(r -> r.shardIterator(iterator)).records()).hasSize(1);

            Duration real = Duration.ofNanos(System.nanoTime() - started);
            assertThat(dynamo.requests()).filteredOn(GET_RECORDS).hasSize(3).hasCallWithAttempts(3);
            List<RecordedRequest> gets = dynamo.requests().ofOperation(GET_RECORDS).list();
            Duration waited = Duration.between(gets.get(0).time(), gets.get(2).time());
            Duration moved = Duration.between(before, dynamo.clock().now());
            assertThat(moved).as("the running clock moved by the waits and the real time of the call")
                    .isGreaterThan(real).isGreaterThanOrEqualTo(waited).isLessThanOrEqualTo(waited.plus(real));
        }
    }

    @DynamoTest(retryBackoff = RetryBackoff.NONE)
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class NoBackoff {
        @Test
        void retries_at_once_with_the_clock_untouched(Dynamo dynamo, DynamoDbClient client) {
            Instant frozenAt = dynamo.clock().freeze().now();
            dynamo.faults().throttle(PUT_ITEM).onTable("Orders").times(2);

            client.putItem(r -> r.tableName("Orders").item(order(1)));

            assertThat(dynamo.requests()).hasCallWithAttempts(3).hasFaults(2);
            assertThat(dynamo.requests().list()).extracting(RecordedRequest::time).containsOnly(frozenAt);
            assertThat(dynamo.clock().now()).isEqualTo(frozenAt);
        }
    }

    @DynamoTest(retryBackoff = RetryBackoff.SDK_DEFAULT)
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class RealBackoff {
        @Test
        void sleeps_in_real_time_with_the_clock_untouched(Dynamo dynamo, DynamoDbClient client) {
            dynamo.faults().throttle(PUT_ITEM).onTable("Orders").times(1);

            client.putItem(r -> r.tableName("Orders").item(order(1)));

            assertThat(dynamo.requests()).hasCallWithAttempts(2).hasFaults(1);
            List<RecordedRequest> attempts = dynamo.requests().list();
            assertThat(attempts.get(1).time()).as("the retry, a real backoff after the first attempt")
                    .isAfter(attempts.get(0).time());
            assertThat(Duration.between(Instant.now(), dynamo.clock().now()).abs())
                    .as("the running clock is still the system's: nothing advanced it")
                    .isLessThan(Duration.ofMillis(50));
        }
    }

    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class NoBackoffByBuilder {
        @RegisterExtension
        static DynamoExtension extension = DynamoExtension.builder().retryBackoff(RetryBackoff.NONE).build();

        @Test
        void the_builder_wins(Dynamo dynamo, DynamoDbClient client) {
            Instant frozenAt = dynamo.clock().freeze().now();
            dynamo.faults().throttle(PUT_ITEM).onTable("Orders").times(1);

            client.putItem(r -> r.tableName("Orders").item(order(1)));

            assertThat(dynamo.requests()).hasCallWithAttempts(2);
            assertThat(dynamo.clock().now()).isEqualTo(frozenAt);
        }
    }
}
