package dev.dynamotest.core.tables;

import dev.dynamotest.core.model.AttributeValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One table's stored contents, read straight from the engine: no capacity is consumed and no request is
 * made, so assertions and test diagnostics can look without disturbing what they look at.
 */
public interface Table {

    /** Another table of this table's region, in the same engine, if it exists. */
    Optional<Table> sibling(String name);

    /**
     * The table of this name in another region of the engine, such as a global table's replica:
     * {@code assertThat(dynamo.table("Orders").in("eu-west-1")).containsItem(key)}.
     *
     * @throws IllegalArgumentException when that region has no such table
     */
    Table in(String region);

    /** The attribute holding the items' expiry time, if the table has time to live enabled. */
    Optional<String> timeToLiveAttribute();

    /**
     * The items whose time to live has passed on the engine clock but which the sweep has not deleted yet, in
     * Scan order (none when the table has no time to live enabled).
     */
    List<Map<String, AttributeValue>> expiredItems();

    String name();

    String region();

    String arn();

    /** The partition key attribute name. */
    String partitionKey();

    /** The sort key attribute name, if the table has one. */
    Optional<String> sortKey();

    /** The names of the table's secondary indexes. */
    List<String> indexNames();

    /** The number of items. */
    long itemCount();

    /** The item with the given key attributes, if present. */
    Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key);

    /** Every item, in the order a Scan returns them. */
    List<Map<String, AttributeValue>> items();

    /** Every entry of a secondary index (the projected items), in the order a Scan of the index returns them. */
    List<Map<String, AttributeValue>> indexItems(String indexName);

    /**
     * Removes every item at once, without change records: a reset between tests, not a DynamoDB operation
     * (streams and change assertions see nothing of it).
     */
    void truncate();

    /**
     * The items as they were at an instant (every change made at or before it included), in the order a Scan
     * returns them, rebuilt from the engine's change records. The records reach back to the table's creation or
     * last {@link #truncate() reset}, but no further than the engine keeps them: 24 hours, or the recovery period
     * of a table with point-in-time recovery.
     *
     * @throws IllegalArgumentException when the records do not reach back to {@code at}
     */
    List<Map<String, AttributeValue>> itemsAt(Instant at);
}
