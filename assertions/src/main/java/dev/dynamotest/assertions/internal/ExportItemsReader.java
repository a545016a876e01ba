package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.s3.ExportContents;
import dev.dynamotest.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the items of an export read back from the object store, for export assertions. */
public final class ExportItemsReader implements TableReader {

    private final ExportContents export;

    public ExportItemsReader(ExportContents export) {
        this.export = export;
    }

    /** The export read. */
    public ExportContents export() {
        return export;
    }

    @Override
    public String name() {
        return export.tableName();
    }

    @Override
    public String region() {
        return export.region();
    }

    @Override
    public List<String> keyNames() {
        return export.keyNames();
    }

    @Override
    public List<String> indexNames() {
        return List.of();
    }

    /** The item count of the export's summary manifest. */
    @Override
    public long itemCount() {
        return export.itemCount();
    }

    @Override
    public Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
        return export.items().stream().filter(item -> key.entrySet().stream()
                .allMatch(e -> e.getValue().equals(item.get(e.getKey())))).findFirst();
    }

    @Override
    public List<Map<String, AttributeValue>> items() {
        return export.items();
    }

    @Override
    public List<Map<String, AttributeValue>> indexItems(String indexName) {
        throw new IllegalArgumentException("an export has no indexes");
    }

    @Override
    public String noun() {
        return "export";
    }

    @Override
    public String location() {
        return "Export " + export.exportId() + " of table " + name() + " (" + region() + ")";
    }
}
