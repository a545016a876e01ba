package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedTest {

    @Test
    void seeds_items_from_dynamodb_json_plain_json_and_batch_write_files() {
        assertAllPassed(run(Seeded.class), 3);
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk")
    @DynamoTablesFrom("tables/customers-cli.json")
    @DynamoSeed(value = "seeds/orders-dynamodb.json", table = "Orders")
    @DynamoSeed("seeds/orders-plain.json")
    @DynamoSeed("seeds/customers-batch.json")
    static class Seeded {
        @Test
        void dynamodb_json(Dynamo dynamo) {
            Map<String, AttributeValue> second = dynamo.table("Orders")
                    .item(Map.of("pk", AttributeValue.string("A#1"), "sk", AttributeValue.string("2"))).orElseThrow();
            assertThat(second.get("tags").type()).isEqualTo("SS");
            assertThat(dynamo.table("Orders").item(Map.of("pk", AttributeValue.string("A#1"),
                    "sk", AttributeValue.string("1"))).orElseThrow().get("total")).isEqualTo(AttributeValue.number("12.5"));
        }

        @Test
        void plain_json(Dynamo dynamo) {
            Map<String, AttributeValue> item = dynamo.table("Orders")
                    .item(Map.of("pk", AttributeValue.string("B#1"), "sk", AttributeValue.string("1"))).orElseThrow();
            assertThat(item.get("total")).isEqualTo(AttributeValue.number("7"));
            assertThat(item.get("paid")).isEqualTo(AttributeValue.bool(false));
            assertThat(item.get("note")).isEqualTo(AttributeValue.nul());
            assertThat(item.get("lines").type()).isEqualTo("L");
            assertThat(dynamo.table("Orders").itemCount()).isEqualTo(3);
        }

        @Test
        void batch_write_request_items(Dynamo dynamo) {
            assertThat(dynamo.table("Customers").items()).extracting(i -> i.get("customerId"))
                    .containsExactlyInAnyOrderElementsOf(List.of(AttributeValue.string("C1"), AttributeValue.string("C2")));
        }
    }
}
