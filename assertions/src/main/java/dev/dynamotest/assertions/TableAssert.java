package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.ItemSubject;
import dev.dynamotest.assertions.internal.ItemsSubject;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * Assertions on what a table holds, with navigation to one item ({@link #item(Key)}) or to a secondary index
 * ({@link #index(String)}) and back. Obtain it with {@link DynamoAssertions#assertThat(dev.dynamotest.core.Table)}.
 *
 * <pre>{@code
 * assertThat(dynamo.table("Orders"))
 *     .hasItemCount(2)
 *     .containsItem(Key.of("pk", "A#1", "sk", 1))
 *     .index("byStatus").containsItem(Key.of("pk", "A#1", "sk", 1));
 * }</pre>
 */
public class TableAssert extends AbstractItemsAssert<TableAssert> {

    public TableAssert(ItemsSubject subject) {
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
}
