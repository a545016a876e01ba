package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AutoScalingSettingsUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaAutoScalingDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableAutoScalingDescription;

class ReplicaAutoScalingTest {

    private final ControllableClock clock = new ControllableClock();
    private LocalEndpoint endpoint;
    private DynamoDbClient us;
    private DynamoDbClient eu;

    @BeforeEach
    void start() {
        endpoint = new LocalEndpoint(EngineConfig.builder().clock(clock).build());
        us = endpoint.client();
        eu = endpoint.client(Region.EU_WEST_1);
        clock.freezeAt(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        eu.close();
        endpoint.close();
    }

    private static AutoScalingSettingsUpdate settings(long min, long max, double target) {
        return AutoScalingSettingsUpdate.builder().minimumUnits(min).maximumUnits(max)
                .scalingPolicyUpdate(p -> p.targetTrackingScalingPolicyConfiguration(c -> c.targetValue(target)))
                .build();
    }

    @Test
    void write_settings_apply_to_every_replica_and_read_settings_to_the_one_named() {
        us.createTable(r -> r.tableName("Orders").keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        us.updateTable(r -> r.tableName("Orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));

        TableAutoScalingDescription updated = us.updateTableReplicaAutoScaling(r -> r.tableName("Orders")
                .provisionedWriteCapacityAutoScalingUpdate(settings(5, 40, 60))
                .replicaUpdates(u -> u.regionName("eu-west-1")
                        .replicaProvisionedReadCapacityAutoScalingUpdate(settings(2, 20, 70))))
                .tableAutoScalingDescription();

        assertThat(updated.tableName()).isEqualTo("Orders");
        assertThat(updated.replicas()).extracting(ReplicaAutoScalingDescription::regionName)
                .containsExactlyInAnyOrder("us-east-1", "eu-west-1");
        ReplicaAutoScalingDescription inEu = eu.describeTableReplicaAutoScaling(r -> r.tableName("Orders"))
                .tableAutoScalingDescription().replicas().stream()
                .filter(d -> d.regionName().equals("eu-west-1")).findFirst().orElseThrow();
        assertThat(inEu.replicaProvisionedWriteCapacityAutoScalingSettings().maximumUnits()).isEqualTo(40);
        assertThat(inEu.replicaProvisionedWriteCapacityAutoScalingSettings().scalingPolicies()).singleElement()
                .satisfies(p -> assertThat(p.targetTrackingScalingPolicyConfiguration().targetValue())
                        .isEqualTo(60.0));
        assertThat(inEu.replicaProvisionedReadCapacityAutoScalingSettings().minimumUnits()).isEqualTo(2);
        ReplicaAutoScalingDescription inUs = updated.replicas().stream()
                .filter(d -> d.regionName().equals("us-east-1")).findFirst().orElseThrow();
        assertThat(inUs.replicaProvisionedWriteCapacityAutoScalingSettings().minimumUnits()).isEqualTo(5);
        assertThat(inUs.replicaProvisionedReadCapacityAutoScalingSettings()).isNull();
    }

    @Test
    void a_table_without_replicas_has_one_and_disabling_removes_the_target() {
        us.createTable(r -> r.tableName("Solo").keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        us.updateTableReplicaAutoScaling(r -> r.tableName("Solo")
                .provisionedWriteCapacityAutoScalingUpdate(settings(1, 10, 50)));

        us.updateTableReplicaAutoScaling(r -> r.tableName("Solo")
                .provisionedWriteCapacityAutoScalingUpdate(u -> u.autoScalingDisabled(true)));

        assertThat(us.describeTableReplicaAutoScaling(r -> r.tableName("Solo")).tableAutoScalingDescription()
                .replicas()).singleElement().satisfies(d -> {
                    assertThat(d.regionName()).isEqualTo("us-east-1");
                    assertThat(d.replicaProvisionedWriteCapacityAutoScalingSettings()).isNull();
                });
    }

    @Test
    void an_unknown_table_is_not_found() {
        LocalEndpoint.assertError(() -> us.describeTableReplicaAutoScaling(r -> r.tableName("Missing")),
                "ResourceNotFoundException", "Requested resource not found: Table: Missing not found");
    }
}
