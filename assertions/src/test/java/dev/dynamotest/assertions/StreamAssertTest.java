package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.support.TestEndpoint;
import dev.dynamotest.core.streams.StreamRecords;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamAssertTest {

    private static final Key A1 = Key.of("pk", "A#1");
    private static final Key B1 = Key.of("pk", "B#1");

    private final TestEndpoint endpoint = new TestEndpoint();
    private StreamRecords stream;

    @BeforeEach
    void reset() {
        endpoint.reset();
        endpoint.createStreamedTable(StreamViewType.NEW_AND_OLD_IMAGES);
        stream = endpoint.stream("Events");
    }

    @AfterAll
    void close() {
        endpoint.close();
    }

    private void ship() {
        endpoint.put("Events", "pk", "A#1", "status", "NEW");
        endpoint.put("Events", "pk", "A#1", "status", "SHIPPED");
        endpoint.delete("Events", "pk", "A#1");
    }

    @Test
    void has_records_passes_counting_the_streams_records() {
        ship();

        assertThat(stream).hasRecords(3);
    }

    @Test
    void has_records_fails_listing_the_records() {
        ship();

        assertThatThrownBy(() -> assertThat(stream).hasRecords(1)).hasMessage("""
                [Stream of table Events (us-east-1)]
                Expecting number of records:
                  3
                to be:
                  1
                Records:
                  INSERT Events {pk=A#1}: {"pk": "A#1", "status": "NEW"}
                  MODIFY Events {pk=A#1}: "status" "NEW" -> "SHIPPED"
                  REMOVE Events {pk=A#1}""");
    }

    @Test
    void contains_insert_of_passes_and_shows_the_new_values() {
        endpoint.put("Events", "pk", "A#1", "status", "NEW");

        assertThat(stream).containsInsertOf(A1).hasNewValue("status", "NEW");
    }

    @Test
    void contains_insert_of_fails_when_there_are_no_records() {
        assertThatThrownBy(() -> assertThat(stream).containsInsertOf(A1)).hasMessage("""
                [Stream of table Events (us-east-1)]
                Expecting an insert of {pk=A#1}, but there are no records""");
    }

    @Test
    void contains_modify_of_passes_with_the_old_and_new_values() {
        ship();

        assertThat(stream).containsModifyOf(A1).hasOldValue("status", "NEW").hasNewValue("status", "SHIPPED");
    }

    @Test
    void contains_modify_of_fails_listing_the_records() {
        endpoint.put("Events", "pk", "A#1", "status", "NEW");

        assertThatThrownBy(() -> assertThat(stream).containsModifyOf(A1)).hasMessage("""
                [Stream of table Events (us-east-1)]
                Expecting a modification of {pk=A#1}, but there is none; the records are:
                  INSERT Events {pk=A#1}: {"pk": "A#1", "status": "NEW"}""");
    }

    @Test
    void has_old_value_of_a_modify_fails_showing_both_values() {
        ship();

        assertThatThrownBy(() -> assertThat(stream).containsModifyOf(A1).hasOldValue("status", "PACKED"))
                .hasMessage("""
                        [Modification of {pk=A#1}]
                        Expecting old value of attribute "status":
                          "NEW"
                        to be:
                          "PACKED\"""");
    }

    @Test
    void contains_remove_of_passes_with_the_old_values() {
        ship();

        assertThat(stream).containsRemoveOf(A1).hasOldValue("status", "SHIPPED");
    }

    @Test
    void contains_remove_of_fails_listing_the_records() {
        endpoint.put("Events", "pk", "B#1");

        assertThatThrownBy(() -> assertThat(stream).containsRemoveOf(A1)).hasMessage("""
                [Stream of table Events (us-east-1)]
                Expecting a removal of {pk=A#1}, but there is none; the records are:
                  INSERT Events {pk=B#1}: {"pk": "B#1"}""");
    }

    @Test
    void in_order_passes_when_the_records_came_in_that_order() {
        ship();
        endpoint.put("Events", "pk", "B#1");

        assertThat(stream).inOrder()
                .containsInsertOf(A1)
                .containsModifyOf(A1)
                .containsRemoveOf(A1)
                .containsInsertOf(B1);
    }

    @Test
    void in_order_fails_naming_the_record_it_had_to_come_after() {
        endpoint.put("Events", "pk", "B#1");
        endpoint.put("Events", "pk", "A#1");

        assertThatThrownBy(() -> assertThat(stream).inOrder().containsInsertOf(A1).containsInsertOf(B1))
                .hasMessage("""
                        [Stream of table Events (us-east-1)]
                        Expecting an insert of {pk=B#1} after:
                          INSERT Events {pk=A#1}: {"pk": "A#1"}
                        but there is none; the records are:
                          INSERT Events {pk=B#1}: {"pk": "B#1"}
                          INSERT Events {pk=A#1}: {"pk": "A#1"}""");
    }

    @Test
    void eventually_passes_once_an_asynchronous_write_lands() {
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try {
            writer.schedule(() -> endpoint.put("Events", "pk", "A#1"), 100, TimeUnit.MILLISECONDS);

            assertThat(stream).eventually().hasRecords(1).containsInsertOf(A1);
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void eventually_fails_after_the_timeout_with_the_last_failure() {
        assertThatThrownBy(() -> assertThat(stream).eventually(Duration.ofMillis(300)).hasRecords(1))
                .hasMessage("""
                        Still failing after 300 milliseconds; the last failure was:
                        [Stream of table Events (us-east-1)]
                        Expecting number of records:
                          0
                        to be:
                          1""");
    }

    @Test
    void a_keys_only_stream_has_no_images_to_compare() {
        endpoint.reset();
        endpoint.createStreamedTable(StreamViewType.KEYS_ONLY);
        endpoint.put("Events", "pk", "A#1", "status", "NEW");
        endpoint.put("Events", "pk", "A#1", "status", "SHIPPED");

        assertThatThrownBy(() -> assertThat(stream).containsModifyOf(A1).hasNewValue("status", "SHIPPED"))
                .hasMessage("""
                        [Modification of {pk=A#1}]
                        Expecting new value of attribute "status" to be:
                          "SHIPPED"
                        but the record carries no new image (see the stream's view type)""");
    }

    @Test
    void soft_assertions_collect_stream_failures() {
        endpoint.put("Events", "pk", "A#1");

        assertThatThrownBy(() -> DynamoSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(stream).hasRecords(2);
            softly.assertThat(stream).containsRemoveOf(A1);
        })).hasMessageContaining("Expecting number of records:").hasMessageContaining("Expecting a removal of {pk=A#1}");
    }

    @Test
    void since_a_mark_only_the_records_of_later_changes_count() {
        endpoint.put("Events", "pk", "A#1");
        long mark = endpoint.mark().mark();
        endpoint.put("Events", "pk", "B#1");

        assertThat(stream.since(mark)).hasRecords(1).containsInsertOf(B1);
    }
}
