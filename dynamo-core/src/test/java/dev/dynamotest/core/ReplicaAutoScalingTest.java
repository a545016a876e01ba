package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AutoScalingSettingsUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
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

    /** Writes {@code units} write units to Orders in a region, in 100 KB items. */
    private static void write(DynamoDbClient client, int units) {
        for (int i = 0; i < units / 100; i++) {
            String pk = client.serviceClientConfiguration().region() + "-" + UUID.randomUUID();
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS(pk),
                    "data", AttributeValue.fromS("x".repeat(100 * 1024 - 60)))));
        }
    }

    private static ProvisionedThroughputDescription throughput(DynamoDbClient client) {
        return client.describeTable(r -> r.tableName("Orders")).table().provisionedThroughput();
    }

    @Test
    void replicas_scale_their_write_units_together_from_the_writes_of_every_region() {
        us.createTable(r -> r.tableName("Orders").keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        us.updateTable(r -> r.tableName("Orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        eu.updateTable(r -> r.tableName("Orders").provisionedThroughput(p -> p.readCapacityUnits(7L)
                .writeCapacityUnits(5L)));
        us.updateTableReplicaAutoScaling(r -> r.tableName("Orders")
                .provisionedWriteCapacityAutoScalingUpdate(settings(5, 100, 50)));

        for (int minute = 0; minute < 2; minute++) {
            write(us, 200);                    // each replica writes all 300 units: 5 a second, 100%
            write(eu, 100);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(throughput(us).writeCapacityUnits()).as("5 units a second at 50%").isEqualTo(10);
        assertThat(throughput(eu).writeCapacityUnits()).as("the same in the other replica").isEqualTo(10);
        assertThat(throughput(us).readCapacityUnits()).as("read units stay per replica").isEqualTo(5);
        assertThat(throughput(eu).readCapacityUnits()).isEqualTo(7);

        clock.advance(Duration.ofMinutes(15));
        assertThat(throughput(us).writeCapacityUnits()).as("back in together").isEqualTo(5);
        assertThat(throughput(eu).writeCapacityUnits()).isEqualTo(5);
    }

    @Test
    void a_write_policy_in_one_region_scales_every_replica() {
        us.createTable(r -> r.tableName("Orders").keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        us.updateTable(r -> r.tableName("Orders").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        try (ApplicationAutoScalingClient scaling = ApplicationAutoScalingClient.builder()
                .endpointOverride(endpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(endpoint.httpClient()).build()) {
            scaling.registerScalableTarget(r -> r.serviceNamespace("dynamodb").resourceId("table/Orders")
                    .scalableDimension("dynamodb:table:WriteCapacityUnits").minCapacity(5).maxCapacity(100));
            scaling.putScalingPolicy(r -> r.policyName("writes").serviceNamespace("dynamodb")
                    .resourceId("table/Orders").scalableDimension("dynamodb:table:WriteCapacityUnits")
                    .policyType("TargetTrackingScaling")
                    .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0).predefinedMetricSpecification(
                            m -> m.predefinedMetricType("DynamoDBWriteCapacityUtilization"))));
        }

        for (int minute = 0; minute < 2; minute++) {
            write(eu, 600);                    // the other region's writes reach the us-east-1 replica too
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(throughput(us).writeCapacityUnits()).isEqualTo(20);
        assertThat(throughput(eu).writeCapacityUnits()).isEqualTo(20);
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
