package dev.dynamotest.core.internal.ops.autoscaling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.internal.capacity.CapacityModel;
import dev.dynamotest.core.internal.routing.Operation;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Application Auto Scaling for DynamoDB, on the same endpoint ({@code X-Amz-Target: AnyScaleFrontendService.*}):
 * its API operations, and the scaler that applies the policies on the engine's clock before each request.
 */
public final class AutoScaling {

    /** The target prefix of the Application Auto Scaling API. */
    public static final String TARGET_PREFIX = "AnyScaleFrontendService.";
    /** The operations of the Application Auto Scaling API this endpoint serves. */
    public static final Set<String> OPERATIONS = Set.of("RegisterScalableTarget", "DescribeScalableTargets",
            "DeregisterScalableTarget", "PutScalingPolicy", "DescribeScalingPolicies", "DeleteScalingPolicy");

    private final AutoScalingOperations operations;
    private final AutoScaler scaler;
    private final ReplicaAutoScaling replicas;

    /**
     * Follows the consumption the capacity model charges; {@code dynamodb} runs a DynamoDB operation (DescribeTable,
     * UpdateTable) without the request interceptors.
     */
    public AutoScaling(CapacityModel model, Function<DynamoRequest, ObjectNode> dynamodb, Clock clock,
            String account) {
        ScalingRegistry registry = new ScalingRegistry();
        ConsumedMinutes consumed = new ConsumedMinutes();
        model.addChargeListener(consumed);
        TableCapacity capacity = new TableCapacity(dynamodb);
        this.operations = new AutoScalingOperations(registry, capacity, clock, account);
        this.scaler = new AutoScaler(registry, consumed, capacity, clock);
        this.replicas = new ReplicaAutoScaling(registry, operations, dynamodb);
    }

    /**
     * Registers the API's operations under their names, and DynamoDB's UpdateTableReplicaAutoScaling and
     * DescribeTableReplicaAutoScaling.
     */
    public void registerIn(BiConsumer<String, Operation> registry) {
        registry.accept("RegisterScalableTarget", operations::registerScalableTarget);
        registry.accept("DescribeScalableTargets", operations::describeScalableTargets);
        registry.accept("DeregisterScalableTarget", operations::deregisterScalableTarget);
        registry.accept("PutScalingPolicy", operations::putScalingPolicy);
        registry.accept("DescribeScalingPolicies", operations::describeScalingPolicies);
        registry.accept("DeleteScalingPolicy", operations::deleteScalingPolicy);
        registry.accept("UpdateTableReplicaAutoScaling", replicas::updateTableReplicaAutoScaling);
        registry.accept("DescribeTableReplicaAutoScaling", replicas::describeTableReplicaAutoScaling);
    }

    /** Acts on the whole minutes of the clock that passed since the last request. */
    public void beforeRequest() {
        scaler.evaluate();
    }
}
