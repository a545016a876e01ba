package dev.dynamotest.spring;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.core.Operation;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTablesFromBeans;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.spring.app.orders.Order;
import dev.dynamotest.spring.app.orders.OrderService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

/** The extension's annotation first and a test instance per class: the other order of JUnit's callbacks. */
@DynamoTest
@SpringBootTest(classes = dev.dynamotest.spring.app.orders.OrdersApplication.class)
@DynamoTablesFromBeans(Order.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsInSpringTest {

    @Autowired
    OrderService orders;

    @Autowired
    Dynamo dynamo;

    @Test
    void a_throttled_write_of_the_template_is_retried_by_the_sdk() {
        dynamo.faults().throttle(Operation.PUT_ITEM).onTable("shop_order").times(2);

        orders.place(new Order("o-1", "ada", 42, null));

        assertThat(dynamo.table("shop_order")).containsItem(Key.of("id", "o-1"));
        assertThat(dynamo.requests()).filteredOn(Operation.PUT_ITEM).hasFaults(2).hasCallWithAttempts(3);
    }

    @Test
    void a_region_outage_fails_the_template() {
        dynamo.faults().regionOutage(Region.US_EAST_1);

        assertThatThrownBy(() -> orders.place(new Order("o-2", "grace", 7, null))).isInstanceOf(SdkException.class);
    }

    @Test
    void the_autowired_handle_is_the_running_class_s(Dynamo injected) {
        assertThat(dynamo.engine()).isSameAs(injected.engine());
        assertThat(dynamo.region()).isEqualTo(Region.US_EAST_1);
    }
}
