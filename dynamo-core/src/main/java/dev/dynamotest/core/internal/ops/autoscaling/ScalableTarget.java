package dev.dynamotest.core.internal.ops.autoscaling;

import java.time.Instant;

/** A registered scalable target: its resource, the capacity range, and whether dynamic scaling is suspended. */
public final class ScalableTarget {

    public final ScalableResource resource;
    public final String arn;
    public final String roleArn;
    public final Instant created;
    public volatile long min;
    public volatile long max;
    public volatile boolean scaleInSuspended;
    public volatile boolean scaleOutSuspended;
    public volatile boolean scheduledSuspended;

    public ScalableTarget(ScalableResource resource, String arn, String roleArn, Instant created, long min, long max) {
        this.resource = resource;
        this.arn = arn;
        this.roleArn = roleArn;
        this.created = created;
        this.min = min;
        this.max = max;
    }

    public long clamp(long capacity) {
        return Math.max(min, Math.min(max, capacity));
    }
}
