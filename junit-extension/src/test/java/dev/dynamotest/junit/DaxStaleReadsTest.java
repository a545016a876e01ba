package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.Key;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stale reads in {@code @DynamoTest} classes, through Amazon's DAX client: {@code assertThat(dynamo.dax())} sees the
 * reads the caches served stale in the current method, and each method starts with none.
 */
class DaxStaleReadsTest {

    private static final Map<String, AttributeValue> KEY = Map.of("sku", AttributeValue.fromS("A1"));

    @Test
    void a_read_after_a_bypassing_write_is_asserted_stale_and_each_method_starts_with_none() {
        assertAllPassed(run(StaleReads.class), 3);
    }

    static Map<String, AttributeValue> price(String price) {
        return Map.of("sku", AttributeValue.fromS("A1"), "price", AttributeValue.fromN(price));
    }

    static String price(DynamoDbClient client) {
        return client.getItem(r -> r.tableName("Prices").key(KEY)).item().get("price").n();
    }

    @DynamoTest
    @DynamoDax
    @DynamoTable(name = "Prices", partitionKey = "sku")
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class StaleReads {

        @Test
        void a_a_price_changed_behind_dax_is_served_stale(Dynamo dynamo, DynamoDbClient client) {
            DynamoDbClient dax = dynamo.dax().client();
            dax.putItem(r -> r.tableName("Prices").item(price("10")));
            client.putItem(r -> r.tableName("Prices").item(price("12")));     // bypasses DAX

            assertThat(price(dax)).isEqualTo("10");

            assertThat(dynamo.dax()).servedStale("Prices", Key.of("sku", "A1")).hasServedStaleReads(1);
            assertThat(dynamo.dax()).itemCache().hasStaleHits(1).hasHits(1);
            assertThatThrownBy(() -> assertThat(dynamo.dax()).hasServedNoStaleReads())
                    .hasMessageStartingWith("[DAX caches of Dax[" + dynamo.dax().url() + "]]\n"
                            + "Expecting no stale reads but found 1:\n"
                            + "  GetItem Prices (us-east-1) {sku=A1}: cached ")
                    .hasMessageContaining(", changed behind DAX ");

            dynamo.clock().advance(Duration.ofMinutes(5));
            assertThat(price(dax)).isEqualTo("12");
            assertThat(dynamo.dax()).hasServedStaleReads(1);
        }

        @Test
        void b_starts_with_no_stale_reads(Dynamo dynamo, DynamoDbClient client) {
            assertThat(dynamo.dax()).hasServedNoStaleReads().itemCache().hasStaleHits(0);
            DynamoDbClient dax = dynamo.dax().client();
            client.putItem(r -> r.tableName("Prices").item(price("10")));
            assertThat(price(dax)).isEqualTo("10");
            dax.putItem(r -> r.tableName("Prices").item(price("11")));        // written through

            assertThat(price(dax)).isEqualTo("11");

            assertThat(dynamo.dax()).hasServedNoStaleReads();
        }

        @Test
        void c_counts_only_its_own_stale_reads(Dynamo dynamo, DynamoDbClient client) {
            DynamoDbClient dax = dynamo.dax().client();
            client.putItem(r -> r.tableName("Prices").item(price("10")));
            assertThat(price(dax)).isEqualTo("10");
            client.putItem(r -> r.tableName("Prices").item(price("13")));

            assertThat(price(dax)).isEqualTo("10");
            assertThat(price(dax)).isEqualTo("10");

            assertThat(dynamo.dax()).hasServedStaleReads(2).itemCache().hasStaleHits(2);
            assertThat(dynamo.dax().staleReads())
                    .extracting(read -> read.key().get("sku").toString()).containsExactly("S:A1", "S:A1");
        }
    }
}
