package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code AWS::DynamoDB::Table} and {@code AWS::DynamoDB::GlobalTable} resources of a
 * CloudFormation template into CreateTable requests. Settings that only matter to a deployed table
 * (encryption keys, Kinesis destinations, contributor insights) are left out; Application Auto Scaling
 * resources are attached by {@link CloudFormationScaling}.
 */
final class CloudFormationTables {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * A member of a global table's CreateTable request, not sent: the regions of all its replicas. The first
     * replica is created with CreateTable, the others as its replicas with UpdateTable's ReplicaUpdates.
     */
    static final String REPLICA_GROUP = "__ReplicaGroup";
    private static final List<String> COPIED = List.of("AttributeDefinitions", "KeySchema", "BillingMode",
            "LocalSecondaryIndexes", "TableClass", "DeletionProtectionEnabled", "Tags");

    private CloudFormationTables() {
    }

    /** The tables of the template, in the class's region unless a global table's replica names another. */
    static List<TableDeclaration> read(JsonNode template, Map<String, String> parameters, String classRegion,
            String where) {
        List<TableDeclaration> tables = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            if (type.equals("AWS::DynamoDB::Table")) {
                tables.add(table(template, parameters, resource.getKey(), resource.getValue(), classRegion, where));
            } else if (type.equals("AWS::DynamoDB::GlobalTable")) {
                tables.addAll(globalTable(template, parameters, resource.getKey(), resource.getValue(), classRegion,
                        where));
            }
        }
        if (tables.isEmpty()) {
            throw new MisuseException(where + ": the template has no AWS::DynamoDB::Table or "
                    + "AWS::DynamoDB::GlobalTable resource");
        }
        CloudFormationScaling.attach(template, parameters, classRegion, where, tables);
        return tables;
    }

    private static TableDeclaration table(JsonNode template, Map<String, String> parameters, String logicalId,
            JsonNode resource, String region, String where) {
        JsonNode properties = new Intrinsics(template, parameters, region).resolve(resource.path("Properties"));
        ObjectNode request = base(properties, logicalId, where);
        if (properties.has("ProvisionedThroughput")) {
            request.set("ProvisionedThroughput", throughput(properties.get("ProvisionedThroughput")));
        }
        if (!request.has("BillingMode")) {
            request.put("BillingMode", request.has("ProvisionedThroughput") ? "PROVISIONED" : "PAY_PER_REQUEST");
        }
        JsonNode indexes = properties.get("GlobalSecondaryIndexes");
        if (indexes != null && indexes.isArray()) {
            ArrayNode copies = request.putArray("GlobalSecondaryIndexes");
            for (JsonNode index : indexes) {
                ObjectNode copy = indexBase(index);
                if (index.has("ProvisionedThroughput")) {
                    copy.set("ProvisionedThroughput", throughput(index.get("ProvisionedThroughput")));
                }
                copies.add(copy);
            }
        }
        return new TableDeclaration(region, request.get("TableName").asText(), request, ttl(properties),
                where + ", resource " + logicalId);
    }

    private static List<TableDeclaration> globalTable(JsonNode template, Map<String, String> parameters,
            String logicalId, JsonNode resource, String classRegion, String where) {
        JsonNode replicas = resource.path("Properties").path("Replicas");
        List<TableDeclaration> tables = new ArrayList<>();
        if (!replicas.isArray() || replicas.isEmpty()) {
            tables.add(globalReplica(template, parameters, logicalId, resource, NODES.objectNode(), classRegion,
                    where));
        }
        ArrayNode group = NODES.arrayNode();
        for (JsonNode replica : replicas) {
            JsonNode regionNode = new Intrinsics(template, parameters, classRegion).resolve(replica.path("Region"));
            String region = regionNode == null || regionNode.asText().isEmpty() ? classRegion : regionNode.asText();
            group.add(region);
            tables.add(globalReplica(template, parameters, logicalId, resource, replica, region, where));
        }
        if (group.size() > 1) {
            tables.forEach(t -> t.createRequest().set(REPLICA_GROUP, group));
        }
        return tables;
    }

    private static TableDeclaration globalReplica(JsonNode template, Map<String, String> parameters,
            String logicalId, JsonNode resource, JsonNode replicaNode, String region, String where) {
        Intrinsics intrinsics = new Intrinsics(template, parameters, region);
        JsonNode properties = intrinsics.resolve(resource.path("Properties"));
        JsonNode replica = intrinsics.resolve(replicaNode);
        ObjectNode request = base(properties, logicalId, where);
        request.remove("Tags");
        for (String field : List.of("TableClass", "DeletionProtectionEnabled", "Tags")) {
            if (replica.has(field)) {
                request.set(field, replica.get(field));
            }
        }
        boolean provisioned = "PROVISIONED".equals(properties.path("BillingMode").asText("PROVISIONED"));
        request.put("BillingMode", provisioned ? "PROVISIONED" : "PAY_PER_REQUEST");
        long write = properties.path("WriteProvisionedThroughputSettings").path("WriteCapacityAutoScalingSettings")
                .path("MinCapacity").asLong(5);
        if (provisioned) {
            request.set("ProvisionedThroughput", NODES.objectNode()
                    .put("ReadCapacityUnits", readCapacity(replica.path("ReadProvisionedThroughputSettings")))
                    .put("WriteCapacityUnits", write));
        }
        JsonNode indexes = properties.get("GlobalSecondaryIndexes");
        if (indexes != null && indexes.isArray()) {
            ArrayNode copies = request.putArray("GlobalSecondaryIndexes");
            for (JsonNode index : indexes) {
                ObjectNode copy = indexBase(index);
                if (provisioned) {
                    copy.set("ProvisionedThroughput", NODES.objectNode()
                            .put("ReadCapacityUnits", replicaIndexRead(replica, index.path("IndexName").asText()))
                            .put("WriteCapacityUnits", index.path("WriteProvisionedThroughputSettings")
                                    .path("WriteCapacityAutoScalingSettings").path("MinCapacity").asLong(write)));
                }
                copies.add(copy);
            }
        }
        return new TableDeclaration(region, request.get("TableName").asText(), request, ttl(properties),
                where + ", resource " + logicalId + " (replica " + region + ")");
    }

    private static ObjectNode base(JsonNode properties, String logicalId, String where) {
        ObjectNode request = NODES.objectNode();
        JsonNode name = properties.get("TableName");
        if (name == null && properties.has("TableName")) {
            throw new MisuseException(where + ", resource " + logicalId + ": TableName cannot be resolved "
                    + "without a deployed stack; give it a literal, a Ref to a parameter, or an Fn::Sub of "
                    + "parameters");
        }
        request.put("TableName", name == null ? logicalId : name.asText());
        for (String field : COPIED) {
            if (properties.has(field)) {
                request.set(field, properties.get(field));
            }
        }
        JsonNode stream = properties.path("StreamSpecification").path("StreamViewType");
        if (stream.isTextual()) {
            request.putObject("StreamSpecification").put("StreamEnabled", true)
                    .put("StreamViewType", stream.asText());
        }
        return request;
    }

    private static ObjectNode indexBase(JsonNode index) {
        ObjectNode copy = NODES.objectNode();
        copy.set("IndexName", index.get("IndexName"));
        copy.set("KeySchema", index.get("KeySchema"));
        copy.set("Projection", index.get("Projection"));
        return copy;
    }

    private static ObjectNode throughput(JsonNode given) {
        return NODES.objectNode()
                .put("ReadCapacityUnits", given.path("ReadCapacityUnits").asLong(5))
                .put("WriteCapacityUnits", given.path("WriteCapacityUnits").asLong(5));
    }

    private static long readCapacity(JsonNode settings) {
        if (settings.has("ReadCapacityUnits")) {
            return settings.get("ReadCapacityUnits").asLong(5);
        }
        return settings.path("ReadCapacityAutoScalingSettings").path("MinCapacity").asLong(5);
    }

    private static long replicaIndexRead(JsonNode replica, String indexName) {
        for (JsonNode index : replica.path("GlobalSecondaryIndexes")) {
            if (index.path("IndexName").asText().equals(indexName)) {
                return readCapacity(index.path("ReadProvisionedThroughputSettings"));
            }
        }
        return readCapacity(replica.path("ReadProvisionedThroughputSettings"));
    }

    private static String ttl(JsonNode properties) {
        JsonNode ttl = properties.path("TimeToLiveSpecification");
        return ttl.path("Enabled").asBoolean(false) && ttl.path("AttributeName").isTextual()
                ? ttl.get("AttributeName").asText() : null;
    }
}
