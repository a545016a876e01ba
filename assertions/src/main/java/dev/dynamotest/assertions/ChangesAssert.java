package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.AssertContext;
import dev.dynamotest.assertions.internal.ChangeSubject;
import dev.dynamotest.assertions.internal.ChangesSubject;
import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the item changes committed since a mark: how many, and which inserts, modifications and
 * removals, optionally of one table and in order. Obtain it with
 * {@link DynamoAssertions#assertThat(dev.dynamotest.core.changes.ChangeHistory)}.
 *
 * <pre>{@code
 * ChangeHistory changes = engine.changes().fromNow();
 * orders.ship("A#1");
 * assertThat(changes).onTable("Orders").hasSize(1)
 *     .containsModificationOf(Key.of("pk", "A#1"))
 *     .hasOldValue("status", "NEW").hasNewValue("status", "SHIPPED");
 * }</pre>
 */
public class ChangesAssert extends AbstractAssert<ChangesAssert, ChangesSubject> {

    ChangesAssert(ChangesSubject subject) {
        super(subject, ChangesAssert.class);
    }

    /** A new assert of this kind on another subject; kinds that extend this one make their own. */
    protected ChangesAssert copy(ChangesSubject subject) {
        return subject.context().create(ChangesAssert.class, ChangesSubject.class, subject, ChangesAssert::new);
    }

    /** Only the changes to tables of that name. */
    @CheckReturnValue
    public ChangesAssert onTable(String tableName) {
        return copy(actual.onTable(tableName));
    }

    /** From here on, each change asked for must come after the one matched before it. */
    @CheckReturnValue
    public ChangesAssert inOrder() {
        return copy(actual.inOrder());
    }

    /** The same assertions, each polled until it passes or the default timeout passes. */
    @CheckReturnValue
    public ChangesAssert eventually() {
        return eventually(AssertContext.defaultTimeout());
    }

    /** The same assertions, each polled until it passes or the timeout passes. */
    @CheckReturnValue
    public ChangesAssert eventually(Duration timeout) {
        return copy(actual.with(actual.context().eventually(timeout)));
    }

    /** Verifies the number of changes. */
    public ChangesAssert hasSize(int expected) {
        check(() -> {
            List<ChangeRecord> records = actual.records();
            if (records.size() != expected) {
                throw error("Expecting number of " + actual.noun() + ":\n  " + records.size() + "\nto be:\n  "
                        + expected + (records.isEmpty() ? "" : "\n" + capitalized(actual.noun()) + ":\n"
                        + ChangesSubject.list(records)));
            }
        });
        return myself;
    }

    /** Verifies that nothing changed. */
    public ChangesAssert isEmpty() {
        check(() -> {
            List<ChangeRecord> records = actual.records();
            if (!records.isEmpty()) {
                throw error("Expecting no " + actual.noun() + ", but there " + (records.size() == 1 ? "is " : "are ")
                        + records.size() + ":\n" + ChangesSubject.list(records));
            }
        });
        return myself;
    }

    /** Verifies that the item with that key was inserted; then assert on its new image. */
    public ChangeAssert containsInsertOf(Key key) {
        return contains("INSERT", "an insert", "Insert", key);
    }

    /** Verifies that the item with that key was modified; then assert on its values before and after. */
    public ChangeAssert containsModificationOf(Key key) {
        return contains("MODIFY", "a modification", "Modification", key);
    }

    /** Verifies that the item with that key was removed; then assert on its old image. */
    public ChangeAssert containsRemovalOf(Key key) {
        return contains("REMOVE", "a removal", "Removal", key);
    }

    private ChangeAssert contains(String event, String what, String noun, Key key) {
        Map<String, AttributeValue> attributes = key.attributes();
        int after = actual.ordered() ? actual.cursor().get() : -1;
        boolean reported = false;
        try {
            check(() -> {
                List<ChangeRecord> records = actual.records();
                List<Integer> found = actual.matches(records, event, attributes, after);
                if (found.isEmpty()) {
                    throw error("Expecting " + what + " of " + key + (after < 0 ? ", "
                            : " after:\n  " + ChangesSubject.render(records.get(after)) + "\n")
                            + missing(records, actual.noun()));
                }
                if (actual.ordered()) {
                    actual.cursor().set(found.get(0));
                }
            });
        } catch (AssertionError e) {
            actual.context().report(e);
            reported = true;
        }
        String table = actual.table() == null ? "" : " in table " + actual.table();
        ChangeSubject change = new ChangeSubject(noun + " of " + key + table, () -> {
            List<ChangeRecord> records = actual.records();
            return actual.matches(records, event, attributes, after).stream().map(records::get)
                    .collect(Collectors.toList());
        }, actual.context(), this, reported);
        return actual.context().create(ChangeAssert.class, ChangeSubject.class, change, ChangeAssert::new);
    }

    private static String missing(List<ChangeRecord> records, String noun) {
        return records.isEmpty() ? "but there are no " + noun
                : "but there is none; the " + noun + " are:\n" + ChangesSubject.list(records);
    }

    private static String capitalized(String noun) {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }

    private void check(Runnable check) {
        actual.context().check(check);
    }

    private AssertionError error(String message) {
        String described = descriptionText();
        return Messages.failure(described == null || described.isEmpty() ? actual.location() : described, message);
    }
}
