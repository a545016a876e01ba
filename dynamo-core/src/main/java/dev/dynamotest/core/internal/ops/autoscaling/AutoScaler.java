package dev.dynamotest.core.internal.ops.autoscaling;

import dev.dynamotest.core.Clock;
import dev.dynamotest.core.DynamoException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the target tracking policies on the engine's clock, as DynamoDB auto scaling does: after 2 consecutive
 * whole minutes of consumed utilization above the target it scales out, after 15 consecutive minutes below the
 * target it scales in, in both cases to the capacity that brings the utilization of the busiest of those minutes
 * to the target, within the target's minimum and maximum. It changes capacity through UpdateTable, so scale-ins
 * count against the daily decrease limit (a refused scale-in is tried again the next minute). It runs before each
 * request, acting on the whole minutes that passed since the last one. The replicas of a global table share their
 * write units: each replica consumes every replica's writes, and a change of write units applies to every replica.
 */
final class AutoScaler {

    static final int SCALE_OUT_MINUTES = 2;
    static final int SCALE_IN_MINUTES = 15;
    private static final long LOOK_BACK_MINUTES = 120;
    private static final Logger LOG = Logger.getLogger(AutoScaler.class.getName());

    private final ScalingRegistry registry;
    private final ConsumedMinutes consumed;
    private final TableCapacity capacity;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    AutoScaler(ScalingRegistry registry, ConsumedMinutes consumed, TableCapacity capacity, Clock clock) {
        this.registry = registry;
        this.consumed = consumed;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Evaluates every policy up to the last whole minute; a request that finds an evaluation running goes on. */
    void evaluate() {
        if (!running.tryLock()) {
            return;
        }
        try {
            Instant now = clock.now();
            long minute = Math.floorDiv(now.getEpochSecond(), 60);
            for (ScalingPolicy policy : registry.policies()) {
                ScalableTarget target = registry.target(policy.resource);
                if (policy.lastMinute >= minute) {
                    policy.lastMinute = minute - 1;    // the clock was set back: start counting again
                    policy.above = 0;
                    policy.below = 0;
                }
                if (target != null && policy.lastMinute < minute - 1) {
                    evaluate(policy, target, minute, now);
                }
            }
        } finally {
            running.unlock();
        }
    }

    private void evaluate(ScalingPolicy p, ScalableTarget target, long minute, Instant now) {
        long provisioned = capacity.current(p.resource);
        if (provisioned <= 0) {
            p.lastMinute = minute - 1;
            return;
        }
        List<String> regions = capacity.sharing(p.resource);
        long first = Math.max(p.lastMinute + 1, minute - LOOK_BACK_MINUTES);
        for (long m = first; m < minute; m++) {
            p.lastMinute = m;
            double units = consumed(p, regions, m);
            double utilization = units / 60.0 / provisioned * 100.0;
            if (utilization > p.targetValue) {
                p.above++;
                p.below = 0;
            } else if (utilization < p.targetValue) {
                p.below++;
                p.above = 0;
            } else {
                p.above = 0;
                p.below = 0;
            }
            if (p.above >= SCALE_OUT_MINUTES && !target.scaleOutSuspended && cooledDown(p.lastScaleOut,
                    p.scaleOutCooldown, now)) {
                long desired = target.clamp(desired(p, regions, m, SCALE_OUT_MINUTES));
                if (desired > provisioned && apply(p, desired)) {
                    provisioned = desired;
                    p.lastScaleOut = now;
                    p.above = 0;
                }
            } else if (p.below >= SCALE_IN_MINUTES && !p.disableScaleIn && !target.scaleInSuspended
                    && cooledDown(p.lastScaleIn, p.scaleInCooldown, now)) {
                long desired = target.clamp(desired(p, regions, m, SCALE_IN_MINUTES));
                if (desired < provisioned && apply(p, desired)) {
                    provisioned = desired;
                    p.lastScaleIn = now;
                    p.below = 0;
                }
            }
        }
    }

    /** The capacity at which the busiest of the last {@code minutes} minutes up to {@code last} meets the target. */
    private long desired(ScalingPolicy p, List<String> regions, long last, int minutes) {
        double busiest = 0;
        for (long m = last - minutes + 1; m <= last; m++) {
            busiest = Math.max(busiest, consumed(p, regions, m));
        }
        return Math.max(1, (long) Math.ceil(busiest / 60.0 / (p.targetValue / 100.0)));
    }

    /**
     * The units consumed in a minute by the resource in the regions that share its capacity: a global table's
     * replica writes every replica's writes (replication is not metered, so they are summed here).
     */
    private double consumed(ScalingPolicy p, List<String> regions, long minute) {
        ScalableResource r = p.resource;
        double sum = 0;
        for (String region : regions) {
            sum += consumed.consumed(region, r.table(), r.index(), minute, p.reads());
        }
        return sum;
    }

    private boolean apply(ScalingPolicy p, long units) {
        try {
            capacity.set(p.resource, units);
            return true;
        } catch (DynamoException e) {
            LOG.log(Level.FINE, "auto scaling of " + p.resource.resourceId() + " refused: " + e.getMessage());
            return false;
        }
    }

    private static boolean cooledDown(Instant last, long cooldownSeconds, Instant now) {
        return last == null || !now.isBefore(last.plusSeconds(cooldownSeconds));
    }
}
