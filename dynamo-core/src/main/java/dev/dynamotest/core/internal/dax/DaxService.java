package dev.dynamotest.core.internal.dax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.dynamotest.core.ChangeListener;
import dev.dynamotest.core.Door;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.model.ChangeRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every connection of one DAX endpoint shares: the engine behind it, the attribute lists, the key schemas it
 * has looked up, and the item and query caches on the engine's clock.
 *
 * <p>The caches learn which entries went stale from the engine's committed changes (a change listener, told on the
 * writing thread): a change made by this node's own write (its request running on that thread) is written through
 * to the item cache, any other change marks the item's entry; every change marks the cached query results of its
 * table, which no write updates.
 */
final class DaxService {

    /** The origin of the changes that clients' requests make. */
    private static final String CLIENT_ORIGIN = "user";

    private final DynamoEngine engine;
    private final AttributeLists lists = new AttributeLists();
    private final Map<String, KeySchema> schemas = new ConcurrentHashMap<>();
    private final StaleReads staleReads = new StaleReads();
    private final TtlCache<Optional<ObjectNode>> items;
    private final TtlCache<byte[]> queries;
    private final ThreadLocal<String> ownRequestRegion = new ThreadLocal<>();
    private final ChangeListener changes = this::changed;

    DaxService(DynamoEngine engine, Duration itemTtl, Duration queryTtl, long cacheBytes) {
        this.engine = engine;
        this.items = new TtlCache<>(engine.clock(), itemTtl, cacheBytes, staleReads);
        this.queries = new TtlCache<>(engine.clock(), queryTtl, cacheBytes, staleReads);
        engine.addChangeListener(changes);
    }

    /** Stops learning from the engine's changes, once the node is closed for good. */
    void close() {
        engine.removeChangeListener(changes);
    }

    StaleReads staleReads() {
        return staleReads;
    }

    private void changed(ChangeRecord change) {
        String table = queryGroup(change.region(), change.tableName());
        queries.markGroupChanged(table, change);
        boolean own = change.region().equals(ownRequestRegion.get()) && CLIENT_ORIGIN.equals(change.origin());
        KeySchema schema = schemas.get(table);
        if (!own && schema != null) {
            items.markChanged(itemKey(change.region(), change.tableName(), schema,
                    AttributeValueJson.encodeItem(change.keys())), change);
        }
    }

    /** The query cache's group of a table's results, as {@link #changed} marks them (also the schemas' key). */
    static String queryGroup(String region, String table) {
        return region + '\0' + table;
    }

    DynamoEngine engine() {
        return engine;
    }

    AttributeLists lists() {
        return lists;
    }

    TtlCache<Optional<ObjectNode>> items() {
        return items;
    }

    TtlCache<byte[]> queries() {
        return queries;
    }

    /** Runs a DynamoDB operation through the engine's one way in, as a client request. */
    ObjectNode execute(String region, String operation, ObjectNode body) {
        ownRequestRegion.set(region);
        try {
            return engine.handle(new DynamoRequest(region, operation, body, Map.of(), DynamoRequest.Origin.CLIENT,
                    Door.DAX));
        } catch (DynamoException e) {
            if ("ResourceNotFoundException".equals(e.type()) && body.hasNonNull("TableName")) {
                schemas.remove(region + '\0' + body.get("TableName").asText());
            }
            throw e;
        } finally {
            ownRequestRegion.remove();
        }
    }

    /**
     * The table's key schema, read with DescribeTable as a setup request: the client's own request, not this
     * look-up, is what the journal and the fault rules see.
     */
    KeySchema schema(String region, String table) {
        return schemas.computeIfAbsent(region + '\0' + table, k -> describe(region, table));
    }

    private KeySchema describe(String region, String table) {
        ObjectNode body = AttributeValues.JSON.objectNode().put("TableName", table);
        JsonNode description = engine.handle(DynamoRequest.setup(region, "DescribeTable", body)).get("Table");
        String partition = null;
        String sort = null;
        for (JsonNode element : description.get("KeySchema")) {
            if ("HASH".equals(element.get("KeyType").asText())) {
                partition = element.get("AttributeName").asText();
            } else {
                sort = element.get("AttributeName").asText();
            }
        }
        String partitionType = null;
        String sortType = null;
        for (JsonNode definition : description.get("AttributeDefinitions")) {
            String name = definition.get("AttributeName").asText();
            if (name.equals(partition)) {
                partitionType = definition.get("AttributeType").asText();
            } else if (name.equals(sort)) {
                sortType = definition.get("AttributeType").asText();
            }
        }
        return new KeySchema(partition, partitionType, sort, sortType);
    }

    /** An item from its encoded key and its encoded non-key attributes (a list id, then the values). */
    ObjectNode item(KeySchema schema, byte[] key, byte[] attributes) {
        ObjectNode item = schema.decode(key);
        List<Object> values = Cbor.readAll(attributes);
        List<String> names = lists.names(((Number) values.get(0)).longValue());
        if (names.size() != values.size() - 1) {
            throw new DaxProtocolException("attribute list " + values.get(0) + " has " + names.size()
                    + " names but " + (values.size() - 1) + " values");
        }
        for (int i = 0; i < names.size(); i++) {
            item.set(names.get(i), AttributeValues.toJson(values.get(i + 1)));
        }
        return item;
    }

    /** Writes an item's non-key attributes as a byte string: a list id, then the values in the list's order. */
    void writeAttributes(CBORGenerator out, KeySchema schema, JsonNode item) throws IOException {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (schema == null || !schema.isKeyAttribute(name)) {
                names.add(name);
            }
        }
        names.sort(null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator inner = Cbor.generator(bytes)) {
            inner.writeNumber(lists.idOf(names));
            for (String name : names) {
                AttributeValues.write(item.get(name), inner);
            }
        }
        out.writeBinary(bytes.toByteArray());
    }

    /** Writes the attributes an item has at the projection's paths, as a map from each path's ordinal. */
    static void writeProjected(CBORGenerator out, JsonNode item, List<List<Object>> paths) throws IOException {
        List<Integer> ordinals = new ArrayList<>();
        List<JsonNode> found = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            JsonNode value = at(item, paths.get(i));
            if (value != null) {
                ordinals.add(i);
                found.add(value);
            }
        }
        out.writeStartObject(null, found.size());
        for (int i = 0; i < found.size(); i++) {
            out.writeFieldId(ordinals.get(i));
            AttributeValues.write(found.get(i), out);
        }
        out.writeEndObject();
    }

    private static JsonNode at(JsonNode item, List<Object> path) {
        JsonNode value = item.get((String) path.get(0));
        for (Object element : path.subList(1, path.size())) {
            if (value == null) {
                return null;
            }
            if (element instanceof Integer index) {
                JsonNode list = value.get("L");
                value = list == null ? null : list.get(index);
            } else {
                JsonNode map = value.get("M");
                value = map == null ? null : map.get((String) element);
            }
        }
        return value;
    }

    /** The item cache's key for an item: its table and its key attributes, numbers normalized. */
    static String itemKey(String region, String table, KeySchema schema, JsonNode item) {
        StringBuilder key = new StringBuilder(region).append('\0').append(table);
        appendKeyPart(key, item.get(schema.partitionKey()));
        if (schema.hasSortKey()) {
            appendKeyPart(key, item.get(schema.sortKey()));
        }
        return key.toString();
    }

    private static void appendKeyPart(StringBuilder key, JsonNode av) {
        if (av == null || !av.fields().hasNext()) {
            throw DynamoException.validation("The provided key element does not match the schema");
        }
        Map.Entry<String, JsonNode> only = av.fields().next();
        String text = only.getValue().asText();
        if ("N".equals(only.getKey())) {
            text = new BigDecimal(text).stripTrailingZeros().toPlainString();
        }
        key.append('\0').append(only.getKey()).append(':').append(text);
    }

    /** The size an item is counted with against the cache budget. */
    static long sizeOf(JsonNode node) {
        return node == null ? 64 : 64 + node.toString().length();
    }
}
