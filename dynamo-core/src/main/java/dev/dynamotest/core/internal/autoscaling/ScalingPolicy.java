package dev.dynamotest.core.internal.autoscaling;

import java.time.Instant;
import java.util.List;

/**
 * A target tracking policy on a scalable target, and where its evaluation stands: the last whole minute looked
 * at, how many consecutive minutes were above and below the target, and when it last scaled.
 */
final class ScalingPolicy {

    final String name;
    final ScalableResource resource;
    final String arn;
    final double targetValue;
    final String metric;
    final String resourceLabel;
    final long scaleOutCooldown;
    final long scaleInCooldown;
    final boolean disableScaleIn;
    final Instant created;
    final List<String> alarms;
    long lastMinute;
    int above;
    int below;
    Instant lastScaleOut;
    Instant lastScaleIn;

    ScalingPolicy(String name, ScalableResource resource, String arn, double targetValue, String metric,
            String resourceLabel, long scaleOutCooldown, long scaleInCooldown, boolean disableScaleIn,
            Instant created, List<String> alarms) {
        this.name = name;
        this.resource = resource;
        this.arn = arn;
        this.targetValue = targetValue;
        this.metric = metric;
        this.resourceLabel = resourceLabel;
        this.scaleOutCooldown = scaleOutCooldown;
        this.scaleInCooldown = scaleInCooldown;
        this.disableScaleIn = disableScaleIn;
        this.created = created;
        this.alarms = alarms;
        this.lastMinute = Math.floorDiv(created.getEpochSecond(), 60) - 1;
    }

    /** Whether the policy follows consumed read units (else write units). */
    boolean reads() {
        return "DynamoDBReadCapacityUtilization".equals(metric);
    }
}
