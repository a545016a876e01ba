package dev.dynamotest.core.internal.ops;

import static dev.dynamotest.core.internal.ops.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a CreateTable request's key schema, attribute definitions, billing and indexes, and builds the description. */
final class TableSchemaValidator {

    ObjectNode describeNewTable(ObjectNode request, String name, String arn, Instant now) {
        JsonNode keySchema = request.get("KeySchema");
        JsonNode definitions = request.get("AttributeDefinitions");
        Map<String, String> types = attributeDefinitions(definitions);
        List<String> tableKeys = keySchema(keySchema, "keySchema");
        Set<String> used = new LinkedHashSet<>(tableKeys);
        checkDefined(tableKeys, types);

        String billingMode = Json.text(request, "BillingMode");
        boolean onDemand = "PAY_PER_REQUEST".equals(billingMode);
        JsonNode throughput = Json.object(request, "ProvisionedThroughput");
        ObjectNode pt = billing(onDemand, throughput, "provisionedThroughput");

        ObjectNode d = NODES.objectNode();
        ArrayNode defs = d.putArray("AttributeDefinitions");
        d.put("TableName", name);
        d.set("KeySchema", keySchemaNode(keySchema));
        d.put("TableStatus", "ACTIVE");
        d.put("CreationDateTime", Times.epochSeconds(now));
        d.set("ProvisionedThroughput", pt);
        d.put("TableSizeBytes", 0L);
        d.put("ItemCount", 0L);
        d.put("TableArn", arn);
        d.put("TableId", TableOperations.newTableId());
        if (billingMode != null) {
            ObjectNode summary = d.putObject("BillingModeSummary");
            summary.put("BillingMode", billingMode);
            if (onDemand) {
                summary.put("LastUpdateToPayPerRequestDateTime", Times.epochSeconds(now));
            }
        }
        String tableClass = Json.text(request, "TableClass");
        if (tableClass != null) {
            d.putObject("TableClassSummary").put("TableClass", tableClass);
        }
        d.put("DeletionProtectionEnabled", Json.bool(request, "DeletionProtectionEnabled", false));

        Set<String> indexNames = new HashSet<>();
        JsonNode lsis = Json.array(request, "LocalSecondaryIndexes");
        if (lsis != null) {
            if (tableKeys.size() < 2) {
                throw DynamoException.validation("One or more parameter values were invalid: Table KeySchema does not "
                        + "have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            if (lsis.size() > 5) {
                throw DynamoException.validation("One or more parameter values were invalid: Number of "
                        + "LocalSecondaryIndexes exceeds per-table limit of 5");
            }
            ArrayNode out = d.putArray("LocalSecondaryIndexes");
            for (JsonNode lsi : lsis) {
                ObjectNode index = index(lsi, "localSecondaryIndexes", types, used, indexNames, arn);
                String indexHash = index.path("KeySchema").path(0).path("AttributeName").asText();
                if (!indexHash.equals(tableKeys.get(0))) {
                    throw DynamoException.validation("One or more parameter values were invalid: Index KeySchema does "
                            + "not have the same leading hash key as table KeySchema for index: "
                            + index.path("IndexName").asText() + ". index hash key: " + indexHash
                            + ", table hash key: " + tableKeys.get(0));
                }
                if (index.path("KeySchema").size() < 2) {
                    throw DynamoException.validation("One or more parameter values were invalid: Index KeySchema does "
                            + "not have a range key for index: " + index.path("IndexName").asText());
                }
                out.add(index);
            }
        }
        JsonNode gsis = Json.array(request, "GlobalSecondaryIndexes");
        if (gsis != null) {
            if (gsis.size() > 20) {
                throw DynamoException.validation("One or more parameter values were invalid: Number of "
                        + "GlobalSecondaryIndexes exceeds per-table limit of 20");
            }
            ArrayNode out = d.putArray("GlobalSecondaryIndexes");
            for (JsonNode gsi : gsis) {
                ObjectNode index = index(gsi, "globalSecondaryIndexes", types, used, indexNames, arn);
                index.put("IndexStatus", "ACTIVE");
                JsonNode indexThroughput = Json.object(gsi, "ProvisionedThroughput");
                if (!onDemand && indexThroughput == null) {
                    throw DynamoException.validation("One or more parameter values were invalid: ProvisionedThroughput "
                            + "should not be null for index: " + index.path("IndexName").asText());
                }
                index.set("ProvisionedThroughput", billing(onDemand, indexThroughput,
                        "globalSecondaryIndexes.member.provisionedThroughput"));
                out.add(index);
            }
        }
        if (!used.equals(types.keySet())) {
            throw DynamoException.validation("One or more parameter values were invalid: Number of attributes in "
                    + "KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        for (JsonNode def : definitions) {
            defs.add(NODES.objectNode().put("AttributeName", def.path("AttributeName").asText())
                    .put("AttributeType", def.path("AttributeType").asText()));
        }
        return d;
    }

    private static Map<String, String> attributeDefinitions(JsonNode definitions) {
        Constraints constraints = new Constraints();
        Map<String, String> types = new LinkedHashMap<>();
        int i = 1;
        for (JsonNode def : definitions) {
            if (!def.isObject()) {
                throw Json.unexpected(def, "structure");
            }
            String attr = Json.text(def, "AttributeName");
            String type = Json.text(def, "AttributeType");
            constraints.notNull(attr, "attributeDefinitions." + i + ".member.attributeName");
            constraints.notNull(type, "attributeDefinitions." + i + ".member.attributeType");
            constraints.oneOf(type, "attributeDefinitions." + i + ".member.attributeType", "B", "N", "S");
            i++;
            if (attr != null && types.put(attr, type) != null) {
                constraints.check();
                throw DynamoException.validation("Cannot have two attributes with the same name: Duplicate "
                        + "AttributeName: " + attr);
            }
        }
        constraints.check();
        return types;
    }

    /** Validates a key schema; returns the attribute names, hash first. */
    private static List<String> keySchema(JsonNode keySchema, String path) {
        Constraints constraints = new Constraints();
        if (keySchema.isEmpty()) {
            constraints.violation("[]", path, "Member must have length greater than or equal to 1");
        }
        if (keySchema.size() > 2) {
            constraints.violation(keySchema.size(), path, "Member must have length less than or equal to 2");
        }
        List<String> names = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        int i = 1;
        for (JsonNode k : keySchema) {
            if (!k.isObject()) {
                throw Json.unexpected(k, "structure");
            }
            String attr = Json.text(k, "AttributeName");
            String kind = Json.text(k, "KeyType");
            constraints.notNull(attr, path + "." + i + ".member.attributeName");
            constraints.notNull(kind, path + "." + i + ".member.keyType");
            constraints.oneOf(kind, path + "." + i + ".member.keyType", "HASH", "RANGE");
            if (attr != null && (attr.isEmpty() || attr.length() > 255)) {
                constraints.violation(attr, path + "." + i + ".member.attributeName",
                        attr.isEmpty() ? "Member must have length greater than or equal to 1"
                                : "Member must have length less than or equal to 255");
            }
            names.add(attr);
            kinds.add(kind);
            i++;
        }
        constraints.check();
        if (!"HASH".equals(kinds.get(0))) {
            throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (kinds.size() == 2) {
            if ("HASH".equals(kinds.get(1))) {
                throw DynamoException.validation("Too many hash keys specified.  All Dynamo DB tables must have "
                        + "exactly one hash key");
            }
            if (names.get(0).equals(names.get(1))) {
                throw DynamoException.validation("Both the Hash Key and the Range Key element in the KeySchema have "
                        + "the same name");
            }
        }
        return names;
    }

    private static void checkDefined(List<String> keys, Map<String, String> types) {
        if (!types.keySet().containsAll(keys)) {
            throw DynamoException.validation("One or more parameter values were invalid: Some index key attributes "
                    + "are not defined in AttributeDefinitions. Keys: " + keys + ", AttributeDefinitions: "
                    + types.keySet());
        }
    }

    private ObjectNode index(JsonNode spec, String path, Map<String, String> types, Set<String> used,
            Set<String> indexNames, String tableArn) {
        if (!spec.isObject()) {
            throw Json.unexpected(spec, "structure");
        }
        String name = Json.text(spec, "IndexName");
        JsonNode keySchema = Json.array(spec, "KeySchema");
        JsonNode projection = Json.object(spec, "Projection");
        new Constraints()
                .tableName(name, path + ".member.indexName")
                .notNull(keySchema, path + ".member.keySchema")
                .notNull(projection, path + ".member.projection")
                .check();
        List<String> keys = keySchema(keySchema, path + ".member.keySchema");
        checkDefined(keys, types);
        used.addAll(keys);
        if (!indexNames.add(name)) {
            throw DynamoException.validation("One or more parameter values were invalid: Duplicate index name: " + name);
        }
        ObjectNode index = NODES.objectNode();
        index.put("IndexName", name);
        index.set("KeySchema", keySchemaNode(keySchema));
        index.set("Projection", projection(projection, path));
        index.put("IndexSizeBytes", 0L);
        index.put("ItemCount", 0L);
        index.put("IndexArn", tableArn + "/index/" + name);
        return index;
    }

    private static ObjectNode projection(JsonNode projection, String path) {
        String type = Json.text(projection, "ProjectionType");
        new Constraints().oneOf(type, path + ".member.projection.projectionType", "ALL", "KEYS_ONLY", "INCLUDE")
                .check();
        JsonNode nonKey = Json.array(projection, "NonKeyAttributes");
        ObjectNode out = NODES.objectNode();
        out.put("ProjectionType", type == null ? "ALL" : type);
        if (nonKey != null) {
            if (!"INCLUDE".equals(type)) {
                throw DynamoException.validation("One or more parameter values were invalid: ProjectionType is "
                        + (type == null ? "ALL" : type) + ", but NonKeyAttributes is specified");
            }
            ArrayNode names = out.putArray("NonKeyAttributes");
            nonKey.forEach(n -> names.add(Json.text(n)));
        } else if ("INCLUDE".equals(type)) {
            throw DynamoException.validation("One or more parameter values were invalid: ProjectionType is INCLUDE, "
                    + "but NonKeyAttributes is not specified");
        }
        return out;
    }

    private static ArrayNode keySchemaNode(JsonNode keySchema) {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode k : keySchema) {
            out.add(NODES.objectNode().put("AttributeName", k.path("AttributeName").asText())
                    .put("KeyType", k.path("KeyType").asText()));
        }
        return out;
    }

    private static ObjectNode billing(boolean onDemand, JsonNode throughput, String path) {
        if (onDemand) {
            if (throughput != null) {
                throw DynamoException.validation("One or more parameter values were invalid: Neither "
                        + "ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
                        + "PAY_PER_REQUEST");
            }
            return zeroThroughput();
        }
        if (throughput == null) {
            throw DynamoException.validation("One or more parameter values were invalid: ReadCapacityUnits and "
                    + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        ObjectNode pt = throughput(throughput, path);
        pt.put("NumberOfDecreasesToday", 0);
        return pt;
    }

    /** Validates a ProvisionedThroughput structure and returns its normalised form. */
    static ObjectNode throughput(JsonNode throughput, String path) {
        Long read = Json.integer(throughput, "ReadCapacityUnits");
        Long write = Json.integer(throughput, "WriteCapacityUnits");
        new Constraints()
                .notNull(read, path + ".readCapacityUnits")
                .notNull(write, path + ".writeCapacityUnits")
                .range(read, path + ".readCapacityUnits", 1, Long.MAX_VALUE)
                .range(write, path + ".writeCapacityUnits", 1, Long.MAX_VALUE)
                .check();
        ObjectNode pt = NODES.objectNode();
        pt.put("ReadCapacityUnits", read);
        pt.put("WriteCapacityUnits", write);
        return pt;
    }

    static ObjectNode zeroThroughput() {
        ObjectNode pt = NODES.objectNode();
        pt.put("NumberOfDecreasesToday", 0);
        pt.put("ReadCapacityUnits", 0);
        pt.put("WriteCapacityUnits", 0);
        return pt;
    }
}
