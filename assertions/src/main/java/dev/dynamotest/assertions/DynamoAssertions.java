package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.AssertContext;
import dev.dynamotest.assertions.internal.ChangeSource;
import dev.dynamotest.assertions.internal.ChangesSubject;
import dev.dynamotest.assertions.internal.EngineTableReader;
import dev.dynamotest.assertions.internal.ExportItemsReader;
import dev.dynamotest.assertions.internal.ItemSubject;
import dev.dynamotest.assertions.internal.ItemsSubject;
import dev.dynamotest.assertions.internal.RemoteTableReader;
import dev.dynamotest.assertions.internal.StreamSource;
import dev.dynamotest.assertions.internal.Values;
import dev.dynamotest.core.DaxCaches;
import dev.dynamotest.core.capacity.Capacity;
import dev.dynamotest.core.capacity.Cost;
import dev.dynamotest.core.capacity.TableCapacity;
import dev.dynamotest.core.changes.ChangeHistory;
import dev.dynamotest.core.regions.Replication;
import dev.dynamotest.core.requests.RecordedRequests;
import dev.dynamotest.core.s3.ExportContents;
import dev.dynamotest.core.streams.StreamRecords;
import dev.dynamotest.core.tables.Table;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The entry point of DynamoTest's assertions: tables, items, changes and streams. It extends AssertJ's
 * {@link Assertions}, so one static import of {@code assertThat} covers DynamoTest's subjects and every other value
 * (a {@code List}, a {@code String}, ...) as AssertJ's own does.
 *
 * <pre>{@code
 * import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
 *
 * assertThat(dynamo.table("Orders"))
 *     .item(Key.of("pk", "A#1", "sk", 1))
 *     .hasAttribute("status", "SHIPPED");
 * }</pre>
 */
public final class DynamoAssertions extends Assertions {

    private DynamoAssertions() {
    }

    /** Assertions on a table read straight from the engine. */
    @CheckReturnValue
    public static TableAssert assertThat(Table table) {
        return new TableAssert(ItemsSubject.of(new EngineTableReader(table), AssertContext.hard()));
    }

    /** Assertions on a table read through an SDK client (DescribeTable, GetItem, Scan). */
    @CheckReturnValue
    public static TableAssert assertThat(RemoteTable table) {
        return new TableAssert(ItemsSubject.of(new RemoteTableReader(table.client(), table.name()),
                AssertContext.hard()));
    }

    /** Assertions on a history of committed changes ({@code dynamo.changes()}, {@code engine.changes().fromNow()}). */
    @CheckReturnValue
    public static ChangesAssert assertThat(ChangeHistory changes) {
        return new ChangesAssert(ChangesSubject.of(ChangeSource.of(changes), AssertContext.hard()));
    }

    /** Assertions on recorded requests ({@code dynamo.requests()}, {@code engine.requests().since(mark)}). */
    @CheckReturnValue
    public static RequestsAssert assertThat(RecordedRequests requests) {
        return new RequestsAssert(requests);
    }

    /** Assertions on the capacity of the tables of a region (or of every region): {@code assertThat(dynamo.capacity()).hadNoThrottling()}. */
    public static CapacityAssert assertThat(Capacity capacity) {
        return new CapacityAssert(capacity);
    }

    /** Assertions on what the tables of a region (or of every region) would cost: {@code assertThat(dynamo.cost()).isAtMost(0.01)}. */
    public static CostAssert assertThat(Cost cost) {
        return new CostAssert(cost);
    }

    /**
     * Assertions on a DAX node's item and query caches ({@code dynamo.dax()} or a {@code DaxServer}):
     * {@code assertThat(dynamo.dax()).itemCache().hasHits(2)}.
     */
    @CheckReturnValue
    public static DaxAssert assertThat(DaxCaches dax) {
        return new DaxAssert(dax);
    }

    /** Assertions on one table's capacity: {@code assertThat(dynamo.capacity().table("Orders")).wasThrottled()}. */
    public static TableCapacityAssert assertThat(TableCapacity capacity) {
        return new TableCapacityAssert(capacity);
    }

    /** Assertions on the records of a table's stream ({@code dynamo.streamRecords("Orders")}). */
    @CheckReturnValue
    public static StreamAssert assertThat(StreamRecords stream) {
        return new StreamAssert(ChangesSubject.of(new StreamSource(stream), AssertContext.hard()));
    }

    /** Assertions on global-table replication ({@code dynamo.replication()} or {@code engine.replication()}). */
    @CheckReturnValue
    public static ReplicationAssert assertThat(Replication replication) {
        return new ReplicationAssert(replication);
    }

    /** Assertions on an export read back from the object store ({@code dynamo.s3().export(exportArn)}). */
    @CheckReturnValue
    public static ExportAssert assertThat(ExportContents export) {
        return new ExportAssert(ItemsSubject.of(new ExportItemsReader(export), AssertContext.hard()));
    }

    /** Assertions on what a stream handler received ({@code dynamo.streams().onTable("Orders").handler(...)}). */
    @CheckReturnValue
    public static HandlerAssert assertThat(HandlerActivity handler) {
        return new HandlerAssert(handler);
    }

    /**
     * Assertions on an item in hand, such as a GetItem response's: a map of SDK attribute values, core
     * attribute values or plain Java values.
     */
    @CheckReturnValue
    public static ItemAssert assertThatItem(Map<String, ?> item) {
        return new ItemAssert(ItemSubject.fixed("Item", Values.item(item), List.of()));
    }

    /**
     * Runs the assertions until they pass or the default timeout passes (5 seconds, or the system property
     * {@code dynamotest.eventually.timeout}); on timeout fails with the last failure.
     */
    public static void eventually(ThrowingCallable assertions) {
        eventually(AssertContext.defaultTimeout(), assertions);
    }

    /** Runs the assertions until they pass or the timeout passes; on timeout fails with the last failure. */
    public static void eventually(Duration timeout, ThrowingCallable assertions) {
        AssertContext.poll(timeout, () -> {
            try {
                assertions.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
