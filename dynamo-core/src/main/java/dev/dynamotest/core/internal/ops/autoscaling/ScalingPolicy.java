package dev.dynamotest.core.internal.ops.autoscaling;

import java.time.Instant;
import java.util.List;

/**
 * A target tracking policy on a scalable target, and where its evaluation stands: the last whole minute looked
 * at, how many consecutive minutes were above and below the target, and when it last scaled.
 */
public final class ScalingPolicy {

    public final String name;
    public final ScalableResource resource;
    public final String arn;
    public final double targetValue;
    public final String metric;
    final String resourceLabel;
    final long scaleOutCooldown;
    final long scaleInCooldown;
    final boolean disableScaleIn;
    public final Instant created;
    public final List<String> alarms;
    long lastMinute;
    int above;
    public int below;
    Instant lastScaleOut;
    Instant lastScaleIn;

    public ScalingPolicy(String name, ScalableResource resource, String arn, double targetValue, String metric,
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
    public boolean reads() {
        return "DynamoDBReadCapacityUtilization".equals(metric);
    }
}
