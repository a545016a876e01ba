package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a template's {@code AWS::ApplicationAutoScaling::ScalableTarget} and {@code ::ScalingPolicy} resources
 * for DynamoDB into Application Auto Scaling requests, attached to the declaration of the table they scale and
 * sent once it is created.
 */
final class CloudFormationScaling {

    /** A member of a table's CreateTable request, not sent: the auto scaling requests to send after it. */
    static final String AUTO_SCALING = "__AutoScaling";
    private static final String TARGET = "AWS::ApplicationAutoScaling::ScalableTarget";
    private static final String POLICY = "AWS::ApplicationAutoScaling::ScalingPolicy";
    private static final List<String> TARGET_FIELDS = List.of("ServiceNamespace", "ResourceId", "ScalableDimension",
            "MinCapacity", "MaxCapacity", "RoleARN", "SuspendedState");
    private static final List<String> POLICY_FIELDS = List.of("PolicyName", "PolicyType", "ServiceNamespace",
            "ResourceId", "ScalableDimension", "TargetTrackingScalingPolicyConfiguration");

    private CloudFormationScaling() {
    }

    /**
     * Attaches the template's DynamoDB scalable targets and policies to the tables they name; {@code intrinsics}
     * already gives each table's name for a {@code Ref} to it.
     */
    static void attach(JsonNode template, Intrinsics intrinsics, String region, String where,
            List<TableDeclaration> tables) {
        Map<String, JsonNode> targets = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (resource.getValue().path("Type").asText().equals(TARGET)
                    && intrinsics.creates(resource.getKey(), resource.getValue())) {
                JsonNode properties = resolve(intrinsics, resource);
                targets.put(resource.getKey(), properties);
                intrinsics.define(resource.getKey(), properties.path("ResourceId").asText() + "|"
                        + properties.path("ScalableDimension").asText() + "|"
                        + properties.path("ServiceNamespace").asText());
                add(tables, region, properties, "RegisterScalableTarget", TARGET_FIELDS, where, resource.getKey());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (resource.getValue().path("Type").asText().equals(POLICY)
                    && intrinsics.creates(resource.getKey(), resource.getValue())) {
                ObjectNode properties = resolve(intrinsics, resource);
                JsonNode targetId = resource.getValue().path("Properties").path("ScalingTargetId").path("Ref");
                JsonNode target = targets.get(targetId.asText());
                if (target != null) {
                    for (String field : List.of("ServiceNamespace", "ResourceId", "ScalableDimension")) {
                        properties.set(field, target.get(field));
                    }
                } else if (properties.path("ScalingTargetId").isTextual()) {
                    String[] parts = properties.get("ScalingTargetId").asText().split("\\|");
                    if (parts.length == 3) {
                        properties.put("ResourceId", parts[0]).put("ScalableDimension", parts[1])
                                .put("ServiceNamespace", parts[2]);
                    }
                }
                add(tables, region, properties, "PutScalingPolicy", POLICY_FIELDS, where, resource.getKey());
            }
        }
    }

    private static ObjectNode resolve(Intrinsics intrinsics, Map.Entry<String, JsonNode> resource) {
        JsonNode given = resource.getValue().path("Properties");
        ObjectNode read = given.isObject() ? ((ObjectNode) given).deepCopy() : JsonNodeFactory.instance.objectNode();
        JsonNode properties = intrinsics.resolve(read, "resource " + resource.getKey() + ", Properties");
        if (properties == null || !properties.isObject()) {
            throw intrinsics.error("resource " + resource.getKey(), "Properties is not an object: " + properties);
        }
        return (ObjectNode) properties;
    }

    private static void add(List<TableDeclaration> tables, String region, JsonNode properties, String operation,
            List<String> fields, String where, String logicalId) {
        if (!"dynamodb".equals(properties.path("ServiceNamespace").asText())) {
            return;
        }
        String resourceId = properties.path("ResourceId").asText();
        if (!resourceId.startsWith("table/")) {
            throw new MisuseException(where + ", resource " + logicalId + ": ResourceId \"" + resourceId
                    + "\" cannot be resolved to table/TABLE_NAME; write it as a literal or an Fn::Sub or Fn::Join "
                    + "of a Ref to the table");
        }
        String table = resourceId.substring("table/".length()).split("/", 2)[0];
        TableDeclaration declaration = tables.stream()
                .filter(t -> t.name().equals(table) && (t.region() == null || t.region().equals(region)))
                .findFirst().orElseThrow(() -> new MisuseException(where + ", resource " + logicalId
                        + ": ResourceId names table " + table + ", which the template does not declare"));
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        for (String field : fields) {
            if (properties.has(field)) {
                request.set(field, properties.get(field));
            }
        }
        ArrayNode requests = declaration.createRequest().has(AUTO_SCALING)
                ? (ArrayNode) declaration.createRequest().get(AUTO_SCALING)
                : declaration.createRequest().putArray(AUTO_SCALING);
        requests.addObject().put("Operation", operation).set("Request", request);
    }
}
