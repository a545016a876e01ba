package dev.dynamotest.core.internal.ops.autoscaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** The registered scalable targets and their scaling policies, in every region, kept in a stable order. */
final class ScalingRegistry {

    private final Map<String, ScalableTarget> targets = new ConcurrentSkipListMap<>();
    private final Map<String, ScalingPolicy> policies = new ConcurrentSkipListMap<>();

    ScalableTarget target(ScalableResource r) {
        return targets.get(r.key());
    }

    void put(ScalableTarget target) {
        targets.put(target.resource.key(), target);
    }

    /** Removes a target and its policies. */
    void remove(ScalableResource r) {
        targets.remove(r.key());
        policies.keySet().removeIf(k -> k.startsWith(r.key() + " "));
    }

    List<ScalableTarget> targets() {
        return new ArrayList<>(targets.values());
    }

    ScalingPolicy policy(ScalableResource r, String name) {
        return policies.get(r.key() + " " + name);
    }

    void put(ScalingPolicy policy) {
        policies.put(policy.resource.key() + " " + policy.name, policy);
    }

    ScalingPolicy removePolicy(ScalableResource r, String name) {
        return policies.remove(r.key() + " " + name);
    }

    List<ScalingPolicy> policies() {
        return new ArrayList<>(policies.values());
    }
}
