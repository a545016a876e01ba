package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AutoScalingSettingsDescription;

@DynamoTest
@DynamoTablesFrom(value = "cloudformation/autoscaling.yaml", parameters = "Stage=test")
class AutoScalingTemplateTest {

    @Test
    void the_templates_scalable_target_and_policy_are_registered(DynamoDbClient client) {
        AutoScalingSettingsDescription writes = client.describeTableReplicaAutoScaling(r -> r.tableName("orders-test"))
                .tableAutoScalingDescription().replicas().get(0).replicaProvisionedWriteCapacityAutoScalingSettings();

        assertThat(writes.minimumUnits()).isEqualTo(5);
        assertThat(writes.maximumUnits()).isEqualTo(40);
        assertThat(writes.autoScalingRoleArn()).isEqualTo("arn:aws:iam::000000000000:role/scaling");
        assertThat(writes.scalingPolicies()).singleElement().satisfies(p -> {
            assertThat(p.policyName()).isEqualTo("orders-writes");
            assertThat(p.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(50.0);
        });
    }

    @Test
    void the_table_scales_out_with_its_traffic(Dynamo dynamo, DynamoDbClient client) {
        dynamo.clock().freezeAt(Instant.parse("2026-03-02T10:00:00Z"));
        for (int minute = 0; minute < 2; minute++) {
            for (int i = 0; i < 3; i++) {
                client.putItem(r -> r.tableName("orders-test").item(Map.of("pk", AttributeValue.fromS("o" + Math.random()),
                        "data", AttributeValue.fromS("x".repeat(100 * 1024 - 40)))));
            }
            dynamo.clock().advance(Duration.ofMinutes(1));
        }

        assertThat(client.describeTable(r -> r.tableName("orders-test")).table().provisionedThroughput()
                .writeCapacityUnits()).isEqualTo(10);
    }
}
