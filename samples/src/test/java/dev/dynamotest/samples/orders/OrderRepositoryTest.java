package dev.dynamotest.samples.orders;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.core.Operation.BATCH_GET_ITEM;
import static dev.dynamotest.core.Operation.BATCH_WRITE_ITEM;
import static dev.dynamotest.core.Operation.GET_ITEM;
import static dev.dynamotest.core.Operation.PUT_ITEM;
import static dev.dynamotest.core.Operation.TRANSACT_WRITE_ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.faults.FaultKind;
import dev.dynamotest.faults.InjectFault;
import dev.dynamotest.faults.ThrottleError;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.RetryBackoff;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * The order repository against each fault DynamoDB can throw at it. The injected client keeps the SDK's retry
 * decisions without its waits ({@code retryBackoff = NONE}), and the repository's own backoff is recorded
 * instead of slept.
 */
@DynamoTest(retryBackoff = RetryBackoff.NONE)
@DynamoTable(name = "Orders", partitionKey = "id")
@DynamoTable(name = "Customers", partitionKey = "id")
class OrderRepositoryTest {

    private final List<Duration> pauses = new ArrayList<>();
    private OrderRepository orders;

    @BeforeEach
    void setUp(DynamoDbClient client) {
        orders = new OrderRepository(client, "Orders", "Customers",
                new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2), 3, pauses::add));
    }

    private static List<Order> someOrders(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Order("O#" + i, "C#1", BigDecimal.valueOf(10 + i))).toList();
    }

    @Test
    @InjectFault(value = FaultKind.UNPROCESSED, operations = BATCH_WRITE_ITEM, fraction = 0.5, times = 2)
    void saves_every_order_when_batches_come_back_partial(Dynamo dynamo) {
        orders.saveAll(someOrders(8));

        assertThat(dynamo.table("Orders")).hasItemCount(8);
        assertThat(dynamo.requests()).hasCount(BATCH_WRITE_ITEM, 3).hasFaults(2).allSucceeded();
        assertThat(pauses).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    @InjectFault(value = FaultKind.UNPROCESSED, operations = BATCH_WRITE_ITEM, fraction = 0.5)
    void gives_up_on_a_batch_that_never_finishes(Dynamo dynamo) {
        assertThatThrownBy(() -> orders.saveAll(someOrders(4))).isInstanceOf(IncompleteBatchException.class)
                .hasMessage("1 requests to table Orders were still unprocessed after the last attempt");
        assertThat(dynamo.requests()).hasCount(BATCH_WRITE_ITEM, 3);
    }

    @Test
    @InjectFault(value = FaultKind.UNPROCESSED, operations = BATCH_GET_ITEM, fraction = 0.5, times = 1)
    void reads_every_order_when_keys_come_back_unprocessed(Dynamo dynamo) {
        orders.saveAll(someOrders(4));

        List<Order> found = orders.findAll(List.of("O#0", "O#1", "O#2", "O#3", "O#9"));

        assertThat(found).extracting(Order::id).containsExactlyInAnyOrder("O#0", "O#1", "O#2", "O#3");
        assertThat(dynamo.requests()).hasCount(BATCH_GET_ITEM, 2);
    }

    @Test
    @InjectFault(value = FaultKind.THROTTLE, operations = PUT_ITEM, table = "Orders", times = 11)
    void outlasts_throttling_beyond_the_sdk_retries(Dynamo dynamo) {
        orders.save(new Order("O#1", "C#1", BigDecimal.TEN));

        assertThat(dynamo.table("Orders")).hasItemCount(1);
        assertThat(dynamo.requests()).hasCount(PUT_ITEM, 12).hasCalls(2).hasCallWithAttempts(9)
                .hasCallWithAttempts(3);
        assertThat(pauses).containsExactly(Duration.ofMillis(50));
    }

    @Test
    @InjectFault(value = FaultKind.THROTTLE, operations = PUT_ITEM)
    void gives_up_when_throttling_does_not_end(Dynamo dynamo) {
        assertThatThrownBy(() -> orders.save(new Order("O#1", "C#1", BigDecimal.TEN)))
                .isInstanceOf(ProvisionedThroughputExceededException.class);

        assertThat(dynamo.requests()).hasCount(PUT_ITEM, 3 * 9).hasCalls(3);
        assertThat(dynamo.table("Orders")).isEmpty();
    }

    @Test
    @InjectFault(value = FaultKind.INTERNAL_SERVER_ERROR, operations = GET_ITEM, times = 1)
    @InjectFault(value = FaultKind.SERVICE_UNAVAILABLE, operations = GET_ITEM, times = 1)
    @InjectFault(value = FaultKind.DROP_CONNECTION, operations = PUT_ITEM, times = 1)
    void rides_out_server_errors_and_dropped_connections(Dynamo dynamo) {
        orders.save(new Order("O#1", "C#1", BigDecimal.TEN));

        assertThat(orders.find("O#1")).isPresent();
        assertThat(dynamo.requests().list()).extracting(RecordedRequest::errorType).containsExactly(
                RecordedRequest.CONNECTION_DROPPED, null, "InternalServerError", "ServiceUnavailable", null);
        assertThat(dynamo.requests()).hasCalls(2);
        assertThat(pauses).isEmpty();
    }

    @Test
    @InjectFault(value = FaultKind.LATENCY, operations = GET_ITEM, millis = 100)
    void answers_through_a_slow_endpoint(Dynamo dynamo) {
        assertThat(orders.find("O#1")).isEmpty();

        assertThat(dynamo.requests().list()).singleElement()
                .satisfies(r -> assertThat(r.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(100)));
    }

    @Test
    @InjectFault(value = FaultKind.TRANSACTION_CONFLICT, operations = TRANSACT_WRITE_ITEMS, table = "Customers",
            times = 1)
    void places_an_order_again_after_a_transaction_conflict(Dynamo dynamo) {
        orders.place(new Order("O#1", "C#1", BigDecimal.TEN));

        assertThat(orders.orderCounts()).isEqualTo(Map.of("C#1", 1L));
        assertThat(dynamo.requests()).hasCount(TRANSACT_WRITE_ITEMS, 2).hasCalls(3)
                .hasErrors("TransactionCanceledException", 1);
        assertThat(pauses).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void a_fault_added_in_code_applies_to_this_test_only(Dynamo dynamo) {
        dynamo.faults().throttle(GET_ITEM).as(ThrottleError.THROTTLING_EXCEPTION).onTable("Orders").times(9);

        assertThat(orders.find("O#1")).isEmpty();
        assertThat(dynamo.requests()).hasCount(GET_ITEM, 10).hasCalls(2);
    }
}
