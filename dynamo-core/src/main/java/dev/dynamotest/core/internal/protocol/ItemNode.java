package dev.dynamotest.core.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.json.JsonTrees;
import dev.dynamotest.core.internal.storage.ItemCodec;
import dev.dynamotest.core.model.AttributeValue;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An item as a JSON object that the response writer streams straight from the item's attribute values, or from its
 * stored form, without the tree of nodes an item otherwise costs (a page of 100 items is thousands of nodes). To any
 * other reader it is an ordinary {@link ObjectNode}: its fields are built on the first look at them, and from then on
 * the tree is what is written, changes included. Like the response it belongs to, it is for one thread.
 */
final class ItemNode extends ObjectNode implements JsonTrees.Streamed {

    private final LazyFields fields;

    private ItemNode(LazyFields fields) {
        super(JsonNodeFactory.instance, fields);
        this.fields = fields;
    }

    /** The node of {@code item}, which must not change afterwards. */
    static ItemNode of(Map<String, AttributeValue> item) {
        return new ItemNode(new LazyFields(item, null));
    }

    /** The node of an item in its stored form, which must not change afterwards. */
    static ItemNode ofStored(byte[] stored) {
        return new ItemNode(new LazyFields(null, stored));
    }

    @Override
    public boolean writeTo(JsonGenerator g) throws IOException {
        if (fields.built != null) {
            return false;
        }
        if (fields.item != null) {
            AttributeValueJson.write(g, fields.item);
        } else {
            ItemCodec.writeJson(g, fields.stored);
        }
        return true;
    }

    /**
     * The node's fields: the attribute values' nodes, made when something first asks for them, from the item or
     * from its stored form (one of the two is given).
     */
    private static final class LazyFields extends AbstractMap<String, JsonNode> {

        private final Map<String, AttributeValue> item;
        private final byte[] stored;
        private Map<String, JsonNode> built;

        LazyFields(Map<String, AttributeValue> item, byte[] stored) {
            this.item = item;
            this.stored = stored;
        }

        private Map<String, JsonNode> built() {
            if (built == null) {
                Map<String, JsonNode> nodes = new LinkedHashMap<>();
                (item != null ? item : ItemCodec.decode(stored))
                        .forEach((name, value) -> nodes.put(name, AttributeValueJson.encode(value)));
                built = nodes;
            }
            return built;
        }

        @Override
        public int size() {
            return built == null && item != null ? item.size() : built().size();
        }

        @Override
        public boolean isEmpty() {
            return size() == 0;
        }

        @Override
        public boolean containsKey(Object key) {
            return built == null && item != null ? item.containsKey(key) : built().containsKey(key);
        }

        @Override
        public JsonNode get(Object key) {
            return built().get(key);
        }

        @Override
        public JsonNode put(String key, JsonNode value) {
            return built().put(key, value);
        }

        @Override
        public JsonNode remove(Object key) {
            return built().remove(key);
        }

        @Override
        public void putAll(Map<? extends String, ? extends JsonNode> m) {
            built().putAll(m);
        }

        @Override
        public void clear() {
            built().clear();
        }

        @Override
        public Set<String> keySet() {
            return built().keySet();
        }

        @Override
        public Collection<JsonNode> values() {
            return built().values();
        }

        @Override
        public Set<Entry<String, JsonNode>> entrySet() {
            return built().entrySet();
        }

        @Override
        public boolean equals(Object o) {
            return built().equals(o);
        }

        @Override
        public int hashCode() {
            return built().hashCode();
        }
    }
}
