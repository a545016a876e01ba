package dev.dynamotest.faults;

import static dev.dynamotest.core.Operation.BATCH_GET_ITEM;
import static dev.dynamotest.core.Operation.BATCH_WRITE_ITEM;
import static dev.dynamotest.core.Operation.GET_ITEM;
import static dev.dynamotest.core.Operation.PUT_ITEM;
import static dev.dynamotest.core.Operation.QUERY;
import static dev.dynamotest.core.Operation.TRANSACT_WRITE_ITEMS;
import static dev.dynamotest.faults.support.FaultEndpoint.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RecordedRequests;
import dev.dynamotest.faults.support.FaultEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class ServerFaultsTest {

    private static final FaultEndpoint endpoint = new FaultEndpoint();

    @AfterAll
    static void close() {
        endpoint.close();
    }

    @BeforeEach
    void reset() {
        endpoint.reset();
        endpoint.createTable("Orders");
        endpoint.createTable("Customers");
    }

    @Test
    void two_throttles_then_success_are_three_attempts_of_one_call() {
        endpoint.faults().throttle(PUT_ITEM).onTable("Orders").times(2);
        RecordedRequests requests = endpoint.requests();

        endpoint.client().putItem(r -> r.tableName("Orders").item(item("A#1")));

        List<RecordedRequest> puts = requests.ofOperation(PUT_ITEM).list();
        assertThat(puts).extracting(RecordedRequest::attempt).containsExactly(1, 2, 3);
        assertThat(puts).extracting(RecordedRequest::errorType).containsExactly(
                "ProvisionedThroughputExceededException", "ProvisionedThroughputExceededException", null);
        assertThat(puts).extracting(RecordedRequest::faulted).containsExactly(true, true, false);
        assertThat(puts).extracting(RecordedRequest::invocationId).doesNotContainNull().containsOnly(
                puts.get(0).invocationId());
        assertThat(puts.get(0).maxAttempts()).isEqualTo(9);
        assertThat(endpoint.engine().tables().get("us-east-1", "Orders").itemCount()).isEqualTo(1);
    }

    @Test
    void throttling_every_call_ends_after_the_sdk_default_of_nine_attempts() {
        endpoint.faults().throttle(PUT_ITEM).always();
        RecordedRequests requests = endpoint.requests();

        assertThatThrownBy(() -> endpoint.client().putItem(r -> r.tableName("Orders").item(item("A#1"))))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.throttlingReasons()).containsExactly(ThrottlingReason.builder()
                            .reason("TableWriteProvisionedThroughputExceeded")
                            .resource("arn:aws:dynamodb:us-east-1:000000000000:table/Orders").build());
                    assertThat(e.getMessage()).startsWith("The level of configured provisioned throughput for the "
                            + "table was exceeded.");
                });
        assertThat(requests.count(PUT_ITEM)).isEqualTo(9);
        assertThat(requests.byInvocation()).hasSize(1);
        assertThat(endpoint.engine().capacity().throttles()).last().satisfies(event -> {
            assertThat(event.source()).isEqualTo(dev.dynamotest.core.capacity.ThrottleEvent.Source.FAULT_RULE);
            assertThat(event.table()).isEqualTo("Orders");
            assertThat(event.reason()).isEqualTo("TableWriteProvisionedThroughputExceeded");
        });
        assertThat(endpoint.engine().tables().get("us-east-1", "Orders").itemCount()).isZero();
    }

    @Test
    void the_async_client_retries_throttling_the_same_way() {
        endpoint.faults().throttle(PUT_ITEM).as(ThrottleError.THROTTLING_EXCEPTION).times(2);
        RecordedRequests requests = endpoint.requests();

        endpoint.asyncClient().putItem(r -> r.tableName("Orders").item(item("A#1"))).join();

        assertThat(requests.ofOperation(PUT_ITEM).list()).extracting(RecordedRequest::attempt).containsExactly(1, 2, 3);
        endpoint.faults().clear();
        endpoint.faults().throttle(PUT_ITEM).as(ThrottleError.THROTTLING_EXCEPTION).always();
        assertThatThrownBy(() -> endpoint.asyncClient().putItem(r -> r.tableName("Orders").item(item("A#2"))).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(ThrottlingException.class);
        assertThat(requests.count(PUT_ITEM)).isEqualTo(3 + 9);
    }

    @Test
    void index_reads_are_throttled_with_the_index_as_resource_and_request_limits_name_the_account_limit() {
        endpoint.faults().throttle(QUERY).onIndex("byStatus").once();
        endpoint.faults().throttle(GET_ITEM).as(ThrottleError.REQUEST_LIMIT_EXCEEDED).always();

        assertThatThrownBy(() -> endpoint.client().query(r -> r.tableName("Orders").indexName("byStatus")
                .keyConditionExpression("pk = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromS("x")))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isIn("ValidationException", "ResourceNotFoundException"));
        assertThatThrownBy(() -> endpoint.client().getItem(r -> r.tableName("Orders").key(item("A#1"))))
                .isInstanceOfSatisfying(RequestLimitExceededException.class, e -> assertThat(e.throttlingReasons())
                        .extracting(ThrottlingReason::reason).containsExactly("TableReadAccountLimitExceeded"));
    }

    @Test
    void a_throttle_gives_the_chosen_reason_with_the_chosen_error_and_is_described_by_its_error() {
        FaultRule rule = endpoint.faults().throttle(PUT_ITEM).as(ThrottleError.REQUEST_LIMIT_EXCEEDED)
                .withReason("TableWriteKeyRangeThroughputExceeded").onTable("Orders").always();
        RecordedRequests requests = endpoint.requests();

        assertThatThrownBy(() -> endpoint.client().putItem(r -> r.tableName("Orders").item(item("A#1"))))
                .isInstanceOfSatisfying(RequestLimitExceededException.class, e -> assertThat(e.throttlingReasons())
                        .containsExactly(ThrottlingReason.builder().reason("TableWriteKeyRangeThroughputExceeded")
                                .resource("arn:aws:dynamodb:us-east-1:000000000000:table/Orders").build()));
        assertThat(rule).hasToString("request limit exceeded on [PutItem] on table Orders, always");
        assertThat(requests.list()).hasSize(9).extracting(RecordedRequest::fault)
                .containsOnly("request limit exceeded");
    }

    @Test
    void server_errors_are_retried_by_the_sdk() {
        endpoint.faults().internalServerError(PUT_ITEM).once();
        endpoint.faults().serviceUnavailable(PUT_ITEM).once();
        RecordedRequests requests = endpoint.requests();

        endpoint.client().putItem(r -> r.tableName("Orders").item(item("A#1")));

        assertThat(requests.list()).extracting(RecordedRequest::statusCode).containsExactly(500, 503, 200);
        assertThat(requests.list()).extracting(RecordedRequest::errorType)
                .containsExactly("InternalServerError", "ServiceUnavailable", null);
    }

    @Test
    void latency_delays_each_call_and_shows_in_the_journal() {
        endpoint.faults().delay(Duration.ofMillis(120), GET_ITEM).times(1);
        RecordedRequests requests = endpoint.requests();

        endpoint.client().getItem(r -> r.tableName("Orders").key(item("A#1")));
        endpoint.client().getItem(r -> r.tableName("Orders").key(item("A#1")));

        List<RecordedRequest> gets = requests.list();
        assertThat(gets.get(0).latency()).isGreaterThanOrEqualTo(Duration.ofMillis(120));
        assertThat(gets.get(0).fault()).isEqualTo("latency 120 ms");
        assertThat(gets.get(1).faulted()).isFalse();
        assertThat(gets).allMatch(RecordedRequest::succeeded);
    }

    @Test
    void latency_beyond_the_attempt_timeout_times_the_attempt_out_and_the_retry_succeeds() {
        endpoint.faults().delay(Duration.ofSeconds(1), PUT_ITEM).once();
        RecordedRequests requests = endpoint.requests();

        try (var client = endpoint.client(c -> c.apiCallAttemptTimeout(Duration.ofMillis(300))
                .retryStrategy(s -> s.maxAttempts(2)))) {
            client.putItem(r -> r.tableName("Orders").item(item("A#1")));
        }

        awaitJournalled(requests, 2);
        assertThat(requests.list()).extracting(RecordedRequest::attempt).containsExactlyInAnyOrder(1, 2);
        assertThat(requests.list()).allMatch(RecordedRequest::succeeded);
        assertThat(endpoint.engine().tables().get("us-east-1", "Orders").itemCount()).isEqualTo(1);
    }

    @Test
    void latency_beyond_the_call_timeout_fails_the_call() {
        endpoint.faults().delay(Duration.ofSeconds(1), GET_ITEM).once();
        RecordedRequests requests = endpoint.requests();

        try (var client = endpoint.client(c -> c.apiCallTimeout(Duration.ofMillis(300)))) {
            assertThatThrownBy(() -> client.getItem(r -> r.tableName("Orders").key(item("A#1"))))
                    .isInstanceOf(ApiCallTimeoutException.class);
        }
        awaitJournalled(requests, 1);
    }

    /** Waits until the engine has finished the timed-out calls too, so that none ends in the next test. */
    private static void awaitJournalled(RecordedRequests requests, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (requests.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(requests.size()).isEqualTo(count);
    }

    @Test
    void a_uniform_latency_draws_the_same_delays_for_the_same_seed() {
        Latency first = Latency.uniform(Duration.ofMillis(10), Duration.ofMillis(100), 7);
        Latency second = Latency.uniform(Duration.ofMillis(10), Duration.ofMillis(100), 7);
        List<Duration> a = new ArrayList<>();
        List<Duration> b = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            a.add(first.next());
            b.add(second.next());
        }
        assertThat(a).isEqualTo(b).allMatch(d -> d.compareTo(Duration.ofMillis(10)) >= 0
                && d.compareTo(Duration.ofMillis(100)) <= 0);
        assertThat(a).doesNotHaveDuplicates();
    }

    @Test
    void a_dropped_connection_is_an_io_error_the_sdk_retries() {
        endpoint.faults().dropConnection(PUT_ITEM).once();
        RecordedRequests requests = endpoint.requests();

        endpoint.client().putItem(r -> r.tableName("Orders").item(item("A#1")));

        assertThat(requests.list()).extracting(RecordedRequest::errorType)
                .containsExactly(RecordedRequest.CONNECTION_DROPPED, null);
        assertThat(requests.list()).extracting(RecordedRequest::attempt).containsExactly(1, 2);
    }

    @Test
    void a_connection_dropped_on_every_attempt_fails_the_call_with_an_io_error() {
        endpoint.faults().dropConnection(GET_ITEM).always();
        try (var client = endpoint.client(c -> c.retryStrategy(s -> s.maxAttempts(2)))) {
            assertThatThrownBy(() -> client.getItem(r -> r.tableName("Orders").key(item("A#1"))))
                    .isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void a_partial_batch_write_is_finished_by_a_loop_over_unprocessed_items() {
        endpoint.faults().unprocessed(0.5, BATCH_WRITE_ITEM).times(2);
        RecordedRequests requests = endpoint.requests();
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("A#" + i)).build()).build());
        }

        Map<String, List<WriteRequest>> pending = Map.of("Orders", writes);
        List<Integer> unprocessed = new ArrayList<>();
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> batch = pending;
            BatchWriteItemResponse response = endpoint.client().batchWriteItem(r -> r.requestItems(batch));
            pending = response.unprocessedItems();
            unprocessed.add(pending.values().stream().mapToInt(List::size).sum());
        }

        assertThat(unprocessed).containsExactly(2, 1, 0);
        assertThat(requests.count(BATCH_WRITE_ITEM)).isEqualTo(3);
        assertThat(endpoint.engine().tables().get("us-east-1", "Orders").itemCount()).isEqualTo(4);
    }

    @Test
    void a_partial_batch_get_returns_the_rest_as_unprocessed_keys() {
        for (int i = 0; i < 3; i++) {
            String pk = "A#" + i;
            endpoint.client().putItem(r -> r.tableName("Orders").item(item(pk)));
        }
        endpoint.faults().unprocessed(1.0 / 3, BATCH_GET_ITEM).once();

        BatchGetItemResponse response = endpoint.client().batchGetItem(r -> r.requestItems(Map.of("Orders",
                KeysAndAttributes.builder().keys(item("A#0"), item("A#1"), item("A#2")).consistentRead(true).build())));

        assertThat(response.responses().get("Orders")).hasSize(2);
        assertThat(response.unprocessedKeys().get("Orders").keys()).containsExactly(item("A#2"));
        assertThat(response.unprocessedKeys().get("Orders").consistentRead()).isTrue();
    }

    @Test
    void a_transaction_conflict_cancels_the_actions_on_the_table() {
        endpoint.faults().transactionConflict().onTable("Orders").always();

        assertThatThrownBy(() -> endpoint.client().transactWriteItems(r -> r.transactItems(
                t -> t.put(p -> p.tableName("Customers").item(item("C#1"))),
                t -> t.put(p -> p.tableName("Orders").item(item("A#1"))))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                            .containsExactly("None", "TransactionConflict");
                    assertThat(e.getMessage()).startsWith("Transaction cancelled, please refer cancellation reasons "
                            + "for specific reasons [None, TransactionConflict]");
                });
        assertThat(endpoint.engine().tables().get("us-east-1", "Customers").itemCount()).isZero();
    }

    @Test
    void a_single_item_write_conflicting_with_a_transaction_fails_with_transaction_conflict() {
        endpoint.faults().transactionConflict(PUT_ITEM).always();
        RecordedRequests requests = endpoint.requests();

        assertThatThrownBy(() -> endpoint.client().putItem(r -> r.tableName("Orders").item(item("A#1"))))
                .isInstanceOf(TransactionConflictException.class).hasMessageStartingWith(
                        "Transaction is ongoing for the item");
        assertThat(requests.list()).allMatch(RecordedRequest::faulted);
    }

    @Test
    void a_repeated_client_request_token_meets_a_transaction_in_progress() {
        endpoint.faults().transactionInProgress().always();

        endpoint.client().transactWriteItems(r -> r.clientRequestToken("token-1")
                .transactItems(t -> t.put(p -> p.tableName("Orders").item(item("A#1")))));
        assertThatThrownBy(() -> endpoint.client().transactWriteItems(r -> r.clientRequestToken("token-1")
                .transactItems(t -> t.put(p -> p.tableName("Orders").item(item("A#1"))))))
                .isInstanceOf(TransactionInProgressException.class);
        endpoint.client().transactWriteItems(r -> r.clientRequestToken("token-2")
                .transactItems(t -> t.put(p -> p.tableName("Orders").item(item("A#2")))));
    }

    @Test
    void a_seeded_probability_hits_the_same_calls_on_every_run() {
        List<Boolean> first = run(() -> endpoint.faults().internalServerError(GET_ITEM).withProbability(0.5, 42));
        List<Boolean> second = run(() -> endpoint.faults().internalServerError(GET_ITEM).withProbability(0.5, 42));

        assertThat(first).isEqualTo(second).contains(true, false);
    }

    private List<Boolean> run(Runnable rule) {
        endpoint.faults().clear();
        rule.run();
        RecordedRequests requests = endpoint.requests();
        try (var client = endpoint.client(c -> c.retryStrategy(s -> s.maxAttempts(1)))) {
            for (int i = 0; i < 20; i++) {
                try {
                    client.getItem(r -> r.tableName("Orders").key(item("A#1")));
                } catch (DynamoDbException expected) {
                    // the injected error
                }
            }
        }
        return requests.list().stream().map(RecordedRequest::faulted).toList();
    }

    @Test
    void calls_n_to_m_and_clock_windows_pick_the_calls() {
        FaultRule middle = endpoint.faults().internalServerError(GET_ITEM).calls(2, 3);
        RecordedRequests requests = endpoint.requests();
        try (var client = endpoint.client(c -> c.retryStrategy(s -> s.maxAttempts(1)))) {
            for (int i = 0; i < 4; i++) {
                try {
                    client.getItem(r -> r.tableName("Orders").key(item("A#1")));
                } catch (DynamoDbException expected) {
                    // the injected error
                }
            }
            assertThat(requests.list()).extracting(RecordedRequest::faulted).containsExactly(false, true, true, false);
            assertThat(middle.matched()).isEqualTo(4);
            assertThat(middle.applied()).isEqualTo(2);
            assertThat(middle.spent()).isTrue();

            middle.remove();
            var now = endpoint.clock().freeze().now();
            endpoint.faults().internalServerError(GET_ITEM).during(now.plusSeconds(60), now.plusSeconds(120));
            client.getItem(r -> r.tableName("Orders").key(item("A#1")));
            endpoint.clock().advance(Duration.ofSeconds(60));
            assertThatThrownBy(() -> client.getItem(r -> r.tableName("Orders").key(item("A#1"))))
                    .isInstanceOf(DynamoDbException.class);
            endpoint.clock().advance(Duration.ofSeconds(60));
            client.getItem(r -> r.tableName("Orders").key(item("A#1")));
        }
    }

    @Test
    void calls_from_to_counts_matching_calls_from_1_and_includes_both_ends() {
        endpoint.faults().internalServerError(GET_ITEM).calls(3, 5);
        endpoint.faults().internalServerError(GET_ITEM).onTable("Customers").calls(1, 1);
        RecordedRequests requests = endpoint.requests();
        try (var client = endpoint.client(c -> c.retryStrategy(s -> s.maxAttempts(1)))) {
            for (int i = 0; i < 6; i++) {
                try {
                    client.getItem(r -> r.tableName("Orders").key(item("A#1")));
                } catch (DynamoDbException expected) {
                    // the injected error
                }
            }
            assertThatThrownBy(() -> client.getItem(r -> r.tableName("Customers").key(item("A#1"))))
                    .isInstanceOf(DynamoDbException.class);
            client.getItem(r -> r.tableName("Customers").key(item("A#1")));
        }
        // calls 1 and 2 pass, 3 (from) to 5 (to) fail, 6 passes; calls(1, 1) fails the first call only
        assertThat(requests.onTable("Orders").list()).extracting(RecordedRequest::faulted)
                .containsExactly(false, false, true, true, true, false);
        assertThat(requests.onTable("Customers").list()).extracting(RecordedRequest::faulted)
                .containsExactly(true, false);
    }

    @Test
    void calls_refuses_a_start_below_1_and_an_end_before_the_start() {
        assertThatThrownBy(() -> endpoint.faults().throttle(PUT_ITEM).calls(0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calls(from, to) counts matching calls from 1, so from must be at least 1, not calls(0, 2)");
        assertThatThrownBy(() -> endpoint.faults().throttle(PUT_ITEM).calls(3, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calls(from, to) includes both ends, so to must be at least from, not calls(3, 2)");
        assertThat(endpoint.faults().describe()).isEmpty();
    }

    @Test
    void a_rule_takes_its_region_as_a_region_or_its_id() {
        endpoint.faults().throttle(PUT_ITEM).inRegion(Region.EU_WEST_1).always();
        endpoint.faults().throttle(GET_ITEM).inRegion("us-east-1").once();

        RecordedRequests requests = endpoint.requests();
        endpoint.client().putItem(r -> r.tableName("Orders").item(item("A#1")));
        endpoint.client().getItem(r -> r.tableName("Orders").key(item("A#1")));

        assertThat(requests.list()).extracting(RecordedRequest::faulted).containsExactly(false, true, false);
        assertThat(endpoint.faults().describe()).first().asString().endsWith(" in eu-west-1, always");
    }

    @Test
    void rules_match_on_region_and_predicate() {
        endpoint.faults().throttle(PUT_ITEM).inRegion("eu-west-1").always();
        endpoint.faults().throttle(PUT_ITEM).matching(r -> r.body().path("Item").path("pk").path("S").asText()
                .startsWith("VIP#")).always();

        endpoint.client().putItem(r -> r.tableName("Orders").item(item("A#1")));
        assertThatThrownBy(() -> endpoint.client().putItem(r -> r.tableName("Orders").item(item("VIP#1"))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
    }

    @Test
    void a_scope_removes_the_rules_added_in_it() {
        FaultRule kept = endpoint.faults().throttle(GET_ITEM).always();
        StreamFault lag = endpoint.faults().streamLag("Orders", Duration.ofSeconds(5));
        try (FaultScope scope = endpoint.faults().openScope()) {
            endpoint.faults().throttle(PUT_ITEM).always();
            endpoint.faults().streamLag("Orders", Duration.ofSeconds(5));
            assertThat(endpoint.faults().describe()).hasSize(4);
        }
        assertThat(endpoint.faults().describe()).containsExactly(kept.toString(), lag.toString());
        endpoint.client().putItem(r -> r.tableName("Orders").item(item("A#1")));
    }

    @Test
    void invalid_rules_are_refused_with_the_reason() {
        assertThatThrownBy(() -> endpoint.faults().throttle(PUT_ITEM).times(0))
                .hasMessage("times takes a number of calls of at least 1, not 0");
        assertThatThrownBy(() -> endpoint.faults().unprocessed(0.5, PUT_ITEM))
                .hasMessage("unprocessed applies to BatchWriteItem and BatchGetItem, not PutItem");
        assertThatThrownBy(() -> endpoint.faults().unprocessed(0))
                .hasMessage("unprocessed takes a fraction above 0 and at most 1, not 0.0");
        assertThatThrownBy(() -> endpoint.faults().internalServerError().withProbability(1.5, 1))
                .hasMessage("withProbability takes a probability from 0 to 1, not 1.5");
        assertThatThrownBy(() -> endpoint.faults().throttle(PUT_ITEM).withReason(" "))
                .hasMessage("withReason takes a ThrottlingReasons reason such as TableWriteKeyRangeThroughputExceeded, "
                        + "not a blank string; leave it out for the derived one");
        assertThat(endpoint.faults().describe()).isEmpty();
    }

    @Test
    void rule_descriptions_read_like_the_rule() {
        FaultRule rule = endpoint.faults().throttle(PUT_ITEM).onTable("Orders").times(2);
        assertThat(rule).hasToString("throttle on [PutItem] on table Orders, first 2 calls");
        Map<String, Object> unused = new HashMap<>();
        assertThat(unused).isEmpty();
    }

    @Test
    void transact_write_items_throttled_once_is_retried() {
        endpoint.faults().throttle(TRANSACT_WRITE_ITEMS).once();
        RecordedRequests requests = endpoint.requests();
        endpoint.client().transactWriteItems(r -> r.transactItems(t -> t.put(p -> p.tableName("Orders")
                .item(item("A#1")))));
        assertThat(requests.count(TRANSACT_WRITE_ITEMS)).isEqualTo(2);
    }
}
