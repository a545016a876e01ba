package dev.dynamotest.assertions.internal;

import dev.dynamotest.assertions.TableAssert;
import dev.dynamotest.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an item assertion looks at: one item, read afresh by each check when it comes from a table.
 *
 * @param location the item's location for messages
 * @param reader   reads the item; empty when it is not there
 * @param keyNames the key attribute names, shown first
 * @param context  how checks run
 * @param table    the table assertion to return to, or {@code null}
 * @param missing  the failure when the item is not there, given the location to show
 * @param reported whether the item was missing when navigated to and that was already reported (soft
 *                 assertions), so that its checks are skipped
 */
public record ItemSubject(String location, Supplier<Optional<Map<String, AttributeValue>>> reader,
        List<String> keyNames, AssertContext context, TableAssert table,
        Function<String, AssertionError> missing, boolean reported) {

    /** An item given as a value, not read from a table. */
    public static ItemSubject fixed(String location, Map<String, AttributeValue> item, List<String> keyNames) {
        return new ItemSubject(location, () -> Optional.of(item), keyNames, AssertContext.hard(), null,
                where -> new AssertionError(where), false);
    }

    /** The item as it is now; fails when it is gone. */
    public Map<String, AttributeValue> read(String where) {
        return reader.get().orElseThrow(() -> missing.apply(where));
    }

    /** The item when first looked at, or {@code null} if it was not there. */
    public Map<String, AttributeValue> snapshot() {
        return reader.get().orElse(null);
    }

    public String render(Map<String, AttributeValue> item) {
        return Render.item(item, keyNames);
    }
}
