package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.core.Operation.BATCH_WRITE_ITEM;
import static dev.dynamotest.core.Operation.GET_ITEM;
import static dev.dynamotest.core.Operation.PUT_ITEM;
import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.DynamoAssertions;
import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.faults.FaultKind;
import dev.dynamotest.faults.InjectFault;
import dev.dynamotest.faults.StreamFault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class FaultInjectionTest {

    private static Map<String, AttributeValue> item(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    @Test
    void rules_declared_or_added_in_a_test_apply_to_it_alone() {
        assertAllPassed(run(ScopedRules.class), 3);
    }

    @Test
    void class_rules_apply_to_each_test_with_fresh_counts() {
        assertAllPassed(run(ClassRules.class), 3);
    }

    @Test
    void a_declaration_without_what_its_kind_needs_fails_the_test_with_the_fix() {
        List<Throwable> failures = failures(run(IncompleteDeclaration.class));
        assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessage(
                "@InjectFault(LATENCY) on IncompleteDeclaration.test: set millis to a number of milliseconds above 0"));
    }

    @Test
    void a_reason_on_a_fault_that_is_not_a_throttle_fails_the_test_with_the_fix() {
        List<Throwable> failures = failures(run(ReasonWithoutThrottle.class));
        assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessage(
                "@InjectFault(INTERNAL_SERVER_ERROR) on ReasonWithoutThrottle.test: reason is set, but only THROTTLE, "
                        + "THROTTLING_EXCEPTION and REQUEST_LIMIT_EXCEEDED give ThrottlingReasons; remove reason"));
    }

    @Test
    void a_declared_throttle_kind_answers_with_its_error_and_the_declared_reason() {
        assertAllPassed(run(DeclaredThrottleKind.class), 1);
    }

    @Test
    void a_failed_test_report_shows_attempts_and_faults() {
        List<Throwable> failures = failures(run(FailingAfterThrottles.class));
        String report = failures.get(0).getSuppressed()[0].getMessage();
        assertThat(report).contains("""
                  #1  PutItem  Orders  ProvisionedThroughputExceededException: The level of configured provisioned \
                throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable \
                API. [fault: throttle]
                  #2  PutItem  Orders  OK (attempt 2)""");
    }

    @DynamoTest(retryBackoff = RetryBackoff.NONE)
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ScopedRules {
        @Test
        @Order(1)
        @InjectFault(value = FaultKind.THROTTLE, operations = PUT_ITEM, table = "Orders", times = 2)
        void two_throttles_then_success(DynamoDbClient client, Dynamo dynamo) {
            client.putItem(r -> r.tableName("Orders").item(item("A#1")));

            assertThat(dynamo.requests()).hasCount(PUT_ITEM, 3).hasRetries().hasCallWithAttempts(3).hasFaults(2)
                    .hasErrors("ProvisionedThroughputExceededException", 2);
            assertThat(dynamo.table("Orders")).hasItemCount(1);
        }

        @Test
        @Order(2)
        void rules_added_in_code_throttle_the_async_client(DynamoDbAsyncClient client, Dynamo dynamo) {
            dynamo.faults().throttle(PUT_ITEM).always();

            assertThatThrownBy(() -> client.putItem(r -> r.tableName("Orders").item(item("A#1"))).join())
                    .hasCauseInstanceOf(ProvisionedThroughputExceededException.class);
            assertThat(dynamo.requests()).hasCount(PUT_ITEM, 9).hasCalls(1);
        }

        @Test
        @Order(3)
        void no_rule_of_an_earlier_test_is_left(DynamoDbClient client, Dynamo dynamo) {
            client.putItem(r -> r.tableName("Orders").item(item("A#1")));

            assertThat(dynamo.faults().describe()).isEmpty();
            assertThat(dynamo.requests()).hasSize(1).allSucceeded().hasNoRetries();
        }
    }

    @DynamoTest(retryBackoff = RetryBackoff.NONE)
    @DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_IMAGE)
    @InjectFault(value = FaultKind.UNPROCESSED, fraction = 0.5, times = 1)
    @InjectFault(value = FaultKind.STREAM_LAG, table = "Orders", millis = 5000)
    static class ClassRules {
        @Test
        void a_partial_batch_is_retried_by_a_loop(DynamoDbClient client, Dynamo dynamo) {
            writeAll(client);
            assertThat(dynamo.requests()).hasCount(BATCH_WRITE_ITEM, 2).hasFaults(1);
            assertThat(dynamo.table("Orders")).hasItemCount(4);
        }

        @Test
        void the_stream_lags_by_the_engine_clock(DynamoDbClient client, Dynamo dynamo) {
            dynamo.clock().freeze();
            writeAll(client);
            var streams = dynamo.streamsClient();
            String arn = client.describeTable(r -> r.tableName("Orders")).table().latestStreamArn();
            String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
            String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
            client.putItem(r -> r.tableName("Orders").item(item("B#1")));

            assertThat(streams.getRecords(r -> r.shardIterator(iterator)).records()).isEmpty();
            dynamo.clock().advance(Duration.ofSeconds(5));
            assertThat(streams.getRecords(r -> r.shardIterator(iterator)).records()).hasSize(1);

            StreamFault hold = dynamo.engineFaults().holdStream("Orders");
            assertThat(dynamo.engine().tableStreams().records(arn)).isEmpty();
            hold.release();
            assertThat(dynamo.engine().tableStreams().records(arn)).isNotEmpty();
        }

        @Test
        void stream_handlers_get_the_records_after_the_lag(DynamoDbClient client, Dynamo dynamo) {
            dynamo.clock().freeze();
            List<StreamRecord> received = new CopyOnWriteArrayList<>();
            dynamo.streams().onTable("Orders").recordHandler(received::addAll);

            client.putItem(r -> r.tableName("Orders").item(item("C#1")));
            dynamo.streams().awaitQuiet();
            assertThat(received).isEmpty();

            dynamo.clock().advance(Duration.ofSeconds(5));
            DynamoAssertions.eventually(() -> assertThat(received).hasSize(1));
        }

        private static void writeAll(DynamoDbClient client) {
            Map<String, List<WriteRequest>> pending = Map.of("Orders", List.of(put("A#1"), put("A#2"), put("A#3"),
                    put("A#4")));
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> batch = pending;
                pending = client.batchWriteItem(r -> r.requestItems(batch)).unprocessedItems();
            }
        }

        private static WriteRequest put(String pk) {
            return WriteRequest.builder().putRequest(PutRequest.builder().item(item(pk)).build()).build();
        }
    }

    @DynamoTest
    static class IncompleteDeclaration {
        @Test
        @InjectFault(FaultKind.LATENCY)
        void test() {
        }
    }

    @DynamoTest
    static class ReasonWithoutThrottle {
        @Test
        @InjectFault(value = FaultKind.INTERNAL_SERVER_ERROR, reason = "TableWriteKeyRangeThroughputExceeded")
        void test() {
        }
    }

    @DynamoTest(retryBackoff = RetryBackoff.NONE)
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class DeclaredThrottleKind {
        @Test
        @InjectFault(value = FaultKind.REQUEST_LIMIT_EXCEEDED, operations = PUT_ITEM, table = "Orders",
                reason = "TableWriteKeyRangeThroughputExceeded")
        void answers_request_limit_exceeded(DynamoDbClient client, Dynamo dynamo) {
            assertThatThrownBy(() -> client.putItem(r -> r.tableName("Orders").item(item("A#1"))))
                    .isInstanceOfSatisfying(RequestLimitExceededException.class, e -> assertThat(e.throttlingReasons())
                            .extracting(ThrottlingReason::reason)
                            .containsExactly("TableWriteKeyRangeThroughputExceeded"));
            assertThat(dynamo.requests()).hasErrors("RequestLimitExceeded", 9).hasFaults(9);
            assertThat(dynamo.faults().describe()).containsExactly(
                    "request limit exceeded on [PutItem] on table Orders, always");
        }
    }

    @DynamoTest(retryBackoff = RetryBackoff.NONE)
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class FailingAfterThrottles {
        @Test
        @InjectFault(value = FaultKind.THROTTLE, operations = PUT_ITEM, times = 1)
        void fails(DynamoDbClient client, Dynamo dynamo) {
            client.putItem(r -> r.tableName("Orders").item(item("A#1")));
            assertThat(dynamo.requests().list()).extracting(RecordedRequest::attempt).containsExactly(1, 2);
            assertThat(dynamo.requests()).filteredOn(GET_ITEM).hasSize(1);
        }
    }
}
