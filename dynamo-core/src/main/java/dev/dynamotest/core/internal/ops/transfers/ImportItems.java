package dev.dynamotest.core.internal.ops.transfers;

import com.amazon.ion.IonException;
import com.amazon.ion.IonStruct;
import com.amazon.ion.IonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.model.AttributeValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the items of one source object of ImportTable, in its InputFormat: DynamoDB JSON ({@code {"Item":{...}}}
 * objects, one a line), Ion ({@code {Item:{...}}} structs) or CSV (a header, then rows whose key columns take the
 * key's type and whose other columns are strings). What cannot be read becomes an error in its place; a malformed
 * object ends the reading of that object, as DynamoDB skips its rest.
 */
public final class ImportItems {

    /** One item of the object, or the reason it is not one. */
    public record Entry(Map<String, AttributeValue> item, String error) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportItems() {
    }

    /**
     * The entries of an object. {@code keyTypes} maps key attribute names (of the table and its indexes) to their
     * types, for CSV; {@code headers} is the CSV header list, or null when each object starts with its header row.
     */
    public static List<Entry> read(String format, byte[] content, char delimiter, List<String> headers,
            Map<String, String> keyTypes) {
        return switch (format) {
            case "DYNAMODB_JSON" -> json(content);
            case "ION" -> ion(content);
            default -> csv(new String(content, StandardCharsets.UTF_8), delimiter, headers, keyTypes);
        };
    }

    private static List<Entry> json(byte[] content) {
        List<Entry> entries = new ArrayList<>();
        try (MappingIterator<JsonNode> lines = JSON.readerFor(JsonNode.class).readValues(content)) {
            while (lines.hasNextValue()) {
                JsonNode line = lines.nextValue();
                if (!line.isObject() || !line.path("Item").isObject() || line.size() != 1) {
                    entries.add(new Entry(null, "Invalid DynamoDB JSON: each line must be an object with one "
                            + "member, Item"));
                    continue;
                }
                try {
                    entries.add(new Entry(AttributeValueJson.decodeItem(line.get("Item")), null));
                } catch (DynamoException e) {
                    entries.add(new Entry(null, e.getMessage()));
                }
            }
        } catch (JsonProcessingException | com.fasterxml.jackson.databind.RuntimeJsonMappingException e) {
            entries.add(new Entry(null, "Unable to parse the object as DynamoDB JSON: " + firstLine(e)));
        } catch (IOException e) {
            entries.add(new Entry(null, "Unable to read the object: " + e.getMessage()));
        }
        return entries;
    }

    private static List<Entry> ion(byte[] content) {
        List<Entry> entries = new ArrayList<>();
        List<IonValue> values;
        try {
            values = IonItems.values(content);
        } catch (IonException e) {
            entries.add(new Entry(null, "Unable to parse the object as Amazon Ion: " + firstLine(e)));
            return entries;
        }
        for (IonValue value : values) {
            if (!(value instanceof IonStruct line) || value.isNullValue() || line.size() != 1
                    || line.get("Item") == null) {
                entries.add(new Entry(null, "Invalid Amazon Ion: each value must be a struct with one field, Item"));
                continue;
            }
            try {
                entries.add(new Entry(IonItems.item(line.get("Item")), null));
            } catch (IllegalArgumentException e) {
                entries.add(new Entry(null, "Invalid Amazon Ion item: " + e.getMessage()));
            }
        }
        return entries;
    }

    private static List<Entry> csv(String text, char delimiter, List<String> headers, Map<String, String> keyTypes) {
        List<Entry> entries = new ArrayList<>();
        List<List<String>> records;
        try {
            records = CsvRecords.parse(text, delimiter);
        } catch (IllegalArgumentException e) {
            entries.add(new Entry(null, "Unable to parse the object as CSV: " + e.getMessage()));
            return entries;
        }
        List<String> columns = headers;
        int first = 0;
        if (columns == null) {
            if (records.isEmpty()) {
                return entries;
            }
            columns = records.get(0);
            first = 1;
        }
        for (int r = first; r < records.size(); r++) {
            List<String> row = records.get(r);
            if (row.size() != columns.size()) {
                entries.add(new Entry(null, "The row has " + row.size() + " columns but the header has "
                        + columns.size()));
                continue;
            }
            entries.add(csvItem(columns, row, keyTypes));
        }
        return entries;
    }

    private static Entry csvItem(List<String> columns, List<String> row, Map<String, String> keyTypes) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            String value = row.get(c);
            String type = keyTypes.get(name);
            if (type == null) {
                if (!value.isEmpty()) {
                    item.put(name, AttributeValue.string(value));
                }
                continue;
            }
            if (value.isEmpty()) {
                continue;
            }
            try {
                item.put(name, switch (type) {
                    case "N" -> AttributeValue.number(dev.dynamotest.core.internal.Numbers.canonical(value));
                    case "B" -> AttributeValue.binary(Base64.getDecoder().decode(value));
                    default -> AttributeValue.string(value);
                });
            } catch (DynamoException | IllegalArgumentException e) {
                return new Entry(null, "One or more parameter values were invalid: Type mismatch for key " + name
                        + " expected: " + type + " actual: S");
            }
        }
        return new Entry(item, null);
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static {
        JSON.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
