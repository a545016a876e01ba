package dev.dynamotest.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.support.TestEndpoint;
import dev.dynamotest.core.changes.ChangeHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoSoftAssertionsTest {

    private static final Key A1 = Key.of("pk", "A#1", "sk", 1);

    private final TestEndpoint endpoint = new TestEndpoint();

    @BeforeEach
    void reset() {
        endpoint.reset();
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "NEW");
    }

    @AfterAll
    void close() {
        endpoint.close();
    }

    @Test
    void passes_when_every_assertion_does() {
        ChangeHistory changes = endpoint.mark();
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "SHIPPED");

        DynamoSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(endpoint.table("Orders")).hasItemCount(1).item(A1).hasAttribute("status", "SHIPPED");
            softly.assertThat(endpoint.table("Orders")).index("byStatus").hasItemCount(1);
            softly.assertThat(changes).containsModificationOf(A1).hasNewValue("status", "SHIPPED");
        });
    }

    @Test
    void collects_every_failure_including_those_after_navigation() {
        ChangeHistory changes = endpoint.mark();
        DynamoSoftAssertions softly = new DynamoSoftAssertions();

        softly.assertThat(endpoint.table("Orders")).hasItemCount(2)
                .item(A1).hasAttribute("status", "SHIPPED").hasAttribute("total")
                .returnToTable().index("byStatus").isEmpty();
        softly.assertThat(endpoint.table("Orders")).item(Key.of("pk", "A#2", "sk", 1)).hasAttribute("status", "X");
        softly.assertThat(changes).containsInsertOf(A1).hasNewValue("status", "NEW");

        assertThat(softly.errorsCollected()).extracting(DynamoSoftAssertionsTest::withoutLineNumber).containsExactly("""
                [Table Orders (us-east-1)]
                Expecting item count:
                  1
                to be:
                  2
                Items:
                  {"pk": "A#1", "sk": 1, "status": "NEW"}""", """
                [Item {pk=A#1, sk=1} of table Orders (us-east-1)]
                Expecting attribute "status":
                  "NEW"
                to be:
                  "SHIPPED\"""", """
                [Item {pk=A#1, sk=1} of table Orders (us-east-1)]
                Expecting item:
                  {"pk": "A#1", "sk": 1, "status": "NEW"}
                to have attribute:
                  "total\"""", """
                [Index byStatus of table Orders (us-east-1)]
                Expecting index to be empty, but it holds 1 item:
                  {"pk": "A#1", "sk": 1, "status": "NEW"}""", """
                [Table Orders (us-east-1)]
                Expecting table to contain an item with key:
                  {pk=A#2, sk=1}
                but it does not; the nearest keys are:
                  {pk=A#1, sk=1}""", """
                [Changes since sequence %d]
                Expecting an insert of {pk=A#1, sk=1}, but there are no changes""".formatted(changes.mark()));
    }

    /** AssertJ adds the line of the failed soft assertion ("at Test.method(Test.java:42)") to each message. */
    private static String withoutLineNumber(Throwable error) {
        return error.getMessage().replaceFirst("\\Rat [^\\n]*\\)$", "");
    }

    @Test
    void assert_softly_fails_with_every_failure() {
        assertThatThrownBy(() -> DynamoSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(endpoint.table("Orders")).isEmpty();
            softly.assertThat(endpoint.table("Orders")).item(A1).satisfies(item -> assertThat(item).isEmpty());
        })).hasMessageContaining("Multiple Failures (2 failures)");
    }
}
