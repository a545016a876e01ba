package dev.dynamotest.core.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.storage.TableMeta;

/** What the table operations ask of global tables, which implement it: UpdateTable's replicas, DeleteTable's unlink. */
public interface GlobalTables {

    /** Applies UpdateTable's ReplicaUpdates; returns the table's description as UpdateTable answers it. */
    ObjectNode update(String region, TableMeta table, JsonNode updates);

    /** Unlinks a replica that DeleteTable deleted from the members that remain. */
    void deleted(TableMeta table);
}
