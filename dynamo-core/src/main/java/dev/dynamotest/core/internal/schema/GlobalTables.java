package dev.dynamotest.core.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import dev.dynamotest.core.internal.storage.TableMeta;

/** What the table operations ask of global tables, which implement it: UpdateTable's replicas, DeleteTable's unlink. */
public interface GlobalTables {

    /** Applies UpdateTable's ReplicaUpdates; returns the table's description as UpdateTable answers it. */
    ObjectNode update(String region, TableMeta table, JsonNode updates);

    /** Unlinks a replica that DeleteTable deleted from the members that remain. */
    void deleted(TableMeta table);

    /**
     * The other replicas that share the settings an UpdateTable of {@code table} changes (none unless it is a
     * replica of a 2019.11.21 global table), each with the UpdateTable request that brings it in step; a replica
     * whose shared settings the request does not change is left out.
     */
    Map<TableMeta, ObjectNode> sharedUpdates(TableMeta table, ObjectNode request);

    /**
     * Refreshes the replica list in the description of every replica of the table after an UpdateTable, which may
     * have changed a replica's own settings (its table class) too; nothing for a table that is not such a replica.
     */
    void relink(TableMeta table);
}
