package dev.dynamotest.assertions.internal;

import dev.dynamotest.assertions.TableAssert;
import dev.dynamotest.core.model.AttributeValue;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a table or index assertion looks at: a table, or one of its indexes when {@code indexName} is set,
 * read afresh by each check.
 *
 * @param reader    reads the table
 * @param indexName the index, or {@code null} for the table itself
 * @param context   how checks run
 * @param table     the table assertion an index assertion returns to, or {@code null}
 */
public record ItemsSubject(TableReader reader, String indexName, AssertContext context, TableAssert table) {

    public static ItemsSubject of(TableReader reader, AssertContext context) {
        return new ItemsSubject(reader, null, context, null);
    }

    public ItemsSubject index(String name, TableAssert parent) {
        if (!reader.indexNames().contains(name)) {
            throw new IllegalArgumentException("table " + reader.name() + " has no index " + name + "; it has "
                    + reader.indexNames());
        }
        return new ItemsSubject(reader, name, context, parent);
    }

    public ItemsSubject with(AssertContext other) {
        return new ItemsSubject(reader, indexName, other, table);
    }

    /** {@code table} or {@code index}, for messages. */
    public String noun() {
        return indexName == null ? reader.noun() : "index";
    }

    public String location() {
        String table = reader.name() + " (" + reader.region() + ")";
        return indexName == null ? reader.location() : "Index " + indexName + " of table " + table;
    }

    /** The location of an item of the table. */
    public String itemLocation(Map<String, AttributeValue> key) {
        return "Item " + Render.key(key, keyNames()) + " of table " + reader.name() + " (" + reader.region() + ")";
    }

    public List<String> keyNames() {
        return reader.keyNames();
    }

    public List<Map<String, AttributeValue>> items() {
        return indexName == null ? reader.items() : reader.indexItems(indexName);
    }

    public long itemCount() {
        return indexName == null ? reader.itemCount() : items().size();
    }

    /** The item (or the index entry of the base item) with that table key. */
    public Optional<Map<String, AttributeValue>> find(Map<String, AttributeValue> key) {
        List<String> names = keyNames();
        if (!key.keySet().equals(new HashSet<>(names))) {
            throw new IllegalArgumentException("a key of table " + reader.name() + " has the attributes " + names
                    + ", not " + key.keySet());
        }
        if (indexName == null) {
            return reader.item(key);
        }
        return items().stream().filter(item -> sameKey(key, item)).findFirst();
    }

    public boolean sameKey(Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        return key.entrySet().stream().allMatch(e -> item.containsKey(e.getKey())
                && ValueEquality.equal(e.getValue(), item.get(e.getKey())));
    }

    public String render(Map<String, AttributeValue> item) {
        return Render.item(item, keyNames());
    }

    /** The failure for a key that is not there, with the nearest keys that are. */
    public AssertionError missing(String where, Map<String, AttributeValue> key) {
        List<Map<String, AttributeValue>> items = items();
        String nearest = items.isEmpty() ? "but the " + noun() + " is empty"
                : "but it does not; the nearest keys are:\n" + Messages.list(NearestKeys.of(key, items, keyNames()));
        return Messages.failure(where, "Expecting " + noun() + " to contain an item with key:\n  "
                + Render.key(key, keyNames()) + "\n" + nearest);
    }
}
