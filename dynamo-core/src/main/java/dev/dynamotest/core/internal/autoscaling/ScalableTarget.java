package dev.dynamotest.core.internal.autoscaling;

import java.time.Instant;

/** A registered scalable target: its resource, the capacity range, and whether dynamic scaling is suspended. */
final class ScalableTarget {

    final ScalableResource resource;
    final String arn;
    final String roleArn;
    final Instant created;
    volatile long min;
    volatile long max;
    volatile boolean scaleInSuspended;
    volatile boolean scaleOutSuspended;
    volatile boolean scheduledSuspended;

    ScalableTarget(ScalableResource resource, String arn, String roleArn, Instant created, long min, long max) {
        this.resource = resource;
        this.arn = arn;
        this.roleArn = roleArn;
        this.created = created;
        this.min = min;
        this.max = max;
    }

    long clamp(long capacity) {
        return Math.max(min, Math.min(max, capacity));
    }
}
