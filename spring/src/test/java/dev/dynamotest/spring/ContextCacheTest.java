package dev.dynamotest.spring;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTablesFromBeans;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.spring.app.orders.Order;
import dev.dynamotest.spring.app.orders.OrderService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

class ContextCacheTest {

    @Test
    void classes_of_one_configuration_share_a_context_but_not_an_endpoint() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstOrders.class), selectClass(SecondOrders.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.failed(0).succeeded(4));
        Events events = results.allEvents();
        List<Map<String, String>> seen = events.reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs()).toList();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).get("context")).isEqualTo(seen.get(1).get("context"));
        assertThat(seen.get(0).get("engine")).isNotEqualTo(seen.get(1).get("engine"));
    }

    @SpringBootTest(classes = dev.dynamotest.spring.app.orders.OrdersApplication.class)
    @DynamoTest
    @DynamoTablesFromBeans(Order.class)
    static class FirstOrders {

        @Autowired
        OrderService orders;

        @Test
        void writes_to_a_table_no_other_class_wrote_to(Dynamo dynamo, @Autowired ApplicationContext context,
                TestReporter reporter) {
            assertThat(dynamo.table("shop_order")).isEmpty();
            orders.place(new Order("o-1", "ada", 42, null));
            assertThat(orders.find("o-1")).isNotNull();
            assertThat(dynamo.table("shop_order")).hasItemCount(1);
            reporter.publishEntry(Map.of("context", String.valueOf(System.identityHashCode(context)),
                    "engine", String.valueOf(System.identityHashCode(dynamo.engine()))));
        }

        @Test
        void reads_what_its_own_class_wrote_only() {
            orders.place(new Order("o-9", "alan", 1, null));
            assertThat(orders.find("o-1")).isNull();
        }
    }

    static class SecondOrders extends FirstOrders {
    }
}
