package dev.dynamotest.core.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.storage.TableMeta;

/** Turns a stored table description into what DescribeTable and friends return: live counts, status. */
final class TableDescriptions {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TableDescriptions() {
    }

    /** The description with live item count and size and the given status. */
    static ObjectNode live(EngineContext ctx, TableMeta table, String status) {
        ObjectNode d = table.description();
        long[] countAndSize = ctx.items().countAndSize(table);
        d.remove(Tags.FIELD);
        d.put("TableStatus", status);
        d.put("ItemCount", countAndSize[0]);
        d.put("TableSizeBytes", countAndSize[1]);
        for (String kind : new String[] {"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
            JsonNode indexes = d.get(kind);
            if (indexes instanceof ArrayNode array) {
                for (JsonNode index : array) {
                    ObjectNode o = (ObjectNode) index;
                    o.put("IndexSizeBytes", 0L);
                    o.put("ItemCount", 0L);
                }
            }
        }
        return d;
    }
}
