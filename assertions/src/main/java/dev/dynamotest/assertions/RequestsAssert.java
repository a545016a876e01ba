package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.core.Operation;
import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RecordedRequests;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.regions.Region;

/**
 * Assertions on the requests an endpoint received, as its journal records them: how many of each operation,
 * whether the SDK retried, how they ended and which faults shaped them. Obtain it with
 * {@link DynamoAssertions#assertThat(RecordedRequests)}; each check reads the journal as it is at that moment.
 * A failed check lists the requests it counted, numbered as the test's failure report numbers them (from 1 within
 * the test method), with a region column when the requests asserted on were signed for more than one region.
 *
 * <pre>{@code
 * assertThat(dynamo.requests())
 *     .filteredOnTable("Orders")
 *     .hasCount(Operation.PUT_ITEM, 3)
 *     .hasRetries()
 *     .hasCallWithAttempts(3);
 * }</pre>
 */
public class RequestsAssert extends AbstractAssert<RequestsAssert, RecordedRequests> {

    public RequestsAssert(RecordedRequests requests) {
        super(requests, RequestsAssert.class);
    }

    /** The requests that name a table. */
    @CheckReturnValue
    public RequestsAssert filteredOnTable(String table) {
        return new RequestsAssert(actual.onTable(table));
    }

    /** The requests of an operation. */
    @CheckReturnValue
    public RequestsAssert filteredOn(Operation operation) {
        return new RequestsAssert(actual.ofOperation(operation));
    }

    /** The requests signed for a region. */
    @CheckReturnValue
    public RequestsAssert filteredOnRegion(Region region) {
        return filteredOnRegion(Objects.requireNonNull(region, "region").id());
    }

    /** The requests signed for a region, named by its id ({@code "eu-west-1"}), as {@link Region#of} reads it. */
    @CheckReturnValue
    public RequestsAssert filteredOnRegion(String region) {
        return new RequestsAssert(actual.inRegion(Objects.requireNonNull(region, "region")));
    }

    /** The requests a predicate accepts; {@code description} says which, for messages ("that failed"). */
    @CheckReturnValue
    public RequestsAssert filteredOn(Predicate<RecordedRequest> predicate, String description) {
        return new RequestsAssert(actual.filter(predicate, description));
    }

    /** Verifies the number of requests (every attempt counts). */
    public RequestsAssert hasSize(int expected) {
        List<RecordedRequest> requests = actual.list();
        if (requests.size() != expected) {
            throw fail("Expecting " + Messages.count(expected, "request") + " but found " + requests.size()
                    + listing(requests));
        }
        return this;
    }

    /** Verifies that there are no requests. */
    public RequestsAssert isEmpty() {
        return hasSize(0);
    }

    /** Verifies the number of requests of an operation (every attempt counts). */
    public RequestsAssert hasCount(Operation operation, int expected) {
        return count(r -> r.operation() == operation, expected, operation.apiName() + " request");
    }

    /** Verifies the number of SDK calls (requests grouped by invocation id; a retried call counts once). */
    public RequestsAssert hasCalls(int expected) {
        Map<String, List<RecordedRequest>> calls = actual.byInvocation();
        if (calls.size() != expected) {
            throw fail("Expecting " + Messages.count(expected, "call") + " but found " + calls.size()
                    + listing(actual.list()));
        }
        return this;
    }

    /** Verifies that some call was sent exactly {@code attempts} times (attempts of one invocation id). */
    public RequestsAssert hasCallWithAttempts(int attempts) {
        Map<String, List<RecordedRequest>> calls = actual.byInvocation();
        if (calls.values().stream().noneMatch(c -> c.size() == attempts)) {
            throw fail("Expecting a call made in " + Messages.count(attempts, "attempt") + " but found calls of "
                    + calls.values().stream().map(List::size).toList() + " attempts" + listing(actual.list()));
        }
        return this;
    }

    /** Verifies that the SDK retried at least one call (a request with attempt 2 or later). */
    public RequestsAssert hasRetries() {
        List<RecordedRequest> requests = actual.list();
        if (requests.stream().noneMatch(RecordedRequest::isRetry)) {
            throw fail("Expecting retries but every request was a first attempt" + listing(requests));
        }
        return this;
    }

    /** Verifies that the SDK retried no call. */
    public RequestsAssert hasNoRetries() {
        List<RecordedRequest> retries = actual.list().stream().filter(RecordedRequest::isRetry).toList();
        if (!retries.isEmpty()) {
            throw fail("Expecting no retries but found " + Messages.count(retries.size(), "retry request")
                    + listing(retries));
        }
        return this;
    }

    /** Verifies that every request succeeded. */
    public RequestsAssert allSucceeded() {
        List<RecordedRequest> failed = actual.list().stream().filter(RecordedRequest::failed).toList();
        if (!failed.isEmpty()) {
            throw fail("Expecting every request to succeed but " + Messages.count(failed.size(), "request")
                    + " failed" + listing(failed));
        }
        return this;
    }

    /** Verifies the number of requests that ended in an error of that type ({@code ThrottlingException}, ...). */
    public RequestsAssert hasErrors(String errorType, int expected) {
        return count(r -> errorType.equals(r.errorType()), expected, errorType + " error");
    }

    /** Verifies the number of requests a fault (a fault rule or a region outage) shaped. */
    public RequestsAssert hasFaults(int expected) {
        return count(RecordedRequest::faulted, expected, "faulted request");
    }

    /**
     * Counts the requests a predicate accepts; a wrong count lists those it counted, or, when it counted none, the
     * requests it looked at, under a heading that says so.
     */
    private RequestsAssert count(Predicate<RecordedRequest> counted, int expected, String noun) {
        List<RecordedRequest> requests = actual.list();
        List<RecordedRequest> matching = requests.stream().filter(counted).toList();
        if (matching.size() != expected) {
            String message = "Expecting " + Messages.count(expected, noun) + " but found " + matching.size();
            throw fail(!matching.isEmpty() || requests.isEmpty() ? message + listing(matching)
                    : message + "; the requests were" + listing(requests));
        }
        return this;
    }

    private AssertionError fail(String message) {
        return Messages.failure(actual.description(), message);
    }

    /** The requests, numbered as in the test, with a region column when the requests asserted on span regions. */
    private String listing(List<RecordedRequest> requests) {
        return requests.isEmpty() ? "" : ":\n" + Messages.list(actual.listing(requests));
    }
}
