package dev.dynamotest.core.internal.ops.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * DynamoDB's UpdateTableReplicaAutoScaling and DescribeTableReplicaAutoScaling: the auto scaling of a global
 * table's replicas, over the same scalable targets and policies as the Application Auto Scaling API. Write
 * settings apply to every replica (they share write capacity), read settings to the replica named.
 */
final class ReplicaAutoScaling {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ScalingRegistry registry;
    private final AutoScalingOperations api;
    private final Function<DynamoRequest, ObjectNode> dynamodb;

    ReplicaAutoScaling(ScalingRegistry registry, AutoScalingOperations api,
            Function<DynamoRequest, ObjectNode> dynamodb) {
        this.registry = registry;
        this.api = api;
        this.dynamodb = dynamodb;
    }

    ObjectNode describeTableReplicaAutoScaling(String region, ObjectNode request) {
        JsonNode table = describeTable(region, tableName(request));
        return response(region, table);
    }

    ObjectNode updateTableReplicaAutoScaling(String region, ObjectNode request) {
        String name = tableName(request);
        JsonNode table = describeTable(region, name);
        if ("PAY_PER_REQUEST".equals(table.path("BillingModeSummary").path("BillingMode").asText())) {
            throw DynamoException.validation("Table " + name + " uses on-demand capacity (PAY_PER_REQUEST); auto "
                    + "scaling applies to provisioned capacity only");
        }
        List<String> regions = regions(region, table);
        JsonNode write = request.get("ProvisionedWriteCapacityAutoScalingUpdate");
        for (String r : regions) {
            apply(r, "table/" + name, ScalableResource.TABLE_WRITE, write);
            for (JsonNode gsi : request.path("GlobalSecondaryIndexUpdates")) {
                apply(r, "table/" + name + "/index/" + gsi.path("IndexName").asText(), ScalableResource.INDEX_WRITE,
                        gsi.get("ProvisionedWriteCapacityAutoScalingUpdate"));
            }
        }
        for (JsonNode replica : request.path("ReplicaUpdates")) {
            String r = replica.path("RegionName").asText(null);
            if (r == null || !regions.contains(r)) {
                throw DynamoException.validation("Table " + name + " has no replica in region " + r);
            }
            apply(r, "table/" + name, ScalableResource.TABLE_READ,
                    replica.get("ReplicaProvisionedReadCapacityAutoScalingUpdate"));
            for (JsonNode gsi : replica.path("ReplicaGlobalSecondaryIndexUpdates")) {
                apply(r, "table/" + name + "/index/" + gsi.path("IndexName").asText(), ScalableResource.INDEX_READ,
                        gsi.get("ProvisionedReadCapacityAutoScalingUpdate"));
            }
        }
        return response(region, describeTable(region, name));
    }

    /** Registers (or with AutoScalingDisabled, deregisters) a target and its policy from AutoScalingSettingsUpdate. */
    private void apply(String region, String resourceId, String dimension, JsonNode update) {
        if (update == null || !update.isObject()) {
            return;
        }
        ObjectNode target = NODES.objectNode();
        target.put("ServiceNamespace", ScalableResource.NAMESPACE);
        target.put("ResourceId", resourceId);
        target.put("ScalableDimension", dimension);
        ScalableResource resource = ScalableResource.of(region, ScalableResource.NAMESPACE, resourceId, dimension);
        if (update.path("AutoScalingDisabled").asBoolean(false)) {
            registry.remove(resource);
            return;
        }
        copy(update, "MinimumUnits", target, "MinCapacity");
        copy(update, "MaximumUnits", target, "MaxCapacity");
        copy(update, "AutoScalingRoleArn", target, "RoleARN");
        api.registerScalableTarget(region, target);
        JsonNode policy = update.get("ScalingPolicyUpdate");
        if (policy != null && policy.isObject()) {
            ObjectNode put = target.deepCopy();
            put.remove(List.of("MinCapacity", "MaxCapacity", "RoleARN"));
            String metric = dimension.endsWith(":ReadCapacityUnits") ? "DynamoDBReadCapacityUtilization"
                    : "DynamoDBWriteCapacityUtilization";
            put.put("PolicyName", policy.path("PolicyName").asText(metric + ":" + resourceId));
            put.put("PolicyType", "TargetTrackingScaling");
            ObjectNode config = policy.path("TargetTrackingScalingPolicyConfiguration").isObject()
                    ? ((ObjectNode) policy.get("TargetTrackingScalingPolicyConfiguration")).deepCopy()
                    : NODES.objectNode();
            config.putObject("PredefinedMetricSpecification").put("PredefinedMetricType", metric);
            put.set("TargetTrackingScalingPolicyConfiguration", config);
            api.putScalingPolicy(region, put);
        }
    }

    private ObjectNode response(String region, JsonNode table) {
        String name = table.path("TableName").asText();
        ObjectNode response = NODES.objectNode();
        ObjectNode description = response.putObject("TableAutoScalingDescription");
        description.put("TableName", name);
        description.put("TableStatus", table.path("TableStatus").asText("ACTIVE"));
        ArrayNode replicas = description.putArray("Replicas");
        for (String r : regions(region, table)) {
            ObjectNode replica = replicas.addObject();
            replica.put("RegionName", r);
            ArrayNode indexes = replica.putArray("GlobalSecondaryIndexes");
            for (JsonNode gsi : table.path("GlobalSecondaryIndexes")) {
                String index = gsi.path("IndexName").asText();
                ObjectNode i = indexes.addObject();
                i.put("IndexName", index);
                i.put("IndexStatus", gsi.path("IndexStatus").asText("ACTIVE"));
                settings(i, "ProvisionedReadCapacityAutoScalingSettings", r, "table/" + name + "/index/" + index,
                        ScalableResource.INDEX_READ);
                settings(i, "ProvisionedWriteCapacityAutoScalingSettings", r, "table/" + name + "/index/" + index,
                        ScalableResource.INDEX_WRITE);
            }
            settings(replica, "ReplicaProvisionedReadCapacityAutoScalingSettings", r, "table/" + name,
                    ScalableResource.TABLE_READ);
            settings(replica, "ReplicaProvisionedWriteCapacityAutoScalingSettings", r, "table/" + name,
                    ScalableResource.TABLE_WRITE);
            replica.put("ReplicaStatus", "ACTIVE");
        }
        return response;
    }

    /** An AutoScalingSettingsDescription of a target, or nothing when none is registered. */
    private void settings(ObjectNode parent, String field, String region, String resourceId, String dimension) {
        ScalableResource resource = ScalableResource.of(region, ScalableResource.NAMESPACE, resourceId, dimension);
        ScalableTarget target = registry.target(resource);
        if (target == null) {
            return;
        }
        ObjectNode s = parent.putObject(field);
        s.put("MinimumUnits", target.min);
        s.put("MaximumUnits", target.max);
        s.put("AutoScalingDisabled", false);
        s.put("AutoScalingRoleArn", target.roleArn);
        ArrayNode policies = s.putArray("ScalingPolicies");
        for (ScalingPolicy p : registry.policies()) {
            if (p.resource.equals(resource)) {
                ObjectNode d = policies.addObject();
                d.put("PolicyName", p.name);
                ObjectNode c = d.putObject("TargetTrackingScalingPolicyConfiguration");
                c.put("DisableScaleIn", p.disableScaleIn);
                c.put("ScaleInCooldown", p.scaleInCooldown);
                c.put("ScaleOutCooldown", p.scaleOutCooldown);
                c.put("TargetValue", p.targetValue);
            }
        }
    }

    /** The region asked and the regions of the table's replicas. */
    private static List<String> regions(String region, JsonNode table) {
        Set<String> regions = new LinkedHashSet<>();
        regions.add(region);
        for (JsonNode replica : table.path("Replicas")) {
            regions.add(replica.path("RegionName").asText());
        }
        return new ArrayList<>(regions);
    }

    private JsonNode describeTable(String region, String name) {
        ObjectNode body = NODES.objectNode();
        body.put("TableName", name);
        return dynamodb.apply(new DynamoRequest(region, "DescribeTable", body, Map.of())).path("Table");
    }

    private static String tableName(ObjectNode request) {
        JsonNode name = request.get("TableName");
        if (name == null || !name.isTextual()) {
            throw DynamoException.validation("1 validation error detected: Value null at 'tableName' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        return name.asText();
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        if (from.hasNonNull(field)) {
            to.set(as, from.get(field));
        }
    }
}
