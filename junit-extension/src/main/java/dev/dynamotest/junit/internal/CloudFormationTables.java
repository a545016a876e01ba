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
 * CloudFormation template into CreateTable requests, the template's conditions and intrinsic functions
 * evaluated by {@link Intrinsics}; a resource whose {@code Condition} is false is not created. Settings that only
 * matter to a deployed table ({@link #NOT_READ}: encryption keys, Kinesis destinations, contributor insights) are
 * left out; Application Auto Scaling resources are attached by {@link CloudFormationScaling}.
 */
final class CloudFormationTables {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * A member of a global table's CreateTable request, not sent: the regions of all its replicas. The first
     * replica is created with CreateTable, the others as its replicas with UpdateTable's ReplicaUpdates.
     */
    static final String REPLICA_GROUP = "__ReplicaGroup";
    /**
     * A member of a table's CreateTable request, not sent: the requests that complete the table after it is
     * created ({@code UpdateContinuousBackups}).
     */
    static final String AFTER_CREATE = "__AfterCreate";
    /** Properties that only matter to a deployed table: not read, so their intrinsics are not evaluated. */
    static final List<String> NOT_READ = List.of("SSESpecification", "KinesisStreamSpecification",
            "ContributorInsightsSpecification", "ResourcePolicy", "ImportSourceSpecification",
            "ReplicaStreamSpecification");
    private static final List<String> COPIED = List.of("AttributeDefinitions", "KeySchema", "BillingMode",
            "LocalSecondaryIndexes", "TableClass", "DeletionProtectionEnabled", "Tags");

    private CloudFormationTables() {
    }

    /** The tables of the template, in the class's region unless a global table's replica names another. */
    static List<TableDeclaration> read(JsonNode template, Map<String, String> parameters, String classRegion,
            String where) {
        Intrinsics intrinsics = intrinsics(template, parameters, classRegion, where);
        List<TableDeclaration> tables = new ArrayList<>();
        boolean declared = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            boolean table = type.equals("AWS::DynamoDB::Table");
            if (!table && !type.equals("AWS::DynamoDB::GlobalTable")) {
                continue;
            }
            declared = true;
            if (!intrinsics.creates(resource.getKey(), resource.getValue())) {
                continue;
            }
            JsonNode properties = properties(intrinsics, resource.getKey(), resource.getValue());
            if (table) {
                tables.add(table(properties, resource.getKey(), classRegion, where));
            } else {
                tables.addAll(globalTable(properties, resource.getKey(), classRegion, where));
            }
        }
        if (!declared) {
            throw new MisuseException(where + ": the template has no AWS::DynamoDB::Table or "
                    + "AWS::DynamoDB::GlobalTable resource");
        }
        CloudFormationScaling.attach(template, intrinsics, classRegion, where, tables);
        return tables;
    }

    /**
     * The template's intrinsics in the stack's region, with {@code Ref} to each table created giving its name
     * (its logical ID when it has no TableName).
     */
    private static Intrinsics intrinsics(JsonNode template, Map<String, String> parameters, String region,
            String where) {
        Intrinsics intrinsics = new Intrinsics(template, parameters, region, where);
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            if ((type.equals("AWS::DynamoDB::Table") || type.equals("AWS::DynamoDB::GlobalTable"))
                    && intrinsics.creates(resource.getKey(), resource.getValue())) {
                JsonNode name = intrinsics.resolve(resource.getValue().path("Properties").get("TableName"),
                        "resource " + resource.getKey() + ", Properties.TableName");
                intrinsics.define(resource.getKey(), name == null ? resource.getKey() : name.asText());
            }
        }
        return intrinsics;
    }

    /** The resource's properties evaluated, without those that only matter to a deployed table. */
    private static JsonNode properties(Intrinsics intrinsics, String logicalId, JsonNode resource) {
        JsonNode given = resource.path("Properties");
        ObjectNode read = given.isObject() ? ((ObjectNode) given).deepCopy() : NODES.objectNode();
        read.remove(NOT_READ);
        if (read.path("Replicas").isArray()) {
            read.get("Replicas").forEach(r -> {
                if (r.isObject()) {
                    ((ObjectNode) r).remove(NOT_READ);
                }
            });
        }
        JsonNode properties = intrinsics.resolve(read, "resource " + logicalId + ", Properties");
        if (properties == null || !properties.isObject()) {
            throw intrinsics.error("resource " + logicalId, "Properties is not an object: " + properties);
        }
        return properties;
    }

    private static TableDeclaration table(JsonNode properties, String logicalId, String region, String where) {
        ObjectNode request = base(properties, logicalId);
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
        pointInTimeRecovery(request, properties.path("PointInTimeRecoverySpecification"));
        return new TableDeclaration(region, request.get("TableName").asText(), request, ttl(properties),
                where + ", resource " + logicalId);
    }

    private static List<TableDeclaration> globalTable(JsonNode properties, String logicalId, String classRegion,
            String where) {
        JsonNode replicas = properties.path("Replicas");
        List<TableDeclaration> tables = new ArrayList<>();
        if (!replicas.isArray() || replicas.isEmpty()) {
            tables.add(globalReplica(properties, logicalId, NODES.objectNode(), classRegion, where));
        }
        ArrayNode group = NODES.arrayNode();
        for (JsonNode replica : replicas) {
            JsonNode regionNode = replica.path("Region");
            String region = regionNode.asText().isEmpty() ? classRegion : regionNode.asText();
            group.add(region);
            tables.add(globalReplica(properties, logicalId, replica, region, where));
        }
        if (group.size() > 1) {
            tables.forEach(t -> t.createRequest().set(REPLICA_GROUP, group));
        }
        return tables;
    }

    private static TableDeclaration globalReplica(JsonNode properties, String logicalId, JsonNode replica,
            String region, String where) {
        ObjectNode request = base(properties, logicalId);
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
        pointInTimeRecovery(request, replica.path("PointInTimeRecoverySpecification"));
        return new TableDeclaration(region, request.get("TableName").asText(), request, ttl(properties),
                where + ", resource " + logicalId + " (replica " + region + ")");
    }

    private static ObjectNode base(JsonNode properties, String logicalId) {
        ObjectNode request = NODES.objectNode();
        JsonNode name = properties.get("TableName");
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

    /** Asks for UpdateContinuousBackups after CreateTable when the specification enables recovery. */
    private static void pointInTimeRecovery(ObjectNode request, JsonNode specification) {
        if (!specification.path("PointInTimeRecoveryEnabled").asBoolean(false)) {
            return;
        }
        ObjectNode update = NODES.objectNode().put("TableName", request.get("TableName").asText());
        ObjectNode copy = update.putObject("PointInTimeRecoverySpecification").put("PointInTimeRecoveryEnabled", true);
        if (specification.has("RecoveryPeriodInDays")) {
            copy.put("RecoveryPeriodInDays", specification.get("RecoveryPeriodInDays").asInt());
        }
        ((ArrayNode) (request.has(AFTER_CREATE) ? request.get(AFTER_CREATE) : request.putArray(AFTER_CREATE)))
                .addObject().put("Operation", "UpdateContinuousBackups").set("Request", update);
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
