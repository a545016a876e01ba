package dev.dynamotest.core.tables;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tables of every region, read straight from the engine for assertions, diagnostics and test resets.
 * Obtain it with {@link dev.dynamotest.core.DynamoEngine#tables()}.
 */
public interface Tables {

    /** The regions that have (or had) tables. */
    Set<String> regions();

    /** The names of the tables of a region, in name order. */
    List<String> names(String region);

    /** The table of that name in the region, if it exists. */
    Optional<Table> find(String region, String name);

    /** The table of that name in the region; fails with a message naming the tables there if it is missing. */
    Table get(String region, String name);

    /**
     * Deletes a table and its items at once, without change records: a reset between tests. Its stream, if it
     * has one, is disabled as DeleteTable disables it.
     */
    void drop(String region, String name);
}
