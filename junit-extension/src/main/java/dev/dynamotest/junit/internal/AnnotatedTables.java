package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.junit.DynamoIndex;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.ScalarType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link DynamoTable} annotation into a CreateTable request, refusing contradictions. */
final class AnnotatedTables {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_INDEX_KEY_ATTRIBUTES = 4;

    private AnnotatedTables() {
    }

    static TableDeclaration read(DynamoTable table, Class<?> testClass) {
        String where = "@DynamoTable \"" + table.name() + "\" on " + testClass.getSimpleName();
        if (table.name().isBlank()) {
            throw new MisuseException("@DynamoTable on " + testClass.getSimpleName() + ": name is empty");
        }
        if (table.partitionKey().isBlank()) {
            throw new MisuseException(where + ": partitionKey is empty; name the partition key attribute");
        }
        checkSortKey(where, table.sortKey(), table.sortKeyType());
        if ((table.readCapacity() > 0) != (table.writeCapacity() > 0)) {
            throw new MisuseException(where + ": " + (table.readCapacity() > 0 ? "readCapacity" : "writeCapacity")
                    + " is set but " + (table.readCapacity() > 0 ? "writeCapacity" : "readCapacity")
                    + " is not; set both for a PROVISIONED table, or neither for PAY_PER_REQUEST");
        }
        Map<String, String> types = new LinkedHashMap<>();
        ObjectNode request = NODES.objectNode();
        request.put("TableName", table.name());
        request.set("KeySchema", keySchema(where, types, table.partitionKey(), table.partitionKeyType(),
                table.sortKey(), table.sortKeyType()));
        boolean provisioned = table.readCapacity() > 0;
        request.put("BillingMode", provisioned ? "PROVISIONED" : "PAY_PER_REQUEST");
        if (provisioned) {
            request.set("ProvisionedThroughput", throughput(table.readCapacity(), table.writeCapacity()));
        }
        if (table.globalIndexes().length > 0) {
            ArrayNode indexes = request.putArray("GlobalSecondaryIndexes");
            for (DynamoIndex index : table.globalIndexes()) {
                String at = "@DynamoIndex \"" + index.name() + "\" of " + where;
                List<String> partitionKey = names(index.partitionKey());
                if (partitionKey.isEmpty()) {
                    throw new MisuseException(at + ": partitionKey is empty; a global index needs its own");
                }
                List<ScalarType> partitionKeyType = types(at, "partitionKey", index.partitionKeyType(),
                        partitionKey.size());
                ObjectNode node = index(at, types, index, partitionKey, partitionKeyType, MAX_INDEX_KEY_ATTRIBUTES);
                if (provisioned) {
                    node.set("ProvisionedThroughput", throughput(table.readCapacity(), table.writeCapacity()));
                }
                indexes.add(node);
            }
        }
        if (table.localIndexes().length > 0) {
            ArrayNode indexes = request.putArray("LocalSecondaryIndexes");
            for (DynamoIndex index : table.localIndexes()) {
                String at = "@DynamoIndex \"" + index.name() + "\" of " + where;
                List<String> partitionKey = names(index.partitionKey());
                if (!partitionKey.isEmpty() && !partitionKey.equals(List.of(table.partitionKey()))) {
                    throw new MisuseException(at + ": a local index shares the table's partition key \""
                            + table.partitionKey() + "\"; leave partitionKey empty");
                }
                if (names(index.sortKey()).isEmpty()) {
                    throw new MisuseException(at + ": sortKey is empty; a local index needs a sort key");
                }
                indexes.add(index(at, types, index, List.of(table.partitionKey()),
                        List.of(table.partitionKeyType()), 1));
            }
        }
        ArrayNode definitions = NODES.arrayNode();
        types.forEach((name, type) -> definitions.addObject().put("AttributeName", name).put("AttributeType", type));
        request.set("AttributeDefinitions", definitions);
        if (table.stream() != DynamoTable.StreamView.NONE) {
            request.putObject("StreamSpecification").put("StreamEnabled", true)
                    .put("StreamViewType", table.stream().name());
        }
        String ttl = table.ttlAttribute().isBlank() ? null : table.ttlAttribute();
        String region = table.region().isBlank() ? null : table.region();
        return new TableDeclaration(region, table.name(), request, ttl, where);
    }

    private static ObjectNode index(String at, Map<String, String> types, DynamoIndex index,
            List<String> partitionKey, List<ScalarType> partitionKeyType, int maxAttributes) {
        if (index.name().isBlank()) {
            throw new MisuseException(at + ": name is empty");
        }
        List<String> sortKey = names(index.sortKey());
        if (sortKey.isEmpty() && !given(index.sortKeyType()).isEmpty()) {
            throw new MisuseException(at + ": sortKeyType is set but sortKey is empty");
        }
        List<ScalarType> sortKeyType = types(at, "sortKey", index.sortKeyType(), sortKey.size());
        for (String part : new String[] {"partitionKey", "sortKey"}) {
            int count = part.equals("sortKey") ? sortKey.size() : partitionKey.size();
            if (count > maxAttributes) {
                throw new MisuseException(at + ": " + part + " has " + count + " attributes; " + (maxAttributes == 1
                        ? "a local index has one" : "a global index has at most " + maxAttributes));
            }
        }
        if (index.nonKeyAttributes().length > 0 && index.projection() != DynamoIndex.Projection.INCLUDE) {
            throw new MisuseException(at + ": nonKeyAttributes is set but projection is " + index.projection()
                    + "; use projection = INCLUDE");
        }
        ObjectNode node = NODES.objectNode();
        node.put("IndexName", index.name());
        ArrayNode keySchema = NODES.arrayNode();
        addKeys(at, types, keySchema, "HASH", partitionKey, partitionKeyType);
        addKeys(at, types, keySchema, "RANGE", sortKey, sortKeyType);
        node.set("KeySchema", keySchema);
        ObjectNode projection = node.putObject("Projection").put("ProjectionType", index.projection().name());
        if (index.nonKeyAttributes().length > 0) {
            ArrayNode attributes = projection.putArray("NonKeyAttributes");
            for (String attribute : index.nonKeyAttributes()) {
                attributes.add(attribute);
            }
        }
        return node;
    }

    /** The attribute names given; one blank name (as {@code partitionKey = ""} writes it) stands for none. */
    private static List<String> names(String[] given) {
        return given.length == 1 && given[0].isBlank() ? List.of() : List.of(given);
    }

    /** The types given; one {@code UNSET} (as {@code sortKeyType = ScalarType.UNSET} writes it) stands for none. */
    private static List<ScalarType> given(ScalarType[] given) {
        return given.length == 1 && given[0] == ScalarType.UNSET ? List.of() : List.of(given);
    }

    /** The types given for {@code count} attributes: none (strings), or one per attribute. */
    private static List<ScalarType> types(String at, String member, ScalarType[] given, int count) {
        List<ScalarType> types = given(given);
        if (types.isEmpty()) {
            return Collections.nCopies(count, ScalarType.UNSET);
        }
        if (types.size() != count) {
            throw new MisuseException(at + ": " + member + "Type has " + types.size() + (types.size() == 1
                    ? " type" : " types") + " for " + count + " " + member + " attributes; give one type per "
                    + "attribute, in the same order");
        }
        return types;
    }

    private static void addKeys(String where, Map<String, String> types, ArrayNode schema, String keyType,
            List<String> names, List<ScalarType> keyTypes) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                throw new MisuseException(where + ": an attribute name of " + ("HASH".equals(keyType)
                        ? "partitionKey" : "sortKey") + " is empty");
            }
            schema.addObject().put("AttributeName", names.get(i)).put("KeyType", keyType);
            define(where, types, names.get(i), keyTypes.get(i));
        }
    }

    private static void checkSortKey(String where, String sortKey, ScalarType sortKeyType) {
        if (sortKey.isBlank() && sortKeyType != ScalarType.UNSET) {
            throw new MisuseException(where + ": sortKeyType is set but sortKey is empty");
        }
    }

    private static ArrayNode keySchema(String where, Map<String, String> types, String partitionKey,
            ScalarType partitionKeyType, String sortKey, ScalarType sortKeyType) {
        ArrayNode schema = NODES.arrayNode();
        schema.addObject().put("AttributeName", partitionKey).put("KeyType", "HASH");
        define(where, types, partitionKey, partitionKeyType);
        if (!sortKey.isBlank()) {
            schema.addObject().put("AttributeName", sortKey).put("KeyType", "RANGE");
            define(where, types, sortKey, sortKeyType);
        }
        return schema;
    }

    private static void define(String where, Map<String, String> types, String attribute, ScalarType type) {
        String given = type == ScalarType.UNSET ? null : type.name();
        String known = types.get(attribute);
        if (known == null) {
            types.put(attribute, given == null ? "S" : given);
        } else if (given != null && !given.equals(known)) {
            throw new MisuseException(where + ": attribute \"" + attribute + "\" is typed " + given
                    + " here but " + known + " elsewhere in the table; a key attribute has one type");
        }
    }

    private static ObjectNode throughput(long read, long write) {
        return NODES.objectNode().put("ReadCapacityUnits", read).put("WriteCapacityUnits", write);
    }
}
