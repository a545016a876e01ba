package dev.dynamotest.core.internal.dax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * ConsumedCapacity and ItemCollectionMetrics as DAX encodes them. The item and query operations and the batches
 * take a byte string holding the table name, the total units, the table's units (or null) and the global and local
 * secondary indexes' units (maps, or null); the transactions take an indefinite map from field number (1 units,
 * 2 read units, 3 write units, 4 table name, 5 table, 6 global indexes, 7 local indexes). Item collection metrics are
 * a byte string holding the partition key's value and the two ends of the size estimate.
 */
final class Consumption {

    private static final int CAPACITY_UNITS = 1;
    private static final int READ_CAPACITY_UNITS = 2;
    private static final int WRITE_CAPACITY_UNITS = 3;
    private static final int TABLE_NAME = 4;
    private static final int TABLE = 5;
    private static final int GLOBAL_SECONDARY_INDEXES = 6;
    private static final int LOCAL_SECONDARY_INDEXES = 7;

    private Consumption() {
    }

    /**
     * What a read served from a cache consumes: nothing, on the table alone (INDEXES adds the table's zero), as a
     * DynamoDB ConsumedCapacity.
     */
    static ObjectNode none(String table, String mode) {
        ObjectNode capacity = AttributeValues.JSON.objectNode().put("TableName", table).put("CapacityUnits", 0.0);
        if ("INDEXES".equals(mode)) {
            capacity.putObject("Table").put("CapacityUnits", 0.0);
        }
        return capacity;
    }

    /** Writes a DynamoDB ConsumedCapacity in the byte-string form of the item, query and batch responses. */
    static void write(CBORGenerator out, JsonNode capacity) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator inner = Cbor.generator(bytes)) {
            inner.writeString(capacity.path("TableName").asText());
            inner.writeNumber(capacity.path("CapacityUnits").asDouble());
            JsonNode table = capacity.get("Table");
            if (table == null) {
                inner.writeNull();
            } else {
                inner.writeNumber(table.path("CapacityUnits").asDouble());
            }
            writeIndexUnits(inner, capacity.get("GlobalSecondaryIndexes"));
            writeIndexUnits(inner, capacity.get("LocalSecondaryIndexes"));
        }
        out.writeBinary(bytes.toByteArray());
    }

    private static void writeIndexUnits(CBORGenerator out, JsonNode indexes) throws IOException {
        if (indexes == null || indexes.isEmpty()) {
            out.writeNull();
            return;
        }
        out.writeStartObject(null, indexes.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = indexes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> index = it.next();
            out.writeFieldName(index.getKey());
            out.writeNumber(index.getValue().path("CapacityUnits").asDouble());
        }
        out.writeEndObject();
    }

    /** Writes a DynamoDB ConsumedCapacity in the map form of the transaction responses. */
    static void writeExtended(CBORGenerator out, JsonNode capacity) throws IOException {
        out.writeStartObject();
        out.writeFieldId(TABLE_NAME);
        out.writeString(capacity.path("TableName").asText());
        writeUnits(out, capacity);
        JsonNode table = capacity.get("Table");
        if (table != null) {
            out.writeFieldId(TABLE);
            out.writeStartObject();
            writeUnits(out, table);
            out.writeEndObject();
        }
        writeExtendedIndexes(out, GLOBAL_SECONDARY_INDEXES, capacity.get("GlobalSecondaryIndexes"));
        writeExtendedIndexes(out, LOCAL_SECONDARY_INDEXES, capacity.get("LocalSecondaryIndexes"));
        out.writeEndObject();
    }

    private static void writeUnits(CBORGenerator out, JsonNode capacity) throws IOException {
        writeUnit(out, CAPACITY_UNITS, capacity.get("CapacityUnits"));
        writeUnit(out, READ_CAPACITY_UNITS, capacity.get("ReadCapacityUnits"));
        writeUnit(out, WRITE_CAPACITY_UNITS, capacity.get("WriteCapacityUnits"));
    }

    private static void writeUnit(CBORGenerator out, int field, JsonNode units) throws IOException {
        if (units != null && units.isNumber()) {
            out.writeFieldId(field);
            out.writeNumber(units.asDouble());
        }
    }

    private static void writeExtendedIndexes(CBORGenerator out, int field, JsonNode indexes) throws IOException {
        if (indexes == null || indexes.isEmpty()) {
            return;
        }
        out.writeFieldId(field);
        out.writeStartObject(null, indexes.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = indexes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> index = it.next();
            out.writeFieldName(index.getKey());
            out.writeStartObject();
            writeUnits(out, index.getValue());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    /** Writes a DynamoDB ItemCollectionMetrics: its partition key's value, then the size estimate's two ends. */
    static void writeItemCollectionMetrics(CBORGenerator out, JsonNode metrics) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator inner = Cbor.generator(bytes)) {
            JsonNode key = metrics.path("ItemCollectionKey");
            AttributeValues.write(key.elements().next(), inner);
            JsonNode range = metrics.path("SizeEstimateRangeGB");
            inner.writeNumber(range.path(0).asDouble());
            inner.writeNumber(range.path(1).asDouble());
        }
        out.writeBinary(bytes.toByteArray());
    }
}
