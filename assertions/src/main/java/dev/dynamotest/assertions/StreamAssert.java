package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.AssertContext;
import dev.dynamotest.assertions.internal.ChangesSubject;
import java.time.Duration;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * Assertions on the records of a table's DynamoDB stream: how many, and which inserts, modifications and
 * removals, optionally in order and polled until they arrive. Obtain it with
 * {@link DynamoAssertions#assertThat(StreamRecords)}; it works as {@link ChangesAssert} does, with DynamoDB's
 * event names.
 *
 * <pre>{@code
 * assertThat(dynamo.streamRecords("Orders")).eventually().inOrder()
 *     .containsInsertOf(Key.of("pk", "A#1"))
 *     .containsModifyOf(Key.of("pk", "A#1")).hasOldValue("status", "NEW").hasNewValue("status", "SHIPPED");
 * }</pre>
 */
public class StreamAssert extends ChangesAssert {

    StreamAssert(ChangesSubject subject) {
        super(subject);
    }

    @Override
    protected StreamAssert copy(ChangesSubject subject) {
        return subject.context().create(StreamAssert.class, ChangesSubject.class, subject, StreamAssert::new);
    }

    /** From here on, each record asked for must come after the one matched before it. */
    @Override
    @CheckReturnValue
    public StreamAssert inOrder() {
        return copy(actual.inOrder());
    }

    /** The same assertions, each polled until it passes or the default timeout passes. */
    @Override
    @CheckReturnValue
    public StreamAssert eventually() {
        return eventually(AssertContext.defaultTimeout());
    }

    /** The same assertions, each polled until it passes or the timeout passes. */
    @Override
    @CheckReturnValue
    public StreamAssert eventually(Duration timeout) {
        return copy(actual.with(actual.context().eventually(timeout)));
    }

    /** Verifies the number of records. */
    public StreamAssert hasRecords(int expected) {
        hasSize(expected);
        return this;
    }

    /** Verifies that a MODIFY record of the item with that key is there; then assert on its old and new values. */
    public ChangeAssert containsModifyOf(Key key) {
        return containsModificationOf(key);
    }

    /** Verifies that a REMOVE record of the item with that key is there; then assert on its old image. */
    public ChangeAssert containsRemoveOf(Key key) {
        return containsRemovalOf(key);
    }
}
