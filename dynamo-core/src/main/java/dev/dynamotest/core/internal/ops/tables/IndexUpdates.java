package dev.dynamotest.core.internal.ops.tables;

import static dev.dynamotest.core.internal.schema.Throughputs.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.schema.Throughputs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable's GlobalSecondaryIndexUpdates: creates, updates and deletes global secondary indexes in a table's
 * description. Indexes take effect at once (describing ACTIVE), as if backfilling took no time.
 */
final class IndexUpdates {

    private static final String GSIS = "GlobalSecondaryIndexes";
    private static final int MAX_GSIS = 20;

    private final String tableName;
    private final ObjectNode description;
    private final Map<String, String> transientStatus = new LinkedHashMap<>();

    IndexUpdates(String tableName, ObjectNode description) {
        this.tableName = tableName;
        this.description = description;
    }

    /** Checks the list's form: one action per entry, one entry per index, one Create or Delete in all. */
    static int checkForm(JsonNode updates) {
        Set<String> names = new HashSet<>();
        int createsAndDeletes = 0;
        int i = 1;
        for (JsonNode update : updates) {
            if (!update.isObject()) {
                throw Json.unexpected(update, "structure");
            }
            List<String> actions = new ArrayList<>();
            for (String action : new String[] {"Create", "Update", "Delete"}) {
                if (Json.object(update, action) != null) {
                    actions.add(action);
                }
            }
            if (actions.isEmpty()) {
                throw DynamoException.validation(INVALID + "One of GlobalSecondaryIndexUpdate.Update, "
                        + "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            if (actions.size() > 1) {
                throw DynamoException.validation(INVALID + "Only one global secondary index action is allowed per "
                        + "GlobalSecondaryIndexUpdate object");
            }
            String action = actions.get(0);
            String name = Json.text(update.get(action), "IndexName");
            new Constraints().tableName(name, "globalSecondaryIndexUpdates." + i + ".member."
                    + Character.toLowerCase(action.charAt(0)) + action.substring(1) + ".indexName").check();
            if (!names.add(name)) {
                throw DynamoException.validation(INVALID + "Only one global secondary index update per index is "
                        + "allowed simultaneously. Index: " + name);
            }
            if (!"Update".equals(action)) {
                createsAndDeletes++;
            }
            i++;
        }
        if (createsAndDeletes > 1) {
            throw new DynamoException("LimitExceededException", "Subscriber limit exceeded: Only 1 online index can "
                    + "be created or deleted simultaneously per table");
        }
        return createsAndDeletes;
    }

    /**
     * Applies the updates. {@code definitions} is the request's AttributeDefinitions (or null),
     * {@code billingMode} the table's mode after this request, {@code toProvisioned} whether the request
     * switches the table to PROVISIONED (every index then needs an Update with its throughput).
     */
    void apply(JsonNode updates, JsonNode definitions, String billingMode, boolean toProvisioned, Instant now) {
        Set<String> updated = new HashSet<>();
        int i = 1;
        for (JsonNode update : updates) {
            String path = "globalSecondaryIndexUpdates." + i++ + ".member.";
            if (Json.object(update, "Create") != null) {
                create(update.get("Create"), definitions, billingMode, path + "create");
            } else if (Json.object(update, "Delete") != null) {
                delete(Json.text(update.get("Delete"), "IndexName"));
            } else {
                JsonNode spec = update.get("Update");
                update(spec, billingMode, path + "update", now);
                updated.add(Json.text(spec, "IndexName"));
            }
        }
        if (toProvisioned) {
            for (JsonNode gsi : description.path(GSIS)) {
                String name = gsi.path("IndexName").asText();
                if (!updated.contains(name)) {
                    throw DynamoException.validation(INVALID + "ProvisionedThroughput must be specified for index: "
                            + name);
                }
            }
        }
    }

    /** The indexes this request left in a transitional state, as UpdateTable's response shows them. */
    Map<String, String> transientStatus() {
        return transientStatus;
    }

    private void create(JsonNode spec, JsonNode definitions, String billingMode, String path) {
        String name = Json.text(spec, "IndexName");
        if (find(GSIS, name) != null || find("LocalSecondaryIndexes", name) != null) {
            throw DynamoException.validation("Attempting to create an index which already exists");
        }
        List<String> keys = IndexDefinitions.shape(spec, path, true);
        KeySchemas.globalOrder(spec.get("KeySchema"));
        if (definitions == null) {
            throw DynamoException.validation(INVALID + "AttributeDefinitions is not specified for index: " + name);
        }
        Map<String, String> requested = KeySchemas.attributeDefinitions(definitions);
        KeySchemas.defined(keys, requested);
        Map<String, String> types = KeySchemas.types(description.path("AttributeDefinitions"));
        for (String key : keys) {
            String existing = types.get(key);
            if (existing != null && !existing.equals(requested.get(key))) {
                throw DynamoException.validation(INVALID + "Attributes cannot be redefined. Please check that your "
                        + "attribute has the same type as previously defined. Existing schema: "
                        + schemaOf(key, existing) + " New schema: Schema:[SchemaElement: key{" + key + ":"
                        + requested.get(key) + ":" + keyType(spec.get("KeySchema"), key) + "}]");
            }
        }
        if (description.path(GSIS).size() >= MAX_GSIS) {
            throw new DynamoException("LimitExceededException", INVALID + "GlobalSecondaryIndex count exceeds the "
                    + "per-table limit of " + MAX_GSIS);
        }
        ObjectNode index = TableSchemaValidator.globalIndex(spec, billingMode, description.path("TableArn").asText(),
                path, false);
        keys.forEach(key -> types.putIfAbsent(key, requested.get(key)));
        description.set("AttributeDefinitions", KeySchemas.definitionsNode(types));
        ArrayNode gsis = description.has(GSIS) ? (ArrayNode) description.get(GSIS) : description.putArray(GSIS);
        gsis.add(index);
        transientStatus.put(name, "CREATING");
    }

    private void delete(String name) {
        ObjectNode gsi = existing(name, "delete");
        ArrayNode gsis = (ArrayNode) description.get(GSIS);
        for (int j = 0; j < gsis.size(); j++) {
            if (gsis.get(j) == gsi) {
                gsis.remove(j);
                break;
            }
        }
        if (gsis.isEmpty()) {
            description.remove(GSIS);
        }
        pruneDefinitions();
        transientStatus.put(name, "DELETING");
    }

    private void update(JsonNode spec, String billingMode, String path, Instant now) {
        String name = Json.text(spec, "IndexName");
        ObjectNode gsi = existing(name, "update");
        JsonNode throughput = Json.object(spec, "ProvisionedThroughput");
        JsonNode onDemand = Json.object(spec, "OnDemandThroughput");
        if (throughput != null) {
            if (Throughputs.PAY_PER_REQUEST.equals(billingMode)) {
                throw DynamoException.validation(INVALID + "The only Updates for index: " + name + " when "
                        + "TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
            }
            ObjectNode pt = Throughputs.provisioned(throughput, path + ".provisionedThroughput");
            gsi.set("ProvisionedThroughput", ThroughputChange.apply(gsi.path("ProvisionedThroughput"), pt,
                    "index " + name, now));
        } else if (onDemand == null && !Throughputs.PAY_PER_REQUEST.equals(billingMode)) {
            throw DynamoException.validation(INVALID + "ProvisionedThroughput must be specified for index: " + name);
        }
        if (onDemand != null) {
            gsi.set("OnDemandThroughput", Throughputs.onDemand(onDemand, billingMode, "index : " + name, true));
        }
        transientStatus.putIfAbsent(name, "UPDATING");
    }

    private ObjectNode existing(String name, String verb) {
        ObjectNode gsi = find(GSIS, name);
        if (gsi != null) {
            return gsi;
        }
        if (find("LocalSecondaryIndexes", name) != null) {
            throw DynamoException.validation("Cannot " + verb + " an index that is not a GlobalSecondaryIndex: "
                    + name);
        }
        throw DynamoException.resourceNotFound("Requested resource not found: Index " + name + " for table "
                + tableName);
    }

    private ObjectNode find(String kind, String name) {
        for (JsonNode index : description.path(kind)) {
            if (index.path("IndexName").asText().equals(name)) {
                return (ObjectNode) index;
            }
        }
        return null;
    }

    private void pruneDefinitions() {
        Set<String> used = new LinkedHashSet<>(KeySchemas.names(description.path("KeySchema")));
        for (String kind : new String[] {GSIS, "LocalSecondaryIndexes"}) {
            description.path(kind).forEach(index -> used.addAll(KeySchemas.names(index.path("KeySchema"))));
        }
        Map<String, String> types = KeySchemas.types(description.path("AttributeDefinitions"));
        types.keySet().retainAll(used);
        description.set("AttributeDefinitions", KeySchemas.definitionsNode(types));
    }

    private static String keyType(JsonNode keySchema, String attribute) {
        for (JsonNode element : keySchema) {
            if (element.path("AttributeName").asText().equals(attribute)) {
                return element.path("KeyType").asText();
            }
        }
        return "";
    }

    private String schemaOf(String attribute, String type) {
        for (JsonNode element : description.path("KeySchema")) {
            if (element.path("AttributeName").asText().equals(attribute)) {
                return "Schema:[SchemaElement: key{" + attribute + ":" + type + ":"
                        + element.path("KeyType").asText() + "}]";
            }
        }
        for (String kind : new String[] {GSIS, "LocalSecondaryIndexes"}) {
            for (JsonNode index : description.path(kind)) {
                for (JsonNode element : index.path("KeySchema")) {
                    if (element.path("AttributeName").asText().equals(attribute)) {
                        return "Schema:[SchemaElement: key{" + attribute + ":" + type + ":"
                                + element.path("KeyType").asText() + "}]";
                    }
                }
            }
        }
        return "Schema:[SchemaElement: key{" + attribute + ":" + type + "}]";
    }
}
