package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one table's current contents, from the engine or through an SDK client; every call reads afresh. */
public interface TableReader {

    String name();

    String region();

    /** The partition key name, then the sort key name if there is one. */
    List<String> keyNames();

    List<String> indexNames();

    long itemCount();

    Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key);

    List<Map<String, AttributeValue>> items();

    List<Map<String, AttributeValue>> indexItems(String indexName);

    /** The attribute holding items' expiry time, if the table has time to live enabled. */
    default Optional<String> timeToLiveAttribute() {
        throw new UnsupportedOperationException("time to live is known for tables read from the engine, "
                + "such as dynamo.table(name), not for table " + name());
    }

    /** The items whose time to live has passed but which have not been swept yet. */
    default List<Map<String, AttributeValue>> expiredItems() {
        throw new UnsupportedOperationException("expired items are known for tables read from the engine, "
                + "such as dynamo.table(name), not for table " + name());
    }

    /** The items of another table of the same region as they were at an instant. */
    default List<Map<String, AttributeValue>> itemsOfTableAt(String tableName, java.time.Instant at) {
        throw new UnsupportedOperationException("past contents are known for tables read from the engine, "
                + "such as dynamo.table(name), not for table " + name());
    }

    /** What the items are read from, for messages: {@code table} unless the reader says otherwise. */
    default String noun() {
        return "table";
    }

    /** Where the items are, for the location line of failures. */
    default String location() {
        return "Table " + name() + " (" + region() + ")";
    }
}
