package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.core.tables.Table;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoIndex;
import dev.dynamotest.junit.DynamoSeed;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.ScalarType;
import java.util.Set;
import org.junit.jupiter.api.Test;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk", sortKeyType = ScalarType.N,
        globalIndexes = @DynamoIndex(name = "byStatus", partitionKey = "status"))
@DynamoSeed(value = "seeds/assertions-orders.json", table = "Orders")
class AssertionsTest {

    @Test
    void asserts_on_the_table_and_its_items(Dynamo dynamo) {
        // begin assertions
        Table orders = dynamo.table("Orders");   // or engine.tables().get("us-east-1", "Orders") on an engine of your own

        assertThat(orders)
            .hasItemCount(2)
            .containsItem(Key.of("pk", "A#1", "sk", 1))
            .doesNotContainItem(Key.of("pk", "A#9", "sk", 1))
            .allItemsSatisfy(item -> item.hasAttribute("total"))
            .index("byStatus").hasItemCount(1)                       // what a GSI or LSI holds
            .returnToTable()
            .item(Key.of("pk", "A#1", "sk", 1))                      // navigate to one item
                .hasAttribute("status", "SHIPPED")
                .hasAttribute("total", 10.5)                         // numbers compare by value: 10.50 passes
                .hasAttribute("tags", Set.of("gift", "rush"))        // String, Number, Boolean, byte[], List, Map, Set
                .hasPath("address.city", "Paris")                    // nested maps and list indexes: lines[0].sku
                .doesNotHaveAttribute("discount");

        assertThat(orders).item(Key.of("pk", "A#1", "sk", 1)).isEqualTo("""
            {"pk": {"S": "A#1"}, "sk": {"N": "1"}, "status": {"S": "SHIPPED"}, "total": {"N": "10.50"},
             "tags": {"SS": ["rush", "gift"]}, "address": {"M": {"city": {"S": "Paris"}}}}""");
        // end assertions
    }
}
