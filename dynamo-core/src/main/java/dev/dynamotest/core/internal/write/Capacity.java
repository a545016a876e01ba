package dev.dynamotest.core.internal.write;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.storage.IndexMeta;
import dev.dynamotest.core.internal.storage.ItemSize;
import dev.dynamotest.core.internal.storage.KeyAttribute;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** DynamoDB's capacity arithmetic (a read unit is 4 KB, a write unit 1 KB) and the ConsumedCapacity element. */
public final class Capacity {

    private Capacity() {
    }

    /** Read units for an item of this size: strongly consistent 1 per 4 KB, eventually consistent half. */
    public static double readUnits(int bytes, boolean consistent) {
        double units = Math.max(1, (bytes + 4095) / 4096);
        return consistent ? units : units / 2;
    }

    /** Write units for an item of this size: 1 per KB, at least 1. */
    public static double writeUnits(int bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    /**
     * The write units a change of an item takes from each global secondary index of its table, by position in
     * {@link TableMeta#indexes()} (0 for local indexes and for global ones the change leaves alone), or
     * {@code null} when the table has no global index. An index entry moved to another index key costs a delete
     * and a put. {@code multiplier} is 2 in a transaction.
     */
    public static double[] indexWriteUnits(TableMeta table, Map<String, AttributeValue> before,
            Map<String, AttributeValue> after, double multiplier) {
        List<IndexMeta> indexes = table.indexes();
        double[] units = null;
        for (int i = 0; i < indexes.size(); i++) {
            IndexMeta index = indexes.get(i);
            if (index.local()) {
                continue;
            }
            units = units == null ? new double[indexes.size()] : units;
            boolean was = index.covers(before);
            boolean is = index.covers(after);
            if (!was && !is) {
                continue;
            }
            int oldSize = was ? ItemSize.of(index.project(table, before)) : 0;
            int newSize = is ? ItemSize.of(index.project(table, after)) : 0;
            boolean moved = was && is && !sameIndexKey(index, before, after);
            units[i] = multiplier * (moved ? writeUnits(oldSize) + writeUnits(newSize)
                    : writeUnits(Math.max(oldSize, newSize)));
        }
        return units;
    }

    private static boolean sameIndexKey(IndexMeta index, Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        for (KeyAttribute key : index.keys()) {
            if (!Objects.equals(a.get(key.name()), b.get(key.name()))) {
                return false;
            }
        }
        return true;
    }

    /** Checks the ReturnConsumedCapacity parameter. */
    public static String mode(String value) {
        new Constraints().oneOf(value, "returnConsumedCapacity", "INDEXES", "TOTAL", "NONE").check();
        return value == null ? "NONE" : value;
    }

    /** The ConsumedCapacity element for a table, or {@code null} when the request did not ask for it. */
    public static ObjectNode consumed(String mode, String table, double units, boolean read) {
        return consumed(mode, table, units, units, read);
    }

    /** The ConsumedCapacity element with {@code total} units in all, {@code tableUnits} of them the table's. */
    private static ObjectNode consumed(String mode, String table, double total, double tableUnits, boolean read) {
        if ("NONE".equals(mode)) {
            return null;
        }
        String kind = read ? "ReadCapacityUnits" : "WriteCapacityUnits";
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("TableName", table);
        node.put("CapacityUnits", total);
        node.put(kind, total);
        if ("INDEXES".equals(mode)) {
            ObjectNode t = node.putObject("Table");
            t.put("CapacityUnits", tableUnits);
            t.put(kind, tableUnits);
        }
        return node;
    }

    /**
     * The ConsumedCapacity element of a single-item write, or {@code null} when the request did not ask for it: the
     * total counts the units taken from the global secondary indexes the write changed ({@code indexUnits} by
     * position in {@link TableMeta#indexes()}, may be null), which INDEXES lists one by one.
     */
    public static ObjectNode consumedWrite(String mode, TableMeta table, double units, double[] indexUnits) {
        double total = units;
        if (indexUnits != null) {
            for (double u : indexUnits) {
                total += u;
            }
        }
        ObjectNode node = consumed(mode, table.name(), total, units, false);
        if ("INDEXES".equals(mode)) {
            List<IndexMeta> indexes = table.indexes();
            for (int i = 0; indexUnits != null && i < indexUnits.length; i++) {
                if (indexUnits[i] > 0) {
                    ObjectNode index = node.withObjectProperty("GlobalSecondaryIndexes").putObject(indexes.get(i).name());
                    index.put("CapacityUnits", indexUnits[i]);
                    index.put("WriteCapacityUnits", indexUnits[i]);
                }
            }
        }
        return node;
    }

    /** Read units for the total size of the items a Query or Scan read: 1 per started 4 KB, half if eventual. */
    public static double readUnitsTotal(long bytes, boolean consistent) {
        double units = (bytes + 4095) / 4096;
        return consistent ? units : units / 2;
    }

    /**
     * The ConsumedCapacity element of a read of a table and possibly one of its indexes ({@code index} null for
     * the table itself), or {@code null} when the request did not ask for it. INDEXES splits the units.
     */
    public static ObjectNode consumedRead(String mode, String table, double tableUnits, String index, boolean local,
            double indexUnits) {
        if ("NONE".equals(mode)) {
            return null;
        }
        double total = tableUnits + indexUnits;
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("TableName", table);
        node.put("CapacityUnits", total);
        node.put("ReadCapacityUnits", total);
        if ("INDEXES".equals(mode)) {
            ObjectNode t = node.putObject("Table");
            t.put("CapacityUnits", tableUnits);
            t.put("ReadCapacityUnits", tableUnits);
            if (index != null) {
                String kind = local ? "LocalSecondaryIndexes" : "GlobalSecondaryIndexes";
                ObjectNode i = node.putObject(kind).putObject(index);
                i.put("CapacityUnits", indexUnits);
                i.put("ReadCapacityUnits", indexUnits);
            }
        }
        return node;
    }
}
