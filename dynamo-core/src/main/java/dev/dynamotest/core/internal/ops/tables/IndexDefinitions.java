package dev.dynamotest.core.internal.ops.tables;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;
import static dev.dynamotest.core.internal.schema.Throughputs.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import java.util.List;
import java.util.TreeSet;

/** Validates the definition of one secondary index (name, key schema, projection) and builds its description. */
final class IndexDefinitions {

    private static final int MAX_NON_KEY_ATTRIBUTES = 20;

    private IndexDefinitions() {
    }

    /**
     * Checks the shape of an index definition at {@code path} (e.g. {@code globalSecondaryIndexes.1.member});
     * returns its key attribute names, hash first. A global index ({@code global}) may have multi-attribute keys.
     */
    static List<String> shape(JsonNode spec, String path, boolean global) {
        if (!spec.isObject()) {
            throw Json.unexpected(spec, "structure");
        }
        String name = Json.text(spec, "IndexName");
        JsonNode keySchema = Json.array(spec, "KeySchema");
        JsonNode projection = Json.object(spec, "Projection");
        new Constraints()
                .tableName(name, path + ".indexName")
                .notNull(keySchema, path + ".keySchema")
                .notNull(projection, path + ".projection")
                .check();
        List<String> keys = KeySchemas.shape(keySchema, path + ".keySchema", global);
        projectionShape(projection, path + ".projection");
        return keys;
    }

    /** The description of a valid index definition: name, key schema, projection, size, count and ARN. */
    static ObjectNode describe(JsonNode spec, String tableArn) {
        String name = Json.text(spec, "IndexName");
        ObjectNode index = NODES.objectNode();
        index.put("IndexName", name);
        index.set("KeySchema", KeySchemas.node(spec.get("KeySchema")));
        index.set("Projection", projection(spec.get("Projection")));
        index.put("IndexSizeBytes", 0L);
        index.put("ItemCount", 0L);
        index.put("IndexArn", tableArn + "/index/" + name);
        return index;
    }

    private static void projectionShape(JsonNode projection, String path) {
        String type = Json.text(projection, "ProjectionType");
        JsonNode nonKey = Json.array(projection, "NonKeyAttributes");
        Constraints constraints = new Constraints().oneOf(type, path + ".projectionType", "ALL", "KEYS_ONLY",
                "INCLUDE");
        if (nonKey != null) {
            boolean badLength = false;
            for (JsonNode n : nonKey) {
                if (!n.isTextual()) {
                    throw Json.unexpected(n, "string");
                }
                int length = n.textValue().codePointCount(0, n.textValue().length());
                badLength |= length < 1 || length > 255;
            }
            if (nonKey.size() > MAX_NON_KEY_ATTRIBUTES) {
                constraints.violation(names(nonKey), path + ".nonKeyAttributes",
                        "Member must have length less than or equal to " + MAX_NON_KEY_ATTRIBUTES);
            }
            if (badLength) {
                constraints.violation(names(nonKey), path + ".nonKeyAttributes", "Member must satisfy constraint: "
                        + "[Member must have length less than or equal to 255, Member must have length greater "
                        + "than or equal to 1]");
            }
        }
        constraints.check();
        if (type == null) {
            throw DynamoException.validation(INVALID + "Unknown ProjectionType: null");
        }
        if (nonKey == null && "INCLUDE".equals(type)) {
            throw DynamoException.validation(INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not "
                    + "specified");
        }
        if (nonKey != null && !"INCLUDE".equals(type)) {
            throw DynamoException.validation(INVALID + "ProjectionType is " + type + ", but NonKeyAttributes is "
                    + "specified");
        }
        if (nonKey != null) {
            TreeSet<String> seen = new TreeSet<>();
            for (JsonNode n : nonKey) {
                if (!seen.add(n.textValue())) {
                    throw DynamoException.validation(INVALID + "Duplicate element in NonKeyAttributes: "
                            + n.textValue());
                }
            }
        }
    }

    /** How many non-key attributes an index definition projects. */
    static int nonKeyAttributeCount(JsonNode spec) {
        JsonNode nonKey = spec.path("Projection").path("NonKeyAttributes");
        return nonKey.isArray() ? nonKey.size() : 0;
    }

    private static ObjectNode projection(JsonNode projection) {
        ObjectNode out = NODES.objectNode();
        out.put("ProjectionType", Json.text(projection, "ProjectionType"));
        JsonNode nonKey = projection.get("NonKeyAttributes");
        if (nonKey != null && nonKey.isArray()) {
            ArrayNode names = out.putArray("NonKeyAttributes");
            TreeSet<String> sorted = new TreeSet<>();
            nonKey.forEach(n -> sorted.add(n.textValue()));
            sorted.forEach(names::add);
        }
        return out;
    }

    private static String names(JsonNode nonKey) {
        StringBuilder b = new StringBuilder("[");
        nonKey.forEach(n -> b.append(b.length() > 1 ? ", " : "").append(n.asText()));
        return b.append("]").toString();
    }
}
