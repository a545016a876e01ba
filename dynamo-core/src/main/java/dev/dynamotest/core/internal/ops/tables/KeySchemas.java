package dev.dynamotest.core.internal.ops.tables;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** Validates key schemas and attribute definitions of tables and indexes as DynamoDB does. */
final class KeySchemas {

    /** How many partition key attributes, and how many sort key attributes, a global secondary index may have. */
    static final int MAX_MULTI_ATTRIBUTE_KEYS = 4;

    private KeySchemas() {
    }

    /** Validates AttributeDefinitions; returns attribute name to type, in request order. */
    static Map<String, String> attributeDefinitions(JsonNode definitions) {
        Constraints constraints = new Constraints();
        Map<String, String> types = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        forEachMember(definitions, "attributeDefinitions", (def, path) -> {
            String attr = Json.text(def, "AttributeName");
            String type = Json.text(def, "AttributeType");
            constraints.notNull(attr, path + "attributeName")
                    .length(attr, path + "attributeName", 1, 255)
                    .notNull(type, path + "attributeType")
                    .oneOf(type, path + "attributeType", "B", "N", "S");
            if (attr != null && types.put(attr, type) != null) {
                duplicates.add(attr);
            }
        });
        constraints.check();
        if (!duplicates.isEmpty()) {
            throw DynamoException.validation("Attribute Name is duplicated: " + duplicates.get(0));
        }
        return types;
    }

    /** Checks the shape of a key schema (length, names, key types); returns its attribute names, hash first. */
    static List<String> shape(JsonNode keySchema, String path) {
        return shape(keySchema, path, false);
    }

    /**
     * Checks the shape of a key schema; a global secondary index's ({@code global}) may list several HASH and
     * RANGE elements (multi-attribute keys), a table's and a local index's at most two elements.
     */
    static List<String> shape(JsonNode keySchema, String path, boolean global) {
        Constraints constraints = new Constraints();
        if (keySchema.isEmpty()) {
            constraints.violation("[]", path, "Member must have length greater than or equal to 1");
        }
        if (keySchema.size() > 2 && !global) {
            constraints.violation(describe(keySchema), path, "Member must have length less than or equal to 2");
        }
        List<String> names = new ArrayList<>();
        forEachMember(keySchema, path, (k, member) -> {
            String attr = Json.text(k, "AttributeName");
            String kind = Json.text(k, "KeyType");
            constraints.notNull(attr, member + "attributeName")
                    .length(attr, member + "attributeName", 1, 255)
                    .notNull(kind, member + "keyType")
                    .oneOf(kind, member + "keyType", "HASH", "RANGE");
            names.add(attr);
        });
        constraints.check();
        return names;
    }

    /**
     * Gives each element of a list to {@code action} with its path in constraint messages
     * ({@code listPath.i.member.}, counting from 1); an element that is not a structure is a serialization error.
     */
    private static void forEachMember(JsonNode list, String listPath, BiConsumer<JsonNode, String> action) {
        int i = 1;
        for (JsonNode element : list) {
            if (!element.isObject()) {
                throw Json.unexpected(element, "structure");
            }
            action.accept(element, listPath + "." + i + ".member.");
            i++;
        }
    }

    /** Checks the order of HASH and RANGE elements of a key schema whose shape is valid. */
    static void order(JsonNode keySchema) {
        if (!"HASH".equals(Json.text(keySchema.get(0), "KeyType"))) {
            throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (keySchema.size() == 2) {
            if (!"RANGE".equals(Json.text(keySchema.get(1), "KeyType"))) {
                throw DynamoException.validation(
                        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
            if (Json.text(keySchema.get(0), "AttributeName").equals(Json.text(keySchema.get(1), "AttributeName"))) {
                throw DynamoException.validation(
                        "Both the Hash Key and the Range Key element in the KeySchema have the same name");
            }
        }
    }

    /**
     * Checks the order of a global secondary index's key schema whose shape is valid: one to four HASH elements,
     * then up to four RANGE elements, no attribute twice.
     */
    static void globalOrder(JsonNode keySchema) {
        if (keySchema.size() <= 2) {
            if (keySchema.size() == 2 && "HASH".equals(Json.text(keySchema.get(1), "KeyType"))
                    && "HASH".equals(Json.text(keySchema.get(0), "KeyType"))) {
                distinct(keySchema);
                return;
            }
            order(keySchema);
            return;
        }
        if (!"HASH".equals(Json.text(keySchema.get(0), "KeyType"))) {
            throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        int hash = 0;
        int range = 0;
        for (JsonNode k : keySchema) {
            if ("HASH".equals(Json.text(k, "KeyType"))) {
                if (range > 0) {
                    throw DynamoException.validation(
                            "Invalid KeySchema: A HASH KeySchemaElement follows a RANGE KeySchemaElement");
                }
                hash++;
            } else {
                range++;
            }
        }
        if (hash > MAX_MULTI_ATTRIBUTE_KEYS) {
            throw DynamoException.validation("Invalid KeySchema: A global secondary index can have at most "
                    + MAX_MULTI_ATTRIBUTE_KEYS + " HASH KeySchemaElements");
        }
        if (range > MAX_MULTI_ATTRIBUTE_KEYS) {
            throw DynamoException.validation("Invalid KeySchema: A global secondary index can have at most "
                    + MAX_MULTI_ATTRIBUTE_KEYS + " RANGE KeySchemaElements");
        }
        distinct(keySchema);
    }

    private static void distinct(JsonNode keySchema) {
        Set<String> seen = new HashSet<>();
        for (JsonNode k : keySchema) {
            String name = Json.text(k, "AttributeName");
            if (!seen.add(name)) {
                throw DynamoException.validation("Invalid KeySchema: Duplicate attribute name in KeySchema: " + name);
            }
        }
    }

    /** Requires every key attribute to be defined. */
    static void defined(Collection<String> keys, Map<String, String> types) {
        if (!types.keySet().containsAll(keys)) {
            throw DynamoException.validation("One or more parameter values were invalid: Some index key attributes "
                    + "are not defined in AttributeDefinitions. Keys: " + keys + ", AttributeDefinitions: "
                    + types.keySet());
        }
    }

    /** The key schema as DescribeTable returns it. */
    static ArrayNode node(JsonNode keySchema) {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode k : keySchema) {
            out.add(NODES.objectNode().put("AttributeName", Json.text(k, "AttributeName"))
                    .put("KeyType", Json.text(k, "KeyType")));
        }
        return out;
    }

    /** Attribute definitions as DescribeTable returns them: sorted by name. */
    static ArrayNode definitionsNode(Map<String, String> types) {
        ArrayNode out = NODES.arrayNode();
        new TreeMap<>(types).forEach((name, type) ->
                out.add(NODES.objectNode().put("AttributeName", name).put("AttributeType", type)));
        return out;
    }

    /** Reads stored attribute definitions back into a map. */
    static Map<String, String> types(JsonNode definitions) {
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode d : definitions) {
            types.put(d.path("AttributeName").asText(), d.path("AttributeType").asText());
        }
        return types;
    }

    /** The attribute names of a stored key schema. */
    static List<String> names(JsonNode keySchema) {
        List<String> names = new ArrayList<>();
        keySchema.forEach(k -> names.add(k.path("AttributeName").asText()));
        return names;
    }

    private static String describe(JsonNode keySchema) {
        List<String> elements = new ArrayList<>();
        keySchema.forEach(k -> elements.add("KeySchemaElement(attributeName=" + k.path("AttributeName").asText()
                + ", keyType=" + k.path("KeyType").asText() + ")"));
        return elements.toString();
    }
}
