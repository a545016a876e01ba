package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.ChangeSubject;
import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.assertions.internal.Render;
import dev.dynamotest.assertions.internal.TypeHint;
import dev.dynamotest.assertions.internal.ValueEquality;
import dev.dynamotest.assertions.internal.Values;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.ChangeRecord;
import java.util.List;
import java.util.Map;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one item's change found by {@link ChangesAssert}: its values before (the old image) and after
 * (the new image). For several modifications of the item, "before" is before the first and "after" is after
 * the last.
 */
public class ChangeAssert extends AbstractAssert<ChangeAssert, ChangeSubject> {

    ChangeAssert(ChangeSubject subject) {
        super(subject, ChangeAssert.class);
    }

    /** Verifies an attribute's value before the change (plain Java value or attribute value). */
    public ChangeAssert hasOldValue(String name, Object expected) {
        return verify("old", name, expected);
    }

    /** Verifies an attribute's value after the change (plain Java value or attribute value). */
    public ChangeAssert hasNewValue(String name, Object expected) {
        return verify("new", name, expected);
    }

    /** Back to the changes, to assert on others. */
    @CheckReturnValue
    public ChangesAssert returnToChanges() {
        return actual.parent();
    }

    /** Verifies that the item with that key was inserted, as {@link ChangesAssert#containsInsertOf(Key)}. */
    public ChangeAssert containsInsertOf(Key key) {
        return actual.parent().containsInsertOf(key);
    }

    /** Verifies that the item with that key was modified, as {@link ChangesAssert#containsModificationOf(Key)}. */
    public ChangeAssert containsModificationOf(Key key) {
        return actual.parent().containsModificationOf(key);
    }

    /** Verifies that the item with that key was removed, as {@link ChangesAssert#containsRemovalOf(Key)}. */
    public ChangeAssert containsRemovalOf(Key key) {
        return actual.parent().containsRemovalOf(key);
    }

    /** Verifies that the item with that key was modified, as {@link StreamAssert#containsModifyOf(Key)}. */
    public ChangeAssert containsModifyOf(Key key) {
        return actual.parent().containsModificationOf(key);
    }

    /** Verifies that the item with that key was removed, as {@link StreamAssert#containsRemoveOf(Key)}. */
    public ChangeAssert containsRemoveOf(Key key) {
        return actual.parent().containsRemovalOf(key);
    }

    private ChangeAssert verify(String which, String name, Object expected) {
        AttributeValue wanted = Values.of(expected);
        if (actual.reported()) {
            return myself;
        }
        actual.context().check(() -> {
            List<ChangeRecord> changes = actual.changes().get();
            if (changes.isEmpty()) {
                throw error("Expecting " + which + " value of attribute " + Render.quote(name)
                        + ", but the change is not there");
            }
            Map<String, AttributeValue> image = which.equals("old") ? changes.get(0).oldImage()
                    : changes.get(changes.size() - 1).newImage();
            if (image == null) {
                throw error("Expecting " + which + " value of attribute " + Render.quote(name) + " to be:\n  "
                        + Render.value(wanted) + "\nbut " + missingImage(which, changes.get(0).eventName()));
            }
            AttributeValue found = image.get(name);
            if (found == null) {
                throw error("Expecting the " + which + " image:\n" + Render.indent(Render.item(image,
                        List.copyOf(changes.get(0).keys().keySet())), 2) + "\nto have attribute "
                        + Render.quote(name) + " equal to:\n  " + Render.value(wanted) + "\nbut it has no attribute "
                        + Render.quote(name));
            }
            if (!ValueEquality.equal(wanted, found)) {
                throw error("Expecting " + which + " value of attribute " + Render.quote(name) + ":\n  "
                        + Render.value(found) + "\nto be:\n  " + Render.value(wanted)
                        + TypeHint.of(wanted, found).map(hint -> "\n" + hint).orElse(""));
            }
        });
        return myself;
    }

    private static String missingImage(String which, String event) {
        if (event.equals("MODIFY")) {
            return "the record carries no " + which + " image (see the stream's view type)";
        }
        return which.equals("old") ? "an insert has no old image" : "a removal has no new image";
    }

    private AssertionError error(String message) {
        String described = descriptionText();
        return Messages.failure(described == null || described.isEmpty() ? actual.location() : described, message);
    }
}
