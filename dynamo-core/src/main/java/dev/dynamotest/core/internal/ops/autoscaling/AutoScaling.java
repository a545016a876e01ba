package dev.dynamotest.core.internal.ops.autoscaling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.internal.capacity.CapacityModel;
import dev.dynamotest.core.internal.routing.Api;
import dev.dynamotest.core.internal.routing.Routes;
import java.util.function.Function;

/**
 * Application Auto Scaling for DynamoDB, on the same endpoint ({@code X-Amz-Target: AnyScaleFrontendService.*}):
 * its API operations, and the scaler that applies the policies on the engine's clock before each request.
 */
public final class AutoScaling {

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
    public void registerIn(Routes routes) {
        routes.add(Api.AUTO_SCALING, "RegisterScalableTarget", operations::registerScalableTarget);
        routes.add(Api.AUTO_SCALING, "DescribeScalableTargets", operations::describeScalableTargets);
        routes.add(Api.AUTO_SCALING, "DeregisterScalableTarget", operations::deregisterScalableTarget);
        routes.add(Api.AUTO_SCALING, "PutScalingPolicy", operations::putScalingPolicy);
        routes.add(Api.AUTO_SCALING, "DescribeScalingPolicies", operations::describeScalingPolicies);
        routes.add(Api.AUTO_SCALING, "DeleteScalingPolicy", operations::deleteScalingPolicy);
        routes.add(Api.DYNAMODB, "UpdateTableReplicaAutoScaling", replicas::updateTableReplicaAutoScaling);
        routes.add(Api.DYNAMODB, "DescribeTableReplicaAutoScaling", replicas::describeTableReplicaAutoScaling);
    }

    /** Acts on the whole minutes of the clock that passed since the last request. */
    public void beforeRequest() {
        scaler.evaluate();
    }
}
