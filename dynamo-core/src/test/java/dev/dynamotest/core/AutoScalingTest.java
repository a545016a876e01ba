package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ApplicationAutoScalingException;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;

class AutoScalingTest {

    private static final String WRITES = "dynamodb:table:WriteCapacityUnits";
    private static final String READS = "dynamodb:table:ReadCapacityUnits";

    private final ControllableClock clock = new ControllableClock();
    private LocalEndpoint endpoint;
    private DynamoDbClient dynamo;
    private ApplicationAutoScalingClient scaling;

    @BeforeEach
    void start() {
        endpoint = new LocalEndpoint(EngineConfig.builder().clock(clock).capacityMode(CapacityMode.OBSERVE).build());
        dynamo = endpoint.client();
        scaling = ApplicationAutoScalingClient.builder().endpointOverride(endpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(endpoint.httpClient())
                .build();
        clock.freezeAt(Instant.parse("2026-03-02T10:00:00Z"));
        dynamo.createTable(r -> r.tableName("Orders").keySchema(key("pk", KeyType.HASH))
                .attributeDefinitions(attribute("pk"))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
    }

    @AfterEach
    void stop() {
        scaling.close();
        endpoint.close();
    }

    private void register(String dimension, int min, int max) {
        scaling.registerScalableTarget(r -> r.serviceNamespace("dynamodb").resourceId("table/Orders")
                .scalableDimension(dimension).minCapacity(min).maxCapacity(max));
    }

    private PutScalingPolicyResponse policy(String dimension, String metric, double target) {
        return scaling.putScalingPolicy(r -> r.policyName("orders-policy").serviceNamespace("dynamodb")
                .resourceId("table/Orders").scalableDimension(dimension).policyType("TargetTrackingScaling")
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(target)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(metric))));
    }

    /** Writes {@code units} write units to Orders, in 100 KB items. */
    private void write(int units) {
        for (int i = 0; i < units / 100; i++) {
            dynamo.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("o" + Math.random()),
                    "data", AttributeValue.fromS("x".repeat(100 * 1024 - 40)))));
        }
    }

    private ProvisionedThroughputDescription throughput() {
        return dynamo.describeTable(r -> r.tableName("Orders")).table().provisionedThroughput();
    }

    @Test
    void two_busy_minutes_scale_out_to_the_target_and_fifteen_idle_minutes_scale_back_in() {
        register(WRITES, 5, 50);
        policy(WRITES, "DynamoDBWriteCapacityUtilization", 50);

        write(300);
        clock.advance(Duration.ofMinutes(1));
        assertThat(throughput().writeCapacityUnits()).as("one busy minute is not enough").isEqualTo(5);
        write(300);
        clock.advance(Duration.ofMinutes(1));

        assertThat(throughput().writeCapacityUnits()).as("5 units a second at 50%").isEqualTo(10);
        assertThat(throughput().readCapacityUnits()).isEqualTo(5);

        clock.advance(Duration.ofMinutes(14));
        assertThat(throughput().writeCapacityUnits()).as("14 idle minutes").isEqualTo(10);
        clock.advance(Duration.ofMinutes(1));
        ProvisionedThroughputDescription after = throughput();
        assertThat(after.writeCapacityUnits()).as("back to the minimum").isEqualTo(5);
        assertThat(after.numberOfDecreasesToday()).isEqualTo(1);
    }

    @Test
    void scaling_out_stops_at_the_maximum() {
        register(WRITES, 5, 8);
        policy(WRITES, "DynamoDBWriteCapacityUtilization", 20);

        write(600);
        clock.advance(Duration.ofMinutes(1));
        write(600);
        clock.advance(Duration.ofMinutes(1));

        assertThat(throughput().writeCapacityUnits()).isEqualTo(8);
    }

    @Test
    void scale_in_obeys_the_daily_decrease_limit() {
        register(WRITES, 1, 50);
        policy(WRITES, "DynamoDBWriteCapacityUtilization", 50);
        for (long units = 4; units >= 1; units--) {
            long write = units;
            dynamo.updateTable(r -> r.tableName("Orders")
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(write + 10)));
            clock.advance(Duration.ofMinutes(1));
            dynamo.updateTable(r -> r.tableName("Orders")
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(write)));
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throughput().numberOfDecreasesToday()).isEqualTo(4);
        dynamo.updateTable(r -> r.tableName("Orders")
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(20L)));

        clock.advance(Duration.ofMinutes(16));
        assertThat(throughput().writeCapacityUnits()).as("the fifth decrease waits an hour").isEqualTo(20);
        clock.advance(Duration.ofMinutes(60));
        assertThat(throughput().writeCapacityUnits()).isEqualTo(1);
        assertThat(throughput().numberOfDecreasesToday()).isEqualTo(5);
    }

    @Test
    void targets_and_policies_are_described_and_removed() {
        register(READS, 5, 20);
        register(WRITES, 1, 10);
        PutScalingPolicyResponse put = policy(READS, "DynamoDBReadCapacityUtilization", 70);
        assertThat(put.policyARN()).startsWith("arn:aws:autoscaling:us-east-1:").contains(":scalingPolicy:")
                .endsWith(":resource/dynamodb/table/Orders:policyName/orders-policy");
        assertThat(put.alarms()).hasSize(4);

        assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace("dynamodb")).scalableTargets())
                .extracting(ScalableTarget::scalableDimensionAsString, ScalableTarget::minCapacity,
                        ScalableTarget::maxCapacity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(READS, 5, 20),
                        org.assertj.core.groups.Tuple.tuple(WRITES, 1, 10));
        assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace("dynamodb").scalableDimension(WRITES)
                .maxResults(1)).scalableTargets()).singleElement()
                .satisfies(t -> assertThat(t.scalableTargetARN()).startsWith(
                        "arn:aws:application-autoscaling:us-east-1:"));
        assertThat(scaling.describeScalingPolicies(r -> r.serviceNamespace("dynamodb").resourceId("table/Orders"))
                .scalingPolicies()).singleElement().satisfies((ScalingPolicy p) -> {
                    assertThat(p.policyName()).isEqualTo("orders-policy");
                    assertThat(p.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(70.0);
                    assertThat(p.targetTrackingScalingPolicyConfiguration().predefinedMetricSpecification()
                            .predefinedMetricTypeAsString()).isEqualTo("DynamoDBReadCapacityUtilization");
                });

        scaling.deleteScalingPolicy(r -> r.policyName("orders-policy").serviceNamespace("dynamodb")
                .resourceId("table/Orders").scalableDimension(READS));
        assertThat(scaling.describeScalingPolicies(r -> r.serviceNamespace("dynamodb")).scalingPolicies()).isEmpty();
        scaling.deregisterScalableTarget(r -> r.serviceNamespace("dynamodb").resourceId("table/Orders")
                .scalableDimension(READS));
        assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace("dynamodb")).scalableTargets())
                .extracting(ScalableTarget::scalableDimensionAsString).containsExactly(WRITES);
    }

    @Test
    void targets_and_policies_outlive_the_table_as_in_dynamodb_and_scale_a_table_created_again_under_its_name() {
        // DynamoDB developer guide, "Managing throughput capacity automatically with DynamoDB auto scaling": deleting
        // a table does not delete its scalable targets, scaling policies or alarms; the ResourceId names the table.
        register(WRITES, 5, 50);
        policy(WRITES, "DynamoDBWriteCapacityUtilization", 50);
        write(300);

        dynamo.deleteTable(r -> r.tableName("Orders"));
        clock.advance(Duration.ofMinutes(3));
        assertThat(dynamo.listTables().tableNames()).as("requests go on while the target has no table").isEmpty();

        assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace("dynamodb")).scalableTargets())
                .extracting(ScalableTarget::resourceId, ScalableTarget::scalableDimensionAsString)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("table/Orders", WRITES));
        assertThat(scaling.describeScalingPolicies(r -> r.serviceNamespace("dynamodb")).scalingPolicies())
                .extracting(ScalingPolicy::policyName).containsExactly("orders-policy");

        dynamo.createTable(r -> r.tableName("Orders").keySchema(key("pk", KeyType.HASH))
                .attributeDefinitions(attribute("pk"))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        write(300);
        clock.advance(Duration.ofMinutes(1));
        write(300);
        clock.advance(Duration.ofMinutes(1));
        assertThat(throughput().writeCapacityUnits()).as("the surviving policy scales the new table").isEqualTo(10);

        scaling.deregisterScalableTarget(r -> r.serviceNamespace("dynamodb").resourceId("table/Orders")
                .scalableDimension(WRITES));
        assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace("dynamodb")).scalableTargets()).isEmpty();
        assertThat(scaling.describeScalingPolicies(r -> r.serviceNamespace("dynamodb")).scalingPolicies()).isEmpty();
    }

    @Test
    void registering_moves_the_capacity_into_the_range() {
        register(READS, 10, 20);

        assertThat(throughput().readCapacityUnits()).isEqualTo(10);
    }

    @Test
    void the_request_journal_names_the_auto_scaling_operations_and_their_tables() {
        long mark = endpoint.server().engine().requests().mark();
        register(WRITES, 5, 50);
        policy(WRITES, "DynamoDBWriteCapacityUtilization", 50);
        scaling.describeScalableTargets(r -> r.serviceNamespace("dynamodb"));
        scaling.describeScalingPolicies(r -> r.serviceNamespace("dynamodb"));
        scaling.deleteScalingPolicy(r -> r.policyName("orders-policy").serviceNamespace("dynamodb")
                .resourceId("table/Orders").scalableDimension(WRITES));
        assertThatThrownBy(() -> scaling.deregisterScalableTarget(r -> r.serviceNamespace("dynamodb")
                .resourceId("table/Orders/index/ByDay").scalableDimension("dynamodb:index:WriteCapacityUnits")))
                .isInstanceOf(ObjectNotFoundException.class);

        List<RecordedRequest> recorded = endpoint.server().engine().requests().recordedSince(mark);
        assertThat(recorded).extracting(RecordedRequest::operation).containsExactly(
                Operation.REGISTER_SCALABLE_TARGET, Operation.PUT_SCALING_POLICY, Operation.DESCRIBE_SCALABLE_TARGETS,
                Operation.DESCRIBE_SCALING_POLICIES, Operation.DELETE_SCALING_POLICY,
                Operation.DEREGISTER_SCALABLE_TARGET);
        assertThat(recorded).extracting(RecordedRequest::tables).containsExactly(List.of("Orders"),
                List.of("Orders"), List.of(), List.of(), List.of("Orders"), List.of("Orders"));
        assertThat(recorded.get(5).errorType()).isEqualTo("ObjectNotFoundException");
        assertThat(Operation.of("PutScalingPolicy")).isEqualTo(Operation.PUT_SCALING_POLICY);
        assertThat(Operation.DESCRIBE_SCALABLE_TARGETS.apiName()).isEqualTo("DescribeScalableTargets");
    }

    @Test
    void bad_requests_get_the_api_errors() {
        fails(() -> policy(WRITES, "DynamoDBWriteCapacityUtilization", 50), ObjectNotFoundException.class,
                "No scalable target registered for service namespace: dynamodb, resource ID: table/Orders, scalable "
                        + "dimension: dynamodb:table:WriteCapacityUnits");
        register(WRITES, 5, 50);
        fails(() -> policy(WRITES, "DynamoDBWriteCapacityUtilization", 95), ValidationException.class,
                "The target value must be between 20 and 90 for DynamoDB read and write capacity utilization; got 95");
        fails(() -> policy(WRITES, "DynamoDBReadCapacityUtilization", 50), ValidationException.class,
                "Predefined metric type DynamoDBReadCapacityUtilization does not fit scalable dimension "
                        + "dynamodb:table:WriteCapacityUnits");
        fails(() -> register(READS, 10, 5), ValidationException.class,
                "Minimum capacity cannot be greater than maximum capacity");
        fails(() -> scaling.registerScalableTarget(r -> r.serviceNamespace("dynamodb").resourceId("Orders")
                .scalableDimension(READS).minCapacity(1).maxCapacity(5)), ValidationException.class,
                "Unsupported resource ID: Orders. A DynamoDB resource ID is table/TABLE_NAME or "
                        + "table/TABLE_NAME/index/INDEX_NAME");
        fails(() -> scaling.registerScalableTarget(r -> r.serviceNamespace("dynamodb").resourceId("table/Missing")
                .scalableDimension(READS).minCapacity(1).maxCapacity(5)), ValidationException.class,
                "The resource table/Missing does not exist in region us-east-1");
        fails(() -> scaling.registerScalableTarget(r -> r.serviceNamespace("dynamodb").resourceId("table/Orders")
                .scalableDimension("dynamodb:index:ReadCapacityUnits").minCapacity(1).maxCapacity(5)),
                ValidationException.class, "Unsupported service namespace, resource type or scalable dimension: "
                        + "resource ID table/Orders does not fit scalable dimension dynamodb:index:ReadCapacityUnits");
        fails(() -> scaling.registerScalableTarget(r -> r.serviceNamespace("dynamodb").resourceId("table/Orders")
                .scalableDimension(READS)), ValidationException.class,
                "MinCapacity and MaxCapacity are required for registering a new scalable target");
        fails(() -> scaling.deleteScalingPolicy(r -> r.policyName("nope").serviceNamespace("dynamodb")
                .resourceId("table/Orders").scalableDimension(WRITES)), ObjectNotFoundException.class,
                "No scaling policy found for service namespace: dynamodb, resource ID: table/Orders, scalable "
                        + "dimension: dynamodb:table:WriteCapacityUnits, policy name: nope");
        fails(() -> scaling.deregisterScalableTarget(r -> r.serviceNamespace("dynamodb").resourceId("table/Orders")
                .scalableDimension(READS)), ObjectNotFoundException.class,
                "No scalable target found for service namespace: dynamodb, resource ID: table/Orders, scalable "
                        + "dimension: dynamodb:table:ReadCapacityUnits");
        fails(() -> scaling.describeScalableTargets(r -> r.serviceNamespace("dynamodb").maxResults(51)),
                ValidationException.class, "1 validation error detected: Value '51' at 'maxResults' failed to "
                        + "satisfy constraint: Member must have value between 1 and 50");
    }

    private static void fails(ThrowingCallable call, Class<? extends ApplicationAutoScalingException> type,
            String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(type, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }
}
