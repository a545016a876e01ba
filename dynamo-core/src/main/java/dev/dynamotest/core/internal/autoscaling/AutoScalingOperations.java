package dev.dynamotest.core.internal.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.DynamoException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The Application Auto Scaling API for DynamoDB's capacity: scalable targets and target tracking policies on the
 * read and write units of tables and global secondary indexes.
 */
final class AutoScalingOperations {

    private static final Set<String> METRICS = Set.of("DynamoDBReadCapacityUtilization",
            "DynamoDBWriteCapacityUtilization");
    private static final int MAX_RESULTS = 50;

    private final ScalingRegistry registry;
    private final TableCapacity capacity;
    private final Clock clock;
    private final String account;

    AutoScalingOperations(ScalingRegistry registry, TableCapacity capacity, Clock clock, String account) {
        this.registry = registry;
        this.capacity = capacity;
        this.clock = clock;
        this.account = account;
    }

    ObjectNode registerScalableTarget(String region, ObjectNode request) {
        ScalableResource r = resource(region, request);
        Long min = integer(request, "MinCapacity");
        Long max = integer(request, "MaxCapacity");
        ScalableTarget existing = registry.target(r);
        long newMin = min != null ? min : existing != null ? existing.min : -1;
        long newMax = max != null ? max : existing != null ? existing.max : -1;
        if (existing == null && (min == null || max == null)) {
            throw AutoScalingErrors.validation("MinCapacity and MaxCapacity are required for registering a new "
                    + "scalable target");
        }
        if (newMin < 1) {
            throw AutoScalingErrors.validation("Minimum capacity must be at least 1 for DynamoDB read and write "
                    + "capacity units");
        }
        if (newMin > newMax) {
            throw AutoScalingErrors.validation("Minimum capacity cannot be greater than maximum capacity");
        }
        if (newMax > 40_000) {
            throw AutoScalingErrors.validation("Maximum capacity cannot be greater than 40000 for DynamoDB");
        }
        if (!capacity.exists(r)) {
            throw AutoScalingErrors.validation("The resource " + r.resourceId() + " does not exist in region "
                    + region);
        }
        ScalableTarget target = existing;
        if (target == null) {
            target = new ScalableTarget(r, "arn:aws:application-autoscaling:" + region + ":" + account
                    + ":scalable-target/" + id(28), text(request, "RoleARN", defaultRole()), clock.now(),
                    newMin, newMax);
        }
        target.min = newMin;
        target.max = newMax;
        JsonNode suspended = request.get("SuspendedState");
        if (suspended != null && suspended.isObject()) {
            target.scaleInSuspended = suspended.path("DynamicScalingInSuspended").asBoolean(target.scaleInSuspended);
            target.scaleOutSuspended = suspended.path("DynamicScalingOutSuspended")
                    .asBoolean(target.scaleOutSuspended);
            target.scheduledSuspended = suspended.path("ScheduledScalingSuspended")
                    .asBoolean(target.scheduledSuspended);
        }
        registry.put(target);
        long current = capacity.current(r);
        if (current > 0 && target.clamp(current) != current) {
            capacity.set(r, target.clamp(current));
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("ScalableTargetARN", target.arn);
        return response;
    }

    ObjectNode describeScalableTargets(String region, ObjectNode request) {
        namespace(request);
        Set<String> ids = strings(request, "ResourceIds");
        String dimension = text(request, "ScalableDimension", null);
        List<ObjectNode> found = new ArrayList<>();
        for (ScalableTarget t : registry.targets()) {
            if (t.resource.region().equals(region) && (ids.isEmpty() || ids.contains(t.resource.resourceId()))
                    && (dimension == null || dimension.equals(t.resource.dimension()))) {
                found.add(describe(t));
            }
        }
        return page(request, found, "ScalableTargets");
    }

    ObjectNode deregisterScalableTarget(String region, ObjectNode request) {
        ScalableResource r = resource(region, request);
        if (registry.target(r) == null) {
            throw AutoScalingErrors.objectNotFound("No scalable target found for service namespace: dynamodb, "
                    + "resource ID: " + r.resourceId() + ", scalable dimension: " + r.dimension());
        }
        registry.remove(r);
        return JsonNodeFactory.instance.objectNode();
    }

    ObjectNode putScalingPolicy(String region, ObjectNode request) {
        String name = required(request, "PolicyName");
        ScalableResource r = resource(region, request);
        String type = text(request, "PolicyType", "StepScaling");
        if (!"TargetTrackingScaling".equals(type)) {
            throw AutoScalingErrors.validation("Unsupported policy type " + type + " for service namespace "
                    + "dynamodb; DynamoDB supports TargetTrackingScaling");
        }
        JsonNode config = request.get("TargetTrackingScalingPolicyConfiguration");
        if (config == null || !config.isObject()) {
            throw AutoScalingErrors.validation("TargetTrackingScalingPolicyConfiguration is required for a policy "
                    + "of type TargetTrackingScaling");
        }
        JsonNode target = config.get("TargetValue");
        if (target == null || !target.isNumber()) {
            throw AutoScalingErrors.missing("targetTrackingScalingPolicyConfiguration.targetValue");
        }
        double value = target.asDouble();
        if (value < 20 || value > 90) {
            throw AutoScalingErrors.validation("The target value must be between 20 and 90 for DynamoDB read and "
                    + "write capacity utilization; got " + new BigDecimal(target.asText()).stripTrailingZeros()
                    .toPlainString());
        }
        JsonNode predefined = config.get("PredefinedMetricSpecification");
        if (predefined == null || !predefined.isObject()) {
            throw AutoScalingErrors.validation("A DynamoDB target tracking policy needs a "
                    + "PredefinedMetricSpecification (customized metrics are not supported here)");
        }
        String metric = text(predefined, "PredefinedMetricType", null);
        if (metric == null) {
            throw AutoScalingErrors.missing(
                    "targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType");
        }
        if (!METRICS.contains(metric)) {
            throw AutoScalingErrors.validation("Unsupported predefined metric type " + metric + " for dimension "
                    + r.dimension());
        }
        if (metric.contains("Read") != r.reads()) {
            throw AutoScalingErrors.validation("Predefined metric type " + metric + " does not fit scalable "
                    + "dimension " + r.dimension());
        }
        if (registry.target(r) == null) {
            throw AutoScalingErrors.noTarget(r);
        }
        long scaleOut = cooldown(config, "ScaleOutCooldown");
        long scaleIn = cooldown(config, "ScaleInCooldown");
        ScalingPolicy existing = registry.policy(r, name);
        String arn = existing != null ? existing.arn : "arn:aws:autoscaling:" + region + ":" + account
                + ":scalingPolicy:" + UUID.randomUUID() + ":resource/dynamodb/" + r.resourceId() + ":policyName/"
                + name;
        String tag = UUID.randomUUID().toString();
        List<String> alarms = List.of("TargetTracking-" + r.resourceId() + "-AlarmHigh-" + tag,
                "TargetTracking-" + r.resourceId() + "-AlarmLow-" + tag,
                "TargetTracking-" + r.resourceId() + "-ProvisionedCapacityHigh-" + tag,
                "TargetTracking-" + r.resourceId() + "-ProvisionedCapacityLow-" + tag);
        ScalingPolicy policy = new ScalingPolicy(name, r, arn, value, metric,
                text(predefined, "ResourceLabel", null), scaleOut, scaleIn,
                config.path("DisableScaleIn").asBoolean(false), clock.now(), alarms);
        registry.put(policy);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("PolicyARN", arn);
        response.set("Alarms", alarms(region, alarms));
        return response;
    }

    ObjectNode describeScalingPolicies(String region, ObjectNode request) {
        namespace(request);
        Set<String> names = strings(request, "PolicyNames");
        String resourceId = text(request, "ResourceId", null);
        String dimension = text(request, "ScalableDimension", null);
        Predicate<ScalingPolicy> wanted = p -> p.resource.region().equals(region)
                && (names.isEmpty() || names.contains(p.name))
                && (resourceId == null || resourceId.equals(p.resource.resourceId()))
                && (dimension == null || dimension.equals(p.resource.dimension()));
        List<ObjectNode> found = new ArrayList<>();
        for (ScalingPolicy p : registry.policies()) {
            if (wanted.test(p)) {
                found.add(describe(p));
            }
        }
        return page(request, found, "ScalingPolicies");
    }

    ObjectNode deleteScalingPolicy(String region, ObjectNode request) {
        String name = required(request, "PolicyName");
        ScalableResource r = resource(region, request);
        if (registry.removePolicy(r, name) == null) {
            throw AutoScalingErrors.objectNotFound("No scaling policy found for service namespace: dynamodb, "
                    + "resource ID: " + r.resourceId() + ", scalable dimension: " + r.dimension() + ", policy name: "
                    + name);
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode describe(ScalableTarget t) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("ServiceNamespace", ScalableResource.NAMESPACE);
        n.put("ResourceId", t.resource.resourceId());
        n.put("ScalableDimension", t.resource.dimension());
        n.put("MinCapacity", t.min);
        n.put("MaxCapacity", t.max);
        n.put("RoleARN", t.roleArn);
        n.put("CreationTime", seconds(t.created));
        ObjectNode s = n.putObject("SuspendedState");
        s.put("DynamicScalingInSuspended", t.scaleInSuspended);
        s.put("DynamicScalingOutSuspended", t.scaleOutSuspended);
        s.put("ScheduledScalingSuspended", t.scheduledSuspended);
        n.put("ScalableTargetARN", t.arn);
        return n;
    }

    private ObjectNode describe(ScalingPolicy p) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("PolicyARN", p.arn);
        n.put("PolicyName", p.name);
        n.put("ServiceNamespace", ScalableResource.NAMESPACE);
        n.put("ResourceId", p.resource.resourceId());
        n.put("ScalableDimension", p.resource.dimension());
        n.put("PolicyType", "TargetTrackingScaling");
        ObjectNode c = n.putObject("TargetTrackingScalingPolicyConfiguration");
        c.put("TargetValue", p.targetValue);
        ObjectNode m = c.putObject("PredefinedMetricSpecification");
        m.put("PredefinedMetricType", p.metric);
        if (p.resourceLabel != null) {
            m.put("ResourceLabel", p.resourceLabel);
        }
        c.put("ScaleOutCooldown", p.scaleOutCooldown);
        c.put("ScaleInCooldown", p.scaleInCooldown);
        c.put("DisableScaleIn", p.disableScaleIn);
        n.set("Alarms", alarms(p.resource.region(), p.alarms));
        n.put("CreationTime", seconds(p.created));
        return n;
    }

    private ArrayNode alarms(String region, List<String> names) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (String name : names) {
            ObjectNode a = list.addObject();
            a.put("AlarmName", name);
            a.put("AlarmARN", "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + name);
        }
        return list;
    }

    private static ObjectNode page(ObjectNode request, List<ObjectNode> all, String field) {
        Long max = integer(request, "MaxResults");
        int size = max == null ? MAX_RESULTS : (int) Math.min(max, Integer.MAX_VALUE);
        if (size < 1 || size > MAX_RESULTS) {
            throw AutoScalingErrors.validation("1 validation error detected: Value '" + max + "' at 'maxResults' "
                    + "failed to satisfy constraint: Member must have value between 1 and 50");
        }
        String token = text(request, "NextToken", null);
        int start = 0;
        if (token != null) {
            try {
                start = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                start = -1;
            }
            if (start < 0 || start > all.size()) {
                throw AutoScalingErrors.validation("Invalid NextToken: " + token);
            }
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode list = response.putArray(field);
        int end = Math.min(all.size(), start + size);
        all.subList(start, end).forEach(list::add);
        if (end < all.size()) {
            response.put("NextToken", Integer.toString(end));
        }
        return response;
    }

    private static ScalableResource resource(String region, ObjectNode request) {
        String namespace = namespace(request);
        String resourceId = required(request, "ResourceId");
        String dimension = required(request, "ScalableDimension");
        return ScalableResource.of(region, namespace, resourceId, dimension);
    }

    private static String namespace(ObjectNode request) {
        String namespace = required(request, "ServiceNamespace");
        if (!ScalableResource.NAMESPACE.equals(namespace)) {
            throw AutoScalingErrors.validation("Unsupported service namespace: " + namespace
                    + ". This endpoint scales DynamoDB only (service namespace dynamodb).");
        }
        return namespace;
    }

    private static long cooldown(JsonNode config, String field) {
        JsonNode n = config.get(field);
        if (n == null || n.isNull()) {
            return 0;
        }
        if (!n.canConvertToLong() || n.asLong() < 0 || n.asLong() > 31_536_000) {
            throw AutoScalingErrors.validation(field + " must be between 0 and 31536000 seconds");
        }
        return n.asLong();
    }

    private static String required(JsonNode request, String field) {
        String value = text(request, field, null);
        if (value == null) {
            throw AutoScalingErrors.missing(Character.toLowerCase(field.charAt(0)) + field.substring(1));
        }
        return value;
    }

    private static String text(JsonNode node, String field, String absent) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return absent;
        }
        if (!n.isTextual()) {
            throw DynamoException.serialization("Expected a string for " + field);
        }
        return n.asText();
    }

    private static Long integer(JsonNode node, String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            throw DynamoException.serialization("Expected an integer for " + field);
        }
        return n.asLong();
    }

    private static Set<String> strings(JsonNode node, String field) {
        Set<String> values = new HashSet<>();
        for (JsonNode n : node.path(field)) {
            values.add(n.asText());
        }
        return values;
    }

    private String defaultRole() {
        return "arn:aws:iam::" + account + ":role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/"
                + "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";
    }

    private static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    private static String id(int length) {
        String hex = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return hex.substring(0, length);
    }
}
