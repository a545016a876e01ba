package dev.dynamotest.faults;

import static dev.dynamotest.core.Operation.BATCH_GET_ITEM;
import static dev.dynamotest.core.Operation.BATCH_WRITE_ITEM;
import static dev.dynamotest.core.Operation.GET_ITEM;
import static dev.dynamotest.core.Operation.PUT_ITEM;
import static dev.dynamotest.core.Operation.TRANSACT_WRITE_ITEMS;
import static dev.dynamotest.faults.support.FaultEndpoint.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynamotest.core.DaxServer;
import dev.dynamotest.core.Door;
import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RecordedRequests;
import dev.dynamotest.faults.support.FaultEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/** Fault rules aimed at the DAX door, and DAX node outages, as Amazon's DAX client sees them. */
class DaxFaultsTest {

    private static final FaultEndpoint endpoint = new FaultEndpoint();
    private static DaxServer dax;
    private static DynamoDbClient daxClient;

    @BeforeAll
    static void start() throws Exception {
        endpoint.createTable("Orders");
        dax = DaxServer.start(endpoint.engine());
        daxClient = ClusterDaxClient.builder().overrideConfiguration(Configuration.builder().url(dax.url().toString())
                .region(Region.US_EAST_1).readRetries(0).writeRetries(0)
                .clusterUpdateIntervalMillis(100).healthCheckIntervalMillis(100)
                .credentialsProvider(FaultEndpoint.CREDENTIALS).build()).build();
    }

    @AfterAll
    static void stop() {
        if (daxClient != null) {
            daxClient.close();
        }
        if (dax != null) {
            dax.close();
        }
        endpoint.close();
    }

    @BeforeEach
    void reset() {
        endpoint.faults().clear();
        dax.clearCaches();
    }

    @Test
    void a_throttle_through_dax_reaches_the_dax_client_and_spares_the_http_door() {
        endpoint.faults().throttle(PUT_ITEM).onTable("Orders").through(Door.DAX).always();
        RecordedRequests requests = endpoint.requests();
        assertThat(endpoint.faults().describe()).singleElement().asString()
                .isEqualTo("throttle on [PutItem] on table Orders through DAX, always");

        assertThatThrownBy(() -> daxClient.putItem(r -> r.tableName("Orders").item(item("dax"))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        endpoint.client().putItem(r -> r.tableName("Orders").item(item("http")));

        assertThat(requests.ofOperation(PUT_ITEM).list())
                .extracting(RecordedRequest::door, RecordedRequest::errorType, RecordedRequest::fault)
                .containsExactly(
                        tuple(Door.DAX, "ProvisionedThroughputExceededException",
                                "throttle"),
                        tuple(FaultEndpoint.IN_PROCESS ? Door.IN_PROCESS : Door.HTTP,
                                null, null));
    }

    @Test
    void an_internal_error_through_dax_is_dynamodbs_internal_server_error_at_the_dax_client() {
        endpoint.faults().internalServerError(GET_ITEM).onTable("Orders").through(Door.DAX).once();

        assertThatThrownBy(() -> daxClient.getItem(r -> r.tableName("Orders").key(item("missing"))))
                .isInstanceOf(InternalServerErrorException.class);
        assertThat(daxClient.getItem(r -> r.tableName("Orders").key(item("missing"))).hasItem()).isFalse();
    }

    @Test
    void a_batch_write_through_dax_returns_its_unprocessed_items_to_the_dax_client() {
        endpoint.faults().unprocessed(0.5, BATCH_WRITE_ITEM).through(Door.DAX).once();
        List<WriteRequest> puts = IntStream.rangeClosed(1, 4).mapToObj(i -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item("w" + i)).build()).build()).toList();

        var result = daxClient.batchWriteItem(r -> r.requestItems(Map.of("Orders", puts)));

        assertThat(result.unprocessedItems().get("Orders")).extracting(w -> w.putRequest().item())
                .containsExactly(item("w3"), item("w4"));
        assertThat(endpoint.client().getItem(r -> r.tableName("Orders").key(item("w2"))).hasItem()).isTrue();
        assertThat(endpoint.client().getItem(r -> r.tableName("Orders").key(item("w3"))).hasItem()).isFalse();
    }

    @Test
    void a_batch_get_through_dax_returns_its_unprocessed_keys_to_the_dax_client() {
        IntStream.rangeClosed(1, 4).forEach(i -> endpoint.client()
                .putItem(r -> r.tableName("Orders").item(item("g" + i))));
        endpoint.faults().unprocessed(0.5, BATCH_GET_ITEM).through(Door.DAX).once();
        var keys = KeysAndAttributes.builder()
                .keys(IntStream.rangeClosed(1, 4).mapToObj(i -> item("g" + i)).toList()).build();

        var result = daxClient.batchGetItem(r -> r.requestItems(Map.of("Orders", keys)));

        assertThat(result.responses().get("Orders")).hasSize(2);
        assertThat(result.unprocessedKeys().get("Orders").keys()).hasSize(2);
    }

    @Test
    void a_transaction_conflict_through_dax_cancels_the_transaction_with_its_reason() {
        endpoint.faults().transactionConflict(TRANSACT_WRITE_ITEMS).onTable("Orders").through(Door.DAX).once();

        assertThatThrownBy(() -> daxClient.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Orders").item(item("t1"))).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(CancellationReason::code).contains("TransactionConflict"));
        assertThat(endpoint.client().getItem(r -> r.tableName("Orders").key(item("t1"))).hasItem()).isFalse();
    }

    @Test
    void latency_through_dax_delays_the_answer_but_not_a_cache_hit() {
        endpoint.client().putItem(r -> r.tableName("Orders").item(item("slow")));
        endpoint.faults().delay(Duration.ofMillis(400), GET_ITEM).through(Door.DAX).always();

        long start = System.nanoTime();
        assertThat(daxClient.getItem(r -> r.tableName("Orders").key(item("slow"))).hasItem()).isTrue();
        long missMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        assertThat(daxClient.getItem(r -> r.tableName("Orders").key(item("slow"))).hasItem()).isTrue();
        long hitMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(missMillis).isGreaterThanOrEqualTo(400);
        assertThat(hitMillis).isLessThan(400);
        assertThat(dax.statistics().itemHits()).isEqualTo(1);
    }

    @Test
    void a_dax_outage_fails_the_dax_client_until_it_ends() throws InterruptedException {
        daxClient.putItem(r -> r.tableName("Orders").item(item("node")));

        try (DaxOutage outage = endpoint.faults().daxOutage(dax)) {
            assertThat(outage.node()).isSameAs(dax);
            assertThat(dax.isUp()).isFalse();
            assertThatThrownBy(() -> daxClient.getItem(r -> r.tableName("Orders").key(item("node"))))
                    .isInstanceOf(SdkException.class);
            assertThat(endpoint.client().getItem(r -> r.tableName("Orders").key(item("node"))).hasItem()).isTrue();
        }

        assertThat(dax.isUp()).isTrue();
        boolean served = false;
        for (int attempt = 0; attempt < 100 && !served; attempt++) {
            try {
                served = daxClient.getItem(r -> r.tableName("Orders").key(item("node"))).hasItem();
            } catch (SdkException e) {
                Thread.sleep(50);
            }
        }
        assertThat(served).isTrue();
    }

    @Test
    void a_dax_outage_takes_a_node_of_this_engine_that_is_up() {
        try (DaxOutage outage = endpoint.faults().daxOutage(dax)) {
            assertThatThrownBy(() -> endpoint.faults().daxOutage(dax)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("down already");
        }
        try (FaultEndpoint other = new FaultEndpoint()) {
            assertThatThrownBy(() -> other.faults().daxOutage(dax)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("in front of this engine");
        }
    }
}
