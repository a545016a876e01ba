package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.core.Operation;
import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RecordedRequests;
import dev.dynamotest.core.requests.RequestJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class RequestsAssertTest {

    private static final String THROTTLED = "ProvisionedThroughputExceededException";

    private static RecordedRequest request(int number, Operation operation, String table, int attempt, String call,
            String error, String fault) {
        return request(number, "us-east-1", operation, table, attempt, call, error, fault);
    }

    private static RecordedRequest request(int number, String region, Operation operation, String table,
            int attempt, String call, String error, String fault) {
        return new RecordedRequest(number, Instant.parse("2024-01-01T00:00:00Z"), region, operation,
                table == null ? List.of() : List.of(table), null, attempt, 9, call, error == null ? 200 : 400, error,
                error == null ? null : "throttled", Duration.ofMillis(1), fault);
    }

    /** A PutItem on Orders throttled twice then stored, and a GetItem on Customers. */
    private static final RecordedRequests REQUESTS = RecordedRequests.of(List.of(
            request(1, Operation.PUT_ITEM, "Orders", 1, "call-1", THROTTLED, "throttle"),
            request(2, Operation.PUT_ITEM, "Orders", 2, "call-1", THROTTLED, "throttle"),
            request(3, Operation.PUT_ITEM, "Orders", 3, "call-1", null, null),
            request(4, Operation.GET_ITEM, "Customers", 1, "call-2", null, null)), "requests of the test");

    @Test
    void counts_requests_by_operation() {
        assertThat(REQUESTS).hasSize(4).hasCount(Operation.PUT_ITEM, 3).hasCount(Operation.GET_ITEM, 1)
                .hasCount(Operation.QUERY, 0);
    }

    @Test
    void reports_a_wrong_count_with_the_requests() {
        assertThatThrownBy(() -> assertThat(REQUESTS).filteredOnTable("Customers").hasCount(Operation.PUT_ITEM, 1))
                .hasMessage("""
                        [requests of the test on table Customers]
                        Expecting 1 PutItem request but found 0; the requests were:
                          #4  GetItem  Customers  OK""");
    }

    @Test
    void reports_a_wrong_size() {
        assertThatThrownBy(() -> assertThat(REQUESTS).filteredOn(Operation.GET_ITEM).hasSize(2))
                .hasMessage("""
                        [requests of the test with GetItem]
                        Expecting 2 requests but found 1:
                          #4  GetItem  Customers  OK""");
        assertThat(REQUESTS).filteredOn(Operation.QUERY).isEmpty();
    }

    @Test
    void finds_retries_and_calls() {
        assertThat(REQUESTS).hasRetries().hasCalls(2).hasCallWithAttempts(3).hasCallWithAttempts(1);
        assertThat(REQUESTS).filteredOnTable("Customers").hasNoRetries();
    }

    @Test
    void reports_missing_retries() {
        assertThatThrownBy(() -> assertThat(REQUESTS).filteredOnTable("Customers").hasRetries())
                .hasMessage("""
                        [requests of the test on table Customers]
                        Expecting retries but every request was a first attempt:
                          #4  GetItem  Customers  OK""");
    }

    @Test
    void reports_unexpected_retries() {
        assertThatThrownBy(() -> assertThat(REQUESTS).hasNoRetries())
                .hasMessage("""
                        [requests of the test]
                        Expecting no retries but found 2 retry requests:
                          #2  PutItem  Orders  ProvisionedThroughputExceededException: throttled (attempt 2) [fault: throttle]
                          #3  PutItem  Orders  OK (attempt 3)""");
    }

    @Test
    void reports_a_missing_call_of_so_many_attempts() {
        assertThatThrownBy(() -> assertThat(REQUESTS).filteredOn(Operation.GET_ITEM).hasCallWithAttempts(2))
                .hasMessage("""
                        [requests of the test with GetItem]
                        Expecting a call made in 2 attempts but found calls of [1] attempts:
                          #4  GetItem  Customers  OK""");
        assertThatThrownBy(() -> assertThat(REQUESTS).filteredOn(Operation.GET_ITEM).hasCalls(2))
                .hasMessageContaining("Expecting 2 calls but found 1");
    }

    @Test
    void all_succeeded_names_the_failed_requests() {
        assertThat(REQUESTS).filteredOnTable("Customers").allSucceeded();
        assertThatThrownBy(() -> assertThat(REQUESTS).allSucceeded())
                .hasMessage("""
                        [requests of the test]
                        Expecting every request to succeed but 2 requests failed:
                          #1  PutItem  Orders  ProvisionedThroughputExceededException: throttled [fault: throttle]
                          #2  PutItem  Orders  ProvisionedThroughputExceededException: throttled (attempt 2) [fault: throttle]""");
    }

    @Test
    void counts_errors_and_faults() {
        assertThat(REQUESTS).hasErrors(THROTTLED, 2).hasErrors("ThrottlingException", 0).hasFaults(2);
        assertThat(REQUESTS).filteredOn(r -> r.succeeded(), "that succeeded").hasFaults(0).hasSize(2);
        assertThatThrownBy(() -> assertThat(REQUESTS).filteredOnRegion("eu-west-1").hasFaults(1))
                .hasMessage("""
                        [requests of the test in region eu-west-1]
                        Expecting 1 faulted request but found 0""");
        assertThat(REQUESTS).filteredOnRegion(Region.US_EAST_1).hasFaults(2).hasSize(4);
        assertThat(REQUESTS).filteredOnRegion(Region.EU_WEST_1).isEmpty();
        assertThatThrownBy(() -> assertThat(REQUESTS).filteredOn(Operation.GET_ITEM).hasErrors(THROTTLED, 1))
                .hasMessage("""
                        [requests of the test with GetItem]
                        Expecting 1 ProvisionedThroughputExceededException error but found 0; the requests were:
                          #4  GetItem  Customers  OK""");
    }

    /**
     * A failover test's requests: a PutItem to us-east-1 fails in an outage on every attempt, then the same item
     * goes to eu-west-1; a GetItem in us-east-1 before the outage succeeded.
     */
    private static final RecordedRequests FAILOVER = RecordedRequests.of(List.of(
            request(1, "us-east-1", Operation.GET_ITEM, "Orders", 1, "call-1", null, null),
            outage(2, 1), outage(3, 2), outage(4, 3),
            request(5, "eu-west-1", Operation.PUT_ITEM, "Orders", 1, "call-3", null, null)), "requests of the test");

    private static RecordedRequest outage(int number, int attempt) {
        return new RecordedRequest(number, Instant.parse("2024-01-01T00:00:00Z"), "us-east-1", Operation.PUT_ITEM,
                List.of("Orders"), null, attempt, 3, "call-2", 500, "InternalServerError", "Internal server error",
                Duration.ofMillis(1), "region outage (SERVER_ERROR)");
    }

    @Test
    void a_wrong_error_count_lists_only_the_errors_it_counted_with_their_regions() {
        assertThatThrownBy(() -> assertThat(FAILOVER).hasErrors("InternalServerError", 2))
                .hasMessage("""
                        [requests of the test]
                        Expecting 2 InternalServerError errors but found 3:
                          #2  PutItem  Orders  us-east-1  InternalServerError: Internal server error [fault: region outage (SERVER_ERROR)]
                          #3  PutItem  Orders  us-east-1  InternalServerError: Internal server error (attempt 2) [fault: region outage (SERVER_ERROR)]
                          #4  PutItem  Orders  us-east-1  InternalServerError: Internal server error (attempt 3) [fault: region outage (SERVER_ERROR)]""");
    }

    @Test
    void a_wrong_count_of_other_kinds_lists_only_what_it_counted() {
        assertThatThrownBy(() -> assertThat(FAILOVER).hasCount(Operation.GET_ITEM, 2))
                .hasMessage("""
                        [requests of the test]
                        Expecting 2 GetItem requests but found 1:
                          #1  GetItem  Orders  us-east-1  OK""");
        assertThatThrownBy(() -> assertThat(FAILOVER).hasFaults(1))
                .hasMessageContaining("Expecting 1 faulted request but found 3:")
                .hasMessageNotContaining("OK");
    }

    @Test
    void a_listing_of_one_regions_requests_leaves_the_region_column_out() {
        assertThat(FAILOVER).filteredOnRegion(Region.EU_WEST_1).hasSize(1).allSucceeded();
        assertThatThrownBy(() -> assertThat(FAILOVER).filteredOnRegion(Region.US_EAST_1).allSucceeded())
                .hasMessage("""
                        [requests of the test in region us-east-1]
                        Expecting every request to succeed but 3 requests failed:
                          #2  PutItem  Orders  InternalServerError: Internal server error [fault: region outage (SERVER_ERROR)]
                          #3  PutItem  Orders  InternalServerError: Internal server error (attempt 2) [fault: region outage (SERVER_ERROR)]
                          #4  PutItem  Orders  InternalServerError: Internal server error (attempt 3) [fault: region outage (SERVER_ERROR)]""");
        assertThat(FAILOVER).filteredOnRegion("us-east-1").hasFaults(3);
    }

    @Test
    void requests_read_after_a_mark_are_numbered_from_1_after_it() {
        RequestJournal journal = new RequestJournal(new ControllableClock());
        for (int i = 0; i < 5; i++) {
            journal.record("us-east-1", Operation.CREATE_TABLE, List.of("Setup" + i), 0, null, 200, null, null,
                    Duration.ZERO);
        }
        RecordedRequests test = journal.since(journal.mark());
        journal.record("us-east-1", Operation.PUT_ITEM, List.of("Orders"), 1, "call-1", 200, null, null,
                Duration.ZERO);
        journal.record("us-east-1", Operation.GET_ITEM, List.of("Orders"), 1, "call-2", 400,
                "ResourceNotFoundException", "Requested resource not found", Duration.ZERO);

        assertThatThrownBy(() -> assertThat(test).allSucceeded())
                .hasMessage("""
                        [requests after mark 5]
                        Expecting every request to succeed but 1 request failed:
                          #2  GetItem  Orders  ResourceNotFoundException: Requested resource not found""");
        assertThat(test).filteredOn(r -> r.number() <= 2, "numbered 1 or 2").hasSize(2);
        assertThat(journal.all()).filteredOn(r -> r.number() == 7, "numbered 7 in the whole journal")
                .hasErrors("ResourceNotFoundException", 1);
    }
}
