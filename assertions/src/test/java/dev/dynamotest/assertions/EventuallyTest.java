package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.assertions.DynamoAssertions.eventually;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.internal.AssertContext;
import dev.dynamotest.assertions.support.TestEndpoint;
import dev.dynamotest.core.changes.ChangeHistory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventuallyTest {

    private static final Key A1 = Key.of("pk", "A#1", "sk", 1);
    private static final Duration SHORT = Duration.ofMillis(300);

    private final TestEndpoint endpoint = new TestEndpoint();
    private ScheduledExecutorService writer;

    @BeforeEach
    void reset() {
        endpoint.reset();
        writer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stopWriter() {
        writer.shutdownNow();
    }

    @AfterAll
    void close() {
        endpoint.close();
    }

    private void later(Runnable write) {
        writer.schedule(write, 100, TimeUnit.MILLISECONDS);
    }

    @Test
    void a_table_assertion_passes_once_an_asynchronous_write_lands() {
        later(() -> endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "NEW"));

        assertThat(endpoint.table("Orders")).eventually().containsItem(A1).hasItemCount(1);
    }

    @Test
    void a_table_assertion_fails_after_the_timeout_with_the_last_failure() {
        assertThatThrownBy(() -> assertThat(endpoint.table("Orders")).eventually(SHORT).containsItem(A1))
                .hasMessage("""
                        Still failing after 300 milliseconds; the last failure was:
                        [Table Orders (us-east-1)]
                        Expecting table to contain an item with key:
                          {pk=A#1, sk=1}
                        but the table is empty""")
                .cause().hasMessageStartingWith("[Table Orders (us-east-1)]");
    }

    @Test
    void navigation_waits_for_the_item_and_its_checks_read_it_again() {
        later(() -> {
            endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "NEW");
            endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "SHIPPED");
        });

        assertThat(endpoint.table("Orders")).eventually().item(A1).hasAttribute("status", "SHIPPED");
    }

    @Test
    void an_item_assertion_fails_after_the_timeout_with_the_last_failure() {
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "NEW");

        assertThatThrownBy(() -> assertThat(endpoint.table("Orders")).eventually(SHORT).item(A1)
                .hasAttribute("status", "SHIPPED")).hasMessage("""
                Still failing after 300 milliseconds; the last failure was:
                [Item {pk=A#1, sk=1} of table Orders (us-east-1)]
                Expecting attribute "status":
                  "NEW"
                to be:
                  "SHIPPED\"""");
    }

    @Test
    void a_change_assertion_passes_once_the_change_is_made() {
        ChangeHistory changes = endpoint.mark();
        later(() -> endpoint.put("Customers", "id", "C#1"));

        assertThat(changes).eventually().containsInsertOf(Key.of("id", "C#1"));
    }

    @Test
    void a_change_assertion_fails_after_the_timeout() {
        ChangeHistory changes = endpoint.mark();

        assertThatThrownBy(() -> assertThat(changes).eventually(SHORT).hasSize(1)).hasMessage("""
                Still failing after 300 milliseconds; the last failure was:
                [Changes since sequence %d]
                Expecting number of changes:
                  0
                to be:
                  1""".formatted(changes.mark()));
    }

    @Test
    void a_block_passes_once_every_assertion_in_it_does() {
        later(() -> endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "NEW"));

        eventually(() -> assertThat(endpoint.table("Orders")).item(A1).hasAttribute("status", "NEW"));
    }

    @Test
    void a_block_fails_after_the_timeout_with_the_last_failure() {
        assertThatThrownBy(() -> eventually(SHORT, () -> assertThat(endpoint.table("Orders")).hasItemCount(1)))
                .hasMessage("""
                        Still failing after 300 milliseconds; the last failure was:
                        [Table Orders (us-east-1)]
                        Expecting item count:
                          0
                        to be:
                          1""");
    }

    @Test
    void the_default_timeout_is_read_from_a_system_property() {
        String before = System.getProperty(AssertContext.TIMEOUT_PROPERTY);
        try {
            System.setProperty(AssertContext.TIMEOUT_PROPERTY, "PT2S");
            org.assertj.core.api.Assertions.assertThat(AssertContext.defaultTimeout()).hasSeconds(2);
            System.setProperty(AssertContext.TIMEOUT_PROPERTY, "250");
            org.assertj.core.api.Assertions.assertThat(AssertContext.defaultTimeout()).hasMillis(250);
            System.setProperty(AssertContext.TIMEOUT_PROPERTY, "soon");
            assertThatThrownBy(AssertContext::defaultTimeout).hasMessage("system property"
                    + " dynamotest.eventually.timeout is \"soon\"; give a duration such as PT10S or a number of"
                    + " milliseconds");
        } finally {
            if (before == null) {
                System.clearProperty(AssertContext.TIMEOUT_PROPERTY);
            } else {
                System.setProperty(AssertContext.TIMEOUT_PROPERTY, before);
            }
        }
    }
}
