package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.tables.Table;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a table straight from the engine: no request, no consumed capacity. */
public final class EngineTableReader implements TableReader {

    private final Table table;

    public EngineTableReader(Table table) {
        this.table = table;
    }

    @Override
    public String name() {
        return table.name();
    }

    @Override
    public String region() {
        return table.region();
    }

    @Override
    public List<String> keyNames() {
        List<String> names = new ArrayList<>(List.of(table.partitionKey()));
        table.sortKey().ifPresent(names::add);
        return names;
    }

    @Override
    public List<String> indexNames() {
        return table.indexNames();
    }

    @Override
    public long itemCount() {
        return table.itemCount();
    }

    @Override
    public Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
        return table.item(key);
    }

    @Override
    public List<Map<String, AttributeValue>> items() {
        return table.items();
    }

    @Override
    public List<Map<String, AttributeValue>> indexItems(String indexName) {
        return table.indexItems(indexName);
    }

    @Override
    public Optional<String> timeToLiveAttribute() {
        return table.timeToLiveAttribute();
    }

    @Override
    public List<Map<String, AttributeValue>> expiredItems() {
        return table.expiredItems();
    }

    @Override
    public List<Map<String, AttributeValue>> itemsOfTableAt(String tableName, java.time.Instant at) {
        Table source = table.sibling(tableName).orElseThrow(() -> new IllegalArgumentException("no table "
                + tableName + " in " + table.region()));
        return source.itemsAt(at);
    }
}
