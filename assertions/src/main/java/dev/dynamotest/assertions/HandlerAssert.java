package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.HandlerLines;
import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.core.model.StreamRecord;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a stream handler received: its invocations, the records it processed in order, its
 * failures and what went to its on-failure destination. Obtain it with
 * {@link DynamoAssertions#assertThat(HandlerActivity)}; wait for the handler first
 * ({@code dynamo.streams().awaitQuiet()}).
 *
 * <pre>{@code
 * dynamo.streams().awaitQuiet();
 * assertThat(handler).hasFailures(1).processed(Key.of("pk", "A#1"))
 *     .hasOnFailureRecord("RetryAttemptsExhausted", 1);
 * }</pre>
 */
public class HandlerAssert extends AbstractAssert<HandlerAssert, HandlerActivity> {

    public HandlerAssert(HandlerActivity actual) {
        super(actual, HandlerAssert.class);
    }

    /** Verifies how often the handler was invoked, retries included. */
    public HandlerAssert hasInvocations(int expected) {
        isNotNull();
        List<HandlerInvocation> invocations = actual.invocations();
        if (invocations.size() != expected) {
            throw failure("Expecting number of invocations:\n  " + invocations.size() + "\nto be:\n  " + expected
                    + HandlerLines.invocations(invocations));
        }
        return this;
    }

    /** Verifies the sizes of the batches the handler was given, in order, retries included. */
    public HandlerAssert hasBatchSizes(int... expected) {
        isNotNull();
        List<HandlerInvocation> invocations = actual.invocations();
        int[] sizes = invocations.stream().mapToInt(i -> i.records().size()).toArray();
        if (!Arrays.equals(sizes, expected)) {
            throw failure("Expecting batch sizes:\n  " + Arrays.toString(sizes) + "\nto be:\n  "
                    + Arrays.toString(expected) + HandlerLines.invocations(invocations));
        }
        return this;
    }

    /** Verifies how many invocations failed: threw, or reported items as failed. */
    public HandlerAssert hasFailures(int expected) {
        isNotNull();
        List<HandlerInvocation> invocations = actual.invocations();
        long failed = invocations.stream().filter(i -> !i.succeeded()).count();
        if (failed != expected) {
            throw failure("Expecting number of failed invocations:\n  " + failed + "\nto be:\n  " + expected
                    + HandlerLines.invocations(invocations));
        }
        return this;
    }

    /** Verifies that every invocation succeeded. */
    public HandlerAssert hasNoFailures() {
        return hasFailures(0);
    }

    /**
     * Verifies the records the handler processed, in order, by their items' keys: each record of a successful
     * invocation, and those before the first reported failure of a partial batch response.
     */
    public HandlerAssert processed(Key... expected) {
        isNotNull();
        List<StreamRecord> processed = actual.invocations().stream().flatMap(i -> i.processed().stream()).toList();
        List<Key> keys = processed.stream().map(r -> Key.from(r.keys())).toList();
        if (!keys.equals(List.of(expected))) {
            throw failure("Expecting the processed records to be of the items:\n  "
                    + Arrays.stream(expected).map(Key::toString).reduce((a, b) -> a + ", " + b).orElse("(none)")
                    + "\nbut the handler processed " + Messages.count(processed.size(), "record")
                    + (processed.isEmpty() ? "" : ":\n" + Messages.list(processed.stream()
                            .map(HandlerLines::record).toList()))
                    + HandlerLines.invocations(actual.invocations()));
        }
        return this;
    }

    /** Verifies how many invocation records went to the on-failure destination. */
    public HandlerAssert hasOnFailureRecords(int expected) {
        isNotNull();
        List<OnFailureRecord> records = actual.onFailureRecords();
        if (records.size() != expected) {
            throw failure("Expecting number of on-failure destination records:\n  " + records.size()
                    + "\nto be:\n  " + expected + HandlerLines.onFailure(records));
        }
        return this;
    }

    /** Verifies that the on-failure destination received a record of that condition for a batch of that size. */
    public HandlerAssert hasOnFailureRecord(String condition, int batchSize) {
        isNotNull();
        List<OnFailureRecord> records = actual.onFailureRecords();
        if (records.stream().noneMatch(r -> r.condition().equals(condition) && r.batchSize() == batchSize)) {
            throw failure("Expecting an on-failure destination record:\n  " + condition + ", batch of " + batchSize
                    + "\nbut " + (records.isEmpty() ? "there is none" : "there are only:")
                    + HandlerLines.onFailure(records).replaceFirst("^\non-failure destination records:", ""));
        }
        return this;
    }

    private AssertionError failure(String message) {
        return Messages.failure(actual.description(), message);
    }
}
