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

    /** What the items are read from, for messages: {@code table} unless the reader says otherwise. */
    default String noun() {
        return "table";
    }

    /** Where the items are, for the location line of failures. */
    default String location() {
        return "Table " + name() + " (" + region() + ")";
    }
}
