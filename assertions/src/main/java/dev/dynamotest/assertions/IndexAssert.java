package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.ItemsSubject;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * Assertions on what a secondary index holds: its entries are the projected items, identified by the base
 * table's key. Reached with {@link TableAssert#index(String)}.
 *
 * <pre>{@code
 * assertThat(table).index("byStatus")
 *     .hasItemCount(1)
 *     .allItemsSatisfy(item -> item.hasAttribute("status", "SHIPPED"))
 *     .returnToTable().hasItemCount(3);
 * }</pre>
 */
public class IndexAssert extends AbstractItemsAssert<IndexAssert> {

    IndexAssert(ItemsSubject subject) {
        super(subject, IndexAssert.class);
    }

    @Override
    protected IndexAssert copy(ItemsSubject subject) {
        return subject.context().create(IndexAssert.class, ItemsSubject.class, subject, IndexAssert::new);
    }

    /** Back to the table this index belongs to. */
    @CheckReturnValue
    public TableAssert returnToTable() {
        return actual.table();
    }
}
