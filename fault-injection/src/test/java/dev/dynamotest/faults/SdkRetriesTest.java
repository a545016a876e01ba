package dev.dynamotest.faults;

import static dev.dynamotest.core.Operation.PUT_ITEM;
import static dev.dynamotest.faults.support.FaultEndpoint.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RecordedRequests;
import dev.dynamotest.faults.support.FaultEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** Clients a test builds itself, with the SDK's DynamoDB retries waiting on the engine's clock. */
class SdkRetriesTest {

    /** The SDK's longest single backoff ({@code SdkDefaultRetrySetting.MAX_BACKOFF}). */
    private static final Duration SDK_MAX_BACKOFF = Duration.ofSeconds(20);

    private static final FaultEndpoint endpoint = new FaultEndpoint();

    @AfterAll
    static void close() {
        endpoint.close();
    }

    @BeforeEach
    void reset() {
        endpoint.reset();
        endpoint.createTable("Orders");
    }

    @Test
    void a_client_of_its_own_waits_each_sdk_backoff_on_a_frozen_clock() {
        Instant frozenAt = endpoint.clock().freeze().now();
        RecordedRequests requests = endpoint.requests();
        endpoint.faults().throttle(PUT_ITEM).onTable("Orders").times(3);

        try (DynamoDbClient client = endpoint.client(SdkRetries.virtualTime(endpoint.clock()))) {
            client.putItem(r -> r.tableName("Orders").item(item("A#1")));
        }

        List<RecordedRequest> attempts = requests.list();
        assertThat(attempts).extracting(RecordedRequest::attempt).containsExactly(1, 2, 3, 4);
        assertThat(attempts).extracting(RecordedRequest::maxAttempts).containsOnly(9);
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(Duration.between(attempts.get(i - 1).time(), attempts.get(i).time())).as("backoff %d", i)
                    .isPositive().isLessThanOrEqualTo(SDK_MAX_BACKOFF);
        }
        assertThat(endpoint.clock().now()).as("the clock moved by the three waits, and only by them")
                .isEqualTo(attempts.get(3).time()).isAfter(frozenAt);
        assertThat(endpoint.clock().isFrozen()).isTrue();
    }

    @Test
    void an_async_client_of_its_own_waits_on_the_clock_too() {
        Instant frozenAt = endpoint.clock().freeze().now();
        RecordedRequests requests = endpoint.requests();
        endpoint.faults().throttle(PUT_ITEM).onTable("Orders").times(2);

        try (DynamoDbAsyncClient client = DynamoDbAsyncClient.builder().endpointOverride(endpoint.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(FaultEndpoint.CREDENTIALS)
                .overrideConfiguration(SdkRetries.virtualTime(endpoint.clock())).build()) {
            client.putItem(r -> r.tableName("Orders").item(item("A#1"))).join();
        }

        assertThat(requests.list()).extracting(RecordedRequest::attempt).containsExactly(1, 2, 3);
        assertThat(endpoint.clock().now()).isEqualTo(requests.list().get(2).time()).isAfter(frozenAt);
    }

    @Test
    void a_strategy_of_its_own_keeps_its_attempts_and_backoff_and_waits_on_the_clock() {
        Instant frozenAt = endpoint.clock().freeze().now();
        RecordedRequests requests = endpoint.requests();
        endpoint.faults().throttle(PUT_ITEM).onTable("Orders").always();
        RetryStrategy tenSecondsPerThrottle = SdkRetries.dynamoDbDefaults().toBuilder().maxAttempts(3)
                .throttlingBackoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofSeconds(10))).build();
        long started = System.nanoTime();

        try (DynamoDbClient client = endpoint.client(SdkRetries.virtualTime(endpoint.clock(), tenSecondsPerThrottle))) {
            assertThatThrownBy(() -> client.putItem(r -> r.tableName("Orders").item(item("A#1"))))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no real wait of 2 x 10 s")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(requests.list()).extracting(RecordedRequest::attempt).containsExactly(1, 2, 3);
        assertThat(requests.list()).extracting(RecordedRequest::time)
                .containsExactly(frozenAt, frozenAt.plusSeconds(10), frozenAt.plusSeconds(20));
        assertThat(endpoint.clock().now()).isEqualTo(frozenAt.plusSeconds(20));
    }

    @Test
    void on_a_running_clock_the_waits_add_to_the_time_it_follows() {
        RecordedRequests requests = endpoint.requests();
        endpoint.faults().throttle(PUT_ITEM).onTable("Orders").times(2);
        Instant before = endpoint.clock().now();
        long started = System.nanoTime();

        try (DynamoDbClient client = endpoint.client(SdkRetries.virtualTime(endpoint.clock()))) {
            client.putItem(r -> r.tableName("Orders").item(item("A#1")));
        }

        Duration real = Duration.ofNanos(System.nanoTime() - started);
        Duration moved = Duration.between(before, endpoint.clock().now());
        Duration betweenAttempts = Duration.between(requests.list().get(0).time(), requests.list().get(2).time());
        assertThat(endpoint.clock().isFrozen()).isFalse();
        assertThat(moved).as("real time plus the virtual waits").isGreaterThan(real)
                .isGreaterThanOrEqualTo(betweenAttempts).isLessThanOrEqualTo(betweenAttempts.plus(real));
    }

    @Test
    void without_backoff_the_clock_is_not_touched() {
        Instant frozenAt = endpoint.clock().freeze().now();
        endpoint.faults().throttle(PUT_ITEM).onTable("Orders").times(2);

        try (DynamoDbClient client = endpoint.client(SdkRetries.withoutBackoff())) {
            client.putItem(r -> r.tableName("Orders").item(item("A#1")));
        }

        assertThat(endpoint.clock().now()).isEqualTo(frozenAt);
    }
}
