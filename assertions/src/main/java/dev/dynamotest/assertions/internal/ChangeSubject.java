package dev.dynamotest.assertions.internal;

import dev.dynamotest.assertions.ChangesAssert;
import dev.dynamotest.core.model.ChangeRecord;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a single-change assertion looks at: the changes of one kind to one item (for a modification, every
 * modification of it), read afresh by each check.
 *
 * @param location the change's location for messages
 * @param changes  reads the matching changes, in commit order
 * @param context  how checks run
 * @param parent   the change-set assertion to return to
 * @param reported whether the change was missing and that was already reported (soft assertions)
 */
public record ChangeSubject(String location, Supplier<List<ChangeRecord>> changes, AssertContext context,
        ChangesAssert parent, boolean reported) {
}
