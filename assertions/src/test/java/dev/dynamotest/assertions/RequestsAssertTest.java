package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.Operation;
import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RecordedRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestsAssertTest {

    private static final String THROTTLED = "ProvisionedThroughputExceededException";

    private static RecordedRequest request(int number, Operation operation, String table, int attempt, String call,
            String error, String fault) {
        return new RecordedRequest(number, Instant.parse("2024-01-01T00:00:00Z"), "us-east-1", operation,
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
                        Expecting 1 PutItem requests but found 0:
                          #4 GetItem Customers (us-east-1, attempt 1) OK""");
    }

    @Test
    void reports_a_wrong_size() {
        assertThatThrownBy(() -> assertThat(REQUESTS).filteredOn(Operation.GET_ITEM).hasSize(2))
                .hasMessage("""
                        [requests of the test with GetItem]
                        Expecting 2 requests but found 1:
                          #4 GetItem Customers (us-east-1, attempt 1) OK""");
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
                          #4 GetItem Customers (us-east-1, attempt 1) OK""");
    }

    @Test
    void reports_unexpected_retries() {
        assertThatThrownBy(() -> assertThat(REQUESTS).hasNoRetries())
                .hasMessage("""
                        [requests of the test]
                        Expecting no retries but found 2 retry requests:
                          #2 PutItem Orders (us-east-1, attempt 2) ProvisionedThroughputExceededException [fault: throttle]
                          #3 PutItem Orders (us-east-1, attempt 3) OK""");
    }

    @Test
    void reports_a_missing_call_of_so_many_attempts() {
        assertThatThrownBy(() -> assertThat(REQUESTS).filteredOn(Operation.GET_ITEM).hasCallWithAttempts(2))
                .hasMessage("""
                        [requests of the test with GetItem]
                        Expecting a call made in 2 attempts but found calls of [1] attempts:
                          #4 GetItem Customers (us-east-1, attempt 1) OK""");
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
                          #1 PutItem Orders (us-east-1, attempt 1) ProvisionedThroughputExceededException [fault: throttle]
                          #2 PutItem Orders (us-east-1, attempt 2) ProvisionedThroughputExceededException [fault: throttle]""");
    }

    @Test
    void counts_errors_and_faults() {
        assertThat(REQUESTS).hasErrors(THROTTLED, 2).hasErrors("ThrottlingException", 0).hasFaults(2);
        assertThat(REQUESTS).filteredOn(r -> r.succeeded(), "that succeeded").hasFaults(0).hasSize(2);
        assertThatThrownBy(() -> assertThat(REQUESTS).filteredOnRegion("eu-west-1").hasFaults(1))
                .hasMessage("""
                        [requests of the test in region eu-west-1]
                        Expecting 1 faulted request but found 0""");
        assertThatThrownBy(() -> assertThat(REQUESTS).filteredOn(Operation.GET_ITEM).hasErrors(THROTTLED, 1))
                .hasMessage("""
                        [requests of the test with GetItem]
                        Expecting 1 ProvisionedThroughputExceededException errors but found 0:
                          #4 GetItem Customers (us-east-1, attempt 1) OK""");
    }
}
