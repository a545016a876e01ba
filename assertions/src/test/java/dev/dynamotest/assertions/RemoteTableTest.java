package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamotest.assertions.support.TestEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteTableTest {

    private final TestEndpoint endpoint = new TestEndpoint();

    @BeforeEach
    void reset() {
        endpoint.reset();
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "NEW");
        endpoint.put("Orders", "pk", "A#2", "sk", 1);
    }

    @AfterAll
    void close() {
        endpoint.close();
    }

    private TableAssert orders() {
        return assertThat(RemoteTable.of(endpoint.client(), "Orders"));
    }

    @Test
    void reads_items_through_the_client() {
        orders().containsItem(Key.of("pk", "A#1", "sk", 1))
                .doesNotContainItem(Key.of("pk", "A#3", "sk", 1))
                .item(Key.of("pk", "A#1", "sk", 1)).hasAttribute("status", "NEW");
    }

    @Test
    void reads_a_whole_table_and_its_indexes_through_the_client() {
        assumeTrue(endpoint.supports("Scan"), "the engine answers Scan");

        orders().hasItemCount(2)
                .containsItem(Key.of("pk", "A#1", "sk", 1))
                .doesNotContainItem(Key.of("pk", "A#3", "sk", 1))
                .matchesJson("""
                        [{"pk": "A#2", "sk": 1}, {"pk": "A#1", "sk": 1, "status": "NEW"}]""")
                .index("byStatus").hasItemCount(1)
                .returnToTable().item(Key.of("pk", "A#1", "sk", 1)).hasAttribute("status", "NEW");
    }

    @Test
    void fails_with_the_same_messages_naming_the_clients_region() {
        assumeTrue(endpoint.supports("Scan"), "the engine answers Scan");

        assertThatThrownBy(() -> orders().containsItem(Key.of("pk", "A#3", "sk", 1))).hasMessage("""
                [Table Orders (us-east-1)]
                Expecting table to contain an item with key:
                  {pk=A#3, sk=1}
                but it does not; the nearest keys are:
                  {pk=A#1, sk=1}
                  {pk=A#2, sk=1}""");
    }
}
