package dev.dynamotest.samples.spring;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.core.Operation;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTablesFromBeans;
import dev.dynamotest.junit.DynamoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

@SpringBootTest
@DynamoTest
@DynamoTablesFromBeans(value = Order.class, stream = DynamoTable.StreamView.NEW_AND_OLD_IMAGES)
class OrderRepositoryTest {

    @Autowired
    OrderRepository orders;

    @Autowired
    OrderConfirmations confirmations;

    @Test
    void saves_and_finds_an_order(Dynamo dynamo) {
        orders.save(new Order("o-1", "ada", 42));

        assertThat(orders.find("o-1").getCustomer()).isEqualTo("ada");
        assertThat(dynamo.table("order")).item(Key.of("id", "o-1")).hasAttribute("total", 42);
    }

    @Test
    void a_write_throttled_beyond_the_sdk_s_retries_is_retried_by_the_service(Dynamo dynamo) {
        dynamo.faults().throttle(Operation.PUT_ITEM).onTable("order").times(3);

        orders.save(new Order("o-1", "ada", 42));

        assertThat(dynamo.table("order")).containsItem(Key.of("id", "o-1"));
        assertThat(dynamo.requests()).filteredOn(Operation.PUT_ITEM).hasFaults(3).hasCalls(2);
    }

    @Test
    void a_write_throttled_past_every_retry_fails(Dynamo dynamo) {
        dynamo.faults().throttle(Operation.PUT_ITEM).onTable("order").times(6);

        assertThatThrownBy(() -> orders.save(new Order("o-1", "ada", 42)))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        assertThat(dynamo.table("order")).isEmpty();
    }

    @Test
    void the_stream_handler_confirms_new_orders(Dynamo dynamo) {
        dynamo.streams().onTable("order").handler(confirmations::handle);

        orders.save(new Order("o-1", "ada", 42));
        dynamo.streams().awaitQuiet();

        assertThat(dynamo.table("order")).item(Key.of("id", "o-1")).hasAttribute("confirmed", true);
    }

    @Test
    void reads_fail_over_to_the_replica_while_the_home_region_is_down(Dynamo dynamo) {
        dynamo.client().updateTable(r -> r.tableName("order")
                .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        orders.save(new Order("o-1", "ada", 42));
        dynamo.replication().awaitQuiet();

        dynamo.faults().regionOutage(Region.US_EAST_1);

        assertThat(orders.find("o-1").getCustomer()).isEqualTo("ada");
        assertThat(dynamo.requests()).filteredOnRegion(Region.EU_WEST_1).hasCount(Operation.GET_ITEM, 1);
    }
}
