package dev.dynamotest.core.internal.ops.globaltables;

import dev.dynamotest.core.internal.json.JsonTrees;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.model.AttributeValue;
import java.util.HashMap;
import java.util.Map;

/**
 * The current version of every item of the replicated tables, per replica. Read and written only under the
 * write path's lock (from change listeners and from replicated writes), so it needs no locking of its own.
 */
final class ItemVersions {

    private final Map<String, Map<String, ItemVersion>> tables = new HashMap<>();

    synchronized ItemVersion get(String region, String table, Map<String, AttributeValue> key) {
        Map<String, ItemVersion> versions = tables.get(tableKey(region, table));
        return versions == null ? null : versions.get(itemKey(key));
    }

    synchronized void put(String region, String table, Map<String, AttributeValue> key, ItemVersion version) {
        tables.computeIfAbsent(tableKey(region, table), t -> new HashMap<>()).put(itemKey(key), version);
    }

    synchronized void forget(String region, String table) {
        tables.remove(tableKey(region, table));
    }

    static String tableKey(String region, String table) {
        return region + "/" + table;
    }

    private static String itemKey(Map<String, AttributeValue> key) {
        return JsonTrees.write(AttributeValueJson.encodeItem(key));
    }
}
