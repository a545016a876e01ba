package dev.dynamotest.spring;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.core.Operation;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTablesFromBeans;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.spring.app.orders.Order;
import dev.dynamotest.spring.app.orders.OrderService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@SpringBootTest(classes = dev.dynamotest.spring.app.orders.OrdersApplication.class)
@DynamoTest
@DynamoTablesFromBeans(Order.class)
class TemplateTest {

    @Autowired
    OrderService orders;

    @Test
    void spring_cloud_aws_template_writes_to_the_class_s_endpoint(Dynamo dynamo) {
        orders.place(new Order("o-1", "ada", 42, null));

        assertThat(dynamo.table("shop_order")).item(Key.of("id", "o-1")).hasAttribute("status", "PLACED");
        assertThat(orders.find("o-1").getCustomer()).isEqualTo("ada");
    }

    @Test
    void the_table_is_named_by_spring_cloud_aws_and_shaped_by_the_bean(DynamoDbClient client) {
        TableDescription table = client.describeTable(b -> b.tableName("shop_order")).table();

        assertThat(table.keySchema()).singleElement().satisfies(key -> assertThat(key.attributeName()).isEqualTo("id"));
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byCustomer");
            assertThat(index.keySchema()).extracting(k -> k.attributeName()).containsExactly("customer", "total");
        });
        assertThat(table.attributeDefinitions()).extracting(d -> d.attributeName() + ":" + d.attributeTypeAsString())
                .containsExactlyInAnyOrder("id:S", "customer:S", "total:N");
    }

    @Test
    void the_journal_records_the_context_s_requests(Dynamo dynamo) {
        orders.place(new Order("o-2", "grace", 7, null));
        orders.find("o-2");

        assertThat(dynamo.requests()).filteredOnTable("shop_order").hasCount(Operation.PUT_ITEM, 1)
                .hasCount(Operation.GET_ITEM, 1);
    }

    @Nested
    class ForOneCustomer {

        @Test
        void a_nested_class_shares_the_outer_class_s_context_and_endpoint(Dynamo dynamo, @Autowired Dynamo bean) {
            orders.place(new Order("o-3", "ada", 1, null));

            assertThat(bean.engine()).isSameAs(dynamo.engine());
            assertThat(dynamo.table("shop_order")).containsItem(Key.of("id", "o-3"));
        }
    }
}
