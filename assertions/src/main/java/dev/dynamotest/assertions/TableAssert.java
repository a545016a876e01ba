package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.ItemSetComparison;
import dev.dynamotest.assertions.internal.ItemSubject;
import dev.dynamotest.assertions.internal.ItemsSubject;
import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.assertions.internal.Render;
import dev.dynamotest.core.model.AttributeValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * Assertions on what a table holds, with navigation to one item ({@link #item(Key)}) or to a secondary index
 * ({@link #index(String)}) and back. Obtain it with {@link DynamoAssertions#assertThat(dev.dynamotest.core.tables.Table)}.
 *
 * <pre>{@code
 * assertThat(dynamo.table("Orders"))
 *     .hasItemCount(2)
 *     .containsItem(Key.of("pk", "A#1", "sk", 1))
 *     .index("byStatus").containsItem(Key.of("pk", "A#1", "sk", 1));
 * assertThat(dynamo.table("Orders_restored")).matchesTableAt("Orders", restoredTo);
 * assertThat(dynamo.table("Sessions")).containsExpiredItem(Key.of("id", "s1")).hasNoExpiredItems(); // fails
 * }</pre>
 */
public class TableAssert extends AbstractItemsAssert<TableAssert> {

    TableAssert(ItemsSubject subject) {
        super(subject, TableAssert.class);
    }

    @Override
    protected TableAssert copy(ItemsSubject subject) {
        return subject.context().create(TableAssert.class, ItemsSubject.class, subject, TableAssert::new);
    }

    /**
     * Navigates to the item with that key; fails, showing the nearest keys, if there is none. After
     * {@link #eventually()} it waits for the item to appear.
     */
    @CheckReturnValue
    public ItemAssert item(Key key) {
        Map<String, AttributeValue> attributes = key.attributes();
        boolean reported = false;
        try {
            check(() -> {
                if (actual.find(attributes).isEmpty()) {
                    throw actual.missing(where(), attributes);
                }
            });
        } catch (AssertionError missing) {
            actual.context().report(missing);
            reported = true;
        }
        ItemSubject item = new ItemSubject(actual.itemLocation(attributes), () -> actual.find(attributes),
                actual.keyNames(), actual.context(), this, where -> actual.missing(where, attributes), reported);
        return actual.context().create(ItemAssert.class, ItemSubject.class, item, ItemAssert::new);
    }

    /** Navigates to a secondary index (global or local) of the table, to assert on the entries it holds. */
    @CheckReturnValue
    public IndexAssert index(String indexName) {
        ItemsSubject index = actual.index(indexName, this);
        return index.context().create(IndexAssert.class, ItemsSubject.class, index, IndexAssert::new);
    }

    /**
     * Verifies that the table holds exactly what the table {@code sourceName} (same region) held at {@code at}: what
     * a point-in-time restore or a backup taken then should give. The source's past is rebuilt from the engine's
     * change records.
     */
    public TableAssert matchesTableAt(String sourceName, Instant at) {
        check(() -> {
            List<Map<String, AttributeValue>> expected = actual.reader().itemsOfTableAt(sourceName, at);
            ItemSetComparison comparison = ItemSetComparison.of(expected, actual.items(), actual.keyNames());
            if (!comparison.matches()) {
                throw error("Expecting table to hold exactly what table " + sourceName + " held at " + at + ":\n"
                        + Messages.list(expected.stream().map(actual::render).toList()) + "\nbut "
                        + comparison.describe());
            }
        });
        return this;
    }

    /**
     * Verifies that the item with that key is still there although its time to live has passed on the engine
     * clock: expired, not yet swept (DynamoDB deletes expired items some time after they expire).
     */
    public TableAssert containsExpiredItem(Key key) {
        check(() -> {
            Map<String, AttributeValue> attributes = key.attributes();
            Optional<Map<String, AttributeValue>> item = actual.find(attributes);
            if (item.isEmpty()) {
                throw error("Expecting table to contain an expired, not yet swept item with key:\n  "
                        + Render.key(attributes, actual.keyNames()) + "\nbut there is no such item (already swept, "
                        + "or never written)");
            }
            if (actual.reader().expiredItems().stream().noneMatch(i -> actual.sameKey(attributes, i))) {
                String attribute = actual.reader().timeToLiveAttribute().orElse(null);
                throw error("Expecting item with key:\n  " + Render.key(attributes, actual.keyNames())
                        + "\nto have expired, but " + (attribute == null ? "the table has no time to live enabled"
                        : "its " + attribute + " has not passed: " + actual.render(item.get())));
            }
        });
        return this;
    }

    /** Verifies that no expired item is left: every item whose time to live has passed has been swept. */
    public TableAssert hasNoExpiredItems() {
        check(() -> {
            List<Map<String, AttributeValue>> expired = actual.reader().expiredItems();
            if (!expired.isEmpty()) {
                throw error("Expecting table to hold no expired items, but " + Messages.count(expired.size(), "item")
                        + " expired and not swept yet:\n" + Messages.list(expired.stream().map(actual::render)
                        .toList()));
            }
        });
        return this;
    }
}
