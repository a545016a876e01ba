package dev.dynamotest.spring;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.core.Operation;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTablesFromBeans;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Transport;
import dev.dynamotest.spring.app.orders.Order;
import dev.dynamotest.spring.app.orders.OrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Over HTTP: Spring Cloud AWS's client keeps its own HTTP client and reaches the context's endpoint URL. */
@SpringBootTest(classes = dev.dynamotest.spring.app.orders.OrdersApplication.class)
@DynamoTest(transport = Transport.HTTP)
@DynamoTablesFromBeans(Order.class)
class HttpTransportTest {

    @Autowired
    OrderService orders;

    @Test
    void spring_cloud_aws_template_reaches_the_endpoint_over_http(Dynamo dynamo,
            @Autowired ObjectProvider<io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer> customizers) {
        orders.place(new Order("o-1", "ada", 42, null));

        assertThat(orders.find("o-1").getStatus()).isEqualTo("PLACED");
        assertThat(dynamo.table("shop_order")).containsItem(Key.of("id", "o-1"));
        assertThat(dynamo.requests()).hasCount(Operation.PUT_ITEM, 1);
        assertThat(customizers.stream()).isEmpty();
    }
}
