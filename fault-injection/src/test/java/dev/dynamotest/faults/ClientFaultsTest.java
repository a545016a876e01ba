package dev.dynamotest.faults;

import static dev.dynamotest.core.Operation.BATCH_GET_ITEM;
import static dev.dynamotest.core.Operation.BATCH_WRITE_ITEM;
import static dev.dynamotest.core.Operation.GET_ITEM;
import static dev.dynamotest.core.Operation.PUT_ITEM;
import static dev.dynamotest.core.Operation.TRANSACT_WRITE_ITEMS;
import static dev.dynamotest.faults.support.FaultEndpoint.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.regions.RegionOutage;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RecordedRequests;
import dev.dynamotest.faults.support.FaultEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The same rules applied inside SDK clients by {@link ClientFaults#executionInterceptor()}, against an endpoint
 * that has no fault rules of its own: its journal shows what really reached it.
 */
class ClientFaultsTest {

    private static final FaultEndpoint endpoint = new FaultEndpoint();
    private static final ClientFaults faults = Faults.forClients();
    private static final DynamoDbClient client = DynamoDbClient.builder().endpointOverride(endpoint.endpoint())
            .region(Region.US_EAST_1).credentialsProvider(FaultEndpoint.CREDENTIALS)
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(SdkRetries.withoutBackoff().andThen(c -> c.addExecutionInterceptor(
                    faults.executionInterceptor())))
            .build();
    private static final DynamoDbAsyncClient asyncClient = DynamoDbAsyncClient.builder()
            .endpointOverride(endpoint.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(FaultEndpoint.CREDENTIALS)
            .overrideConfiguration(SdkRetries.withoutBackoff().andThen(c -> c.addExecutionInterceptor(
                    faults.executionInterceptor())))
            .build();

    @AfterAll
    static void close() {
        client.close();
        asyncClient.close();
        endpoint.close();
    }

    @BeforeEach
    void reset() {
        faults.clear();
        endpoint.reset();
        endpoint.createTable("Orders");
    }

    @Test
    void a_region_outage_fails_every_attempt_the_clients_sign_for_the_region_without_reaching_the_endpoint() {
        RecordedRequests requests = endpoint.requests();
        RegionOutage outage = faults.regionOutage(Region.US_EAST_1);

        assertThatThrownBy(() -> client.getItem(r -> r.tableName("Orders").key(item("A#1"))))
                .isInstanceOfSatisfying(InternalServerErrorException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.numAttempts()).isEqualTo(9);
                });
        assertThat(faults.describe()).containsExactly(
                "region outage (SERVER_ERROR) on any operation in us-east-1, always");
        assertThat(requests.ofOperation(GET_ITEM).list()).hasSize(9)
                .extracting(RecordedRequest::errorType).containsOnly("ValidationException");
        assertThat(endpoint.engine().regions().isDown("us-east-1")).isFalse();

        outage.end();
        assertThat(faults.describe()).isEmpty();
        assertThat(client.getItem(r -> r.tableName("Orders").key(item("A#1"))).hasItem()).isFalse();
    }

    @Test
    void the_attempts_a_rule_shaped_carry_the_faults_name_as_the_engines_journal_tags_it() {
        List<String> applied = new ArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                applied.add(attributes.getAttribute(ClientFaults.APPLIED_FAULT));
            }
        };
        faults.throttle(PUT_ITEM).onTable("Orders").once();
        try (DynamoDbClient recorded = DynamoDbClient.builder().endpointOverride(endpoint.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(FaultEndpoint.CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(SdkRetries.withoutBackoff().andThen(c -> c.addExecutionInterceptor(recorder)
                        .addExecutionInterceptor(faults.executionInterceptor())))
                .build()) {
            recorded.putItem(r -> r.tableName("Orders").item(item("A#1")));
            try (RegionOutage outage = faults.regionOutage(Region.US_EAST_1)) {
                assertThatThrownBy(() -> recorded.getItem(r -> r.tableName("Orders").key(item("A#1"))))
                        .isInstanceOf(InternalServerErrorException.class);
            }
        }
        assertThat(applied).hasSize(11).startsWith("throttle", "");
        assertThat(applied.subList(2, 11)).containsOnly("region outage (SERVER_ERROR)");
    }

    @Test
    void a_second_outage_of_a_region_changes_its_mode_and_a_connection_failure_drops_every_attempt() {
        faults.regionOutage(Region.US_EAST_1, OutageMode.SERVICE_UNAVAILABLE);
        try (RegionOutage outage = faults.regionOutage(Region.US_EAST_1, OutageMode.CONNECTION_FAILURE)) {
            assertThatThrownBy(() -> client.getItem(r -> r.tableName("Orders").key(item("A#1"))))
                    .isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("fault injection: region outage (CONNECTION_FAILURE)");
            assertThat(faults.describe()).singleElement().asString().startsWith("region outage (CONNECTION_FAILURE)");
        }
        assertThat(faults.describe()).isEmpty();
        faults.regionOutage(Region.EU_WEST_1, OutageMode.SERVICE_UNAVAILABLE);
        assertThat(client.getItem(r -> r.tableName("Orders").key(item("A#1"))).hasItem()).isFalse();
    }

    @Test
    void throttled_attempts_never_reach_the_table_and_the_sdk_retries_them() {
        faults.throttle(PUT_ITEM).onTable("Orders").times(2);
        RecordedRequests requests = endpoint.requests();

        client.putItem(r -> r.tableName("Orders").item(item("A#1")));

        List<RecordedRequest> puts = requests.ofOperation(PUT_ITEM).list();
        assertThat(puts).extracting(RecordedRequest::attempt).containsExactly(1, 2, 3);
        assertThat(puts).extracting(RecordedRequest::errorType).containsExactly("ValidationException",
                "ValidationException", null);
        assertThat(endpoint.engine().tables().get("us-east-1", "Orders").itemCount()).isEqualTo(1);
    }

    @Test
    void throttling_every_attempt_ends_after_nine_with_the_throttling_reasons() {
        faults.throttle(PUT_ITEM).always();

        assertThatThrownBy(() -> client.putItem(r -> r.tableName("Orders").item(item("A#1"))))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
                    assertThat(e.throttlingReasons()).containsExactly(ThrottlingReason.builder()
                            .reason("TableWriteProvisionedThroughputExceeded")
                            .resource("arn:aws:dynamodb:us-east-1:000000000000:table/Orders").build());
                    assertThat(e.numAttempts()).isEqualTo(9);
                });
        assertThat(endpoint.engine().tables().get("us-east-1", "Orders").itemCount()).isZero();
    }

    @Test
    void the_async_client_gets_the_same_faults() {
        faults.throttle(PUT_ITEM).as(ThrottleError.THROTTLING_EXCEPTION).times(1);
        RecordedRequests requests = endpoint.requests();

        asyncClient.putItem(r -> r.tableName("Orders").item(item("A#1"))).join();
        faults.throttle(GET_ITEM).as(ThrottleError.THROTTLING_EXCEPTION).always();

        assertThat(requests.count(PUT_ITEM)).isEqualTo(2);
        assertThatThrownBy(() -> asyncClient.getItem(r -> r.tableName("Orders").key(item("A#1"))).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(ThrottlingException.class);
    }

    @Test
    void a_transaction_conflict_carries_its_cancellation_reasons() {
        faults.transactionConflict(TRANSACT_WRITE_ITEMS).always();

        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(
                t -> t.put(p -> p.tableName("Orders").item(item("A#1"))))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(CancellationReason::code).containsExactly("TransactionConflict"));
    }

    @Test
    void a_dropped_connection_and_latency_happen_in_the_client() {
        faults.dropConnection(PUT_ITEM).once();
        faults.delay(Duration.ofMillis(50), PUT_ITEM).always();
        RecordedRequests requests = endpoint.requests();

        client.putItem(r -> r.tableName("Orders").item(item("A#1")));

        assertThat(requests.list()).extracting(RecordedRequest::attempt).containsExactly(2);
        faults.clear();
        faults.dropConnection(GET_ITEM).always();
        assertThatThrownBy(() -> client.getItem(r -> r.tableName("Orders").key(item("A#1"))))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("Connection reset (fault injection");
    }

    @Test
    void partial_batches_report_items_as_unprocessed_for_the_user_loop() {
        faults.unprocessed(0.5, BATCH_WRITE_ITEM).times(2);
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("A#" + i)).build()).build());
        }
        Map<String, List<WriteRequest>> pending = Map.of("Orders", writes);
        List<Integer> unprocessed = new ArrayList<>();
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> batch = pending;
            pending = client.batchWriteItem(r -> r.requestItems(batch)).unprocessedItems();
            unprocessed.add(pending.values().stream().mapToInt(List::size).sum());
        }
        assertThat(unprocessed).containsExactly(2, 1, 0);
        assertThat(endpoint.engine().tables().get("us-east-1", "Orders").itemCount()).isEqualTo(4);

        faults.unprocessed(0.5, BATCH_GET_ITEM).once();
        BatchGetItemResponse sync = client.batchGetItem(r -> r.requestItems(Map.of("Orders",
                KeysAndAttributes.builder().keys(item("A#0"), item("A#1")).build())));
        assertThat(sync.responses().get("Orders")).containsExactly(item("A#0"));
        assertThat(sync.unprocessedKeys().get("Orders").keys()).containsExactly(item("A#1"));

        faults.unprocessed(0.5, BATCH_GET_ITEM).once();
        BatchGetItemResponse async = asyncClient.batchGetItem(r -> r.requestItems(Map.of("Orders",
                KeysAndAttributes.builder().keys(item("A#2"), item("A#3")).build()))).join();
        assertThat(async.responses().get("Orders")).containsExactly(item("A#2"));
        assertThat(async.unprocessedKeys().get("Orders").keys()).containsExactly(item("A#3"));
    }
}
