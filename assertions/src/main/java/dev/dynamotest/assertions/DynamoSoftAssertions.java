package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.AssertContext;
import dev.dynamotest.assertions.internal.ChangeSource;
import dev.dynamotest.assertions.internal.ChangesSubject;
import dev.dynamotest.assertions.internal.EngineTableReader;
import dev.dynamotest.assertions.internal.ItemsSubject;
import dev.dynamotest.assertions.internal.RemoteTableReader;
import dev.dynamotest.assertions.internal.StreamSource;
import dev.dynamotest.core.DaxCaches;
import dev.dynamotest.core.changes.ChangeHistory;
import dev.dynamotest.core.streams.StreamRecords;
import dev.dynamotest.core.tables.Table;
import java.util.function.Consumer;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Soft assertions: every failure of a block is collected, including those after navigation to an item, an
 * index or a change, and reported together by {@link #assertAll()}.
 *
 * <pre>{@code
 * DynamoSoftAssertions.assertSoftly(softly -> {
 *     softly.assertThat(table).hasItemCount(2);
 *     softly.assertThat(table).item(Key.of("pk", "A#1")).hasAttribute("status", "SHIPPED");
 * });
 * }</pre>
 */
public class DynamoSoftAssertions extends AbstractSoftAssertions {

    /** Runs the block with fresh soft assertions, then fails with every failure it collected. */
    public static void assertSoftly(Consumer<DynamoSoftAssertions> block) {
        DynamoSoftAssertions softly = new DynamoSoftAssertions();
        block.accept(softly);
        softly.assertAll();
    }

    /** Soft assertions on a table read straight from the engine. */
    @CheckReturnValue
    public TableAssert assertThat(Table table) {
        return table(ItemsSubject.of(new EngineTableReader(table), AssertContext.soft(this)));
    }

    /** Soft assertions on a table read through an SDK client. */
    @CheckReturnValue
    public TableAssert assertThat(RemoteTable table) {
        return table(ItemsSubject.of(new RemoteTableReader(table.client(), table.name()), AssertContext.soft(this)));
    }

    /** Soft assertions on the changes committed since a mark. */
    @CheckReturnValue
    public ChangesAssert assertThat(ChangeHistory changes) {
        return proxy(ChangesAssert.class, ChangesSubject.class, ChangesSubject.of(ChangeSource.of(changes), AssertContext.soft(this)));
    }

    /** Soft assertions on the records of a table's stream. */
    @CheckReturnValue
    public StreamAssert assertThat(StreamRecords stream) {
        AssertContext context = AssertContext.soft(this);
        return context.create(StreamAssert.class, ChangesSubject.class,
                ChangesSubject.of(new StreamSource(stream), context), StreamAssert::new);
    }

    /** Soft assertions on an export read back from the object store. */
    @CheckReturnValue
    public ExportAssert assertThat(dev.dynamotest.core.s3.ExportContents export) {
        return proxy(ExportAssert.class, ItemsSubject.class, ItemsSubject.of(
                new dev.dynamotest.assertions.internal.ExportItemsReader(export), AssertContext.soft(this)));
    }

    /**
     * Soft assertions on a DAX node's caches ({@code dynamo.dax()} or a {@code DaxServer}), including those on one
     * cache after {@code itemCache()} or {@code queryCache()}.
     */
    @CheckReturnValue
    public DaxAssert assertThat(DaxCaches dax) {
        AssertContext context = AssertContext.soft(this);
        return context.create(DaxAssert.class, DaxAssert.Subject.class, new DaxAssert.Subject(dax, context),
                DaxAssert::new);
    }

    /** Soft assertions on what a stream handler received. */
    @CheckReturnValue
    public HandlerAssert assertThat(HandlerActivity handler) {
        return proxy(HandlerAssert.class, HandlerActivity.class, handler);
    }

    private TableAssert table(ItemsSubject subject) {
        return proxy(TableAssert.class, ItemsSubject.class, subject);
    }
}
