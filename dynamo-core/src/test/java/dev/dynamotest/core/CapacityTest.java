package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.capacity.Capacity;
import dev.dynamotest.core.capacity.TableCost;
import dev.dynamotest.core.capacity.ThrottleEvent;
import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class CapacityTest {

    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/";
    private static final String TABLE_EXCEEDED = "The level of configured provisioned throughput for the table was "
            + "exceeded. Consider increasing your provisioning level with the UpdateTable API.";

    private final ControllableClock clock = new ControllableClock();
    private LocalEndpoint endpoint;
    private DynamoDbClient client;

    private void start(CapacityMode mode) {
        endpoint = new LocalEndpoint(EngineConfig.builder().clock(clock).capacityMode(mode)
                .partitionThroughputLimits(true).build());
        client = DynamoDbClient.builder().endpointOverride(endpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(endpoint.httpClient())
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                .build();
        clock.freeze();
    }

    @AfterEach
    void stop() {
        client.close();
        endpoint.close();
    }

    private void provisioned(String name, long read, long write) {
        client.createTable(r -> r.tableName(name).keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .provisionedThroughput(p -> p.readCapacityUnits(read).writeCapacityUnits(write)));
    }

    private void put(String table, String pk, int kilobytes) {
        client.putItem(r -> r.tableName(table).item(item(pk, kilobytes)));
    }

    private static Map<String, AttributeValue> item(String pk, int kilobytes) {
        int padding = kilobytes * 1024 - 2 - 1 - pk.length() - 4;
        return Map.of("pk", AttributeValue.fromS(pk), "data", AttributeValue.fromS("x".repeat(Math.max(1, padding))));
    }

    private static ThrottlingReason reason(String reason, String resource) {
        return ThrottlingReason.builder().reason(reason).resource(resource).build();
    }

    @Test
    void a_5_wcu_table_takes_5_one_kb_writes_then_throttles_until_the_clock_advances() {
        start(CapacityMode.ENFORCE);
        provisioned("Orders", 5, 5);
        for (int i = 0; i < 5; i++) {
            put("Orders", "o" + i, 1);
        }

        assertThatThrownBy(() -> put("Orders", "o5", 1))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(TABLE_EXCEEDED);
                    assertThat(e.throttlingReasons()).containsExactly(
                            reason("TableWriteProvisionedThroughputExceeded", ARN + "Orders"));
                });
        assertThat(client.getItem(r -> r.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("o5"))))
                .hasItem()).isFalse();

        clock.advance(Duration.ofSeconds(1));
        put("Orders", "o5", 1);
        assertThat(endpoint.server().engine().capacity().throttles()).singleElement().satisfies(event -> {
            assertThat(event.table()).isEqualTo("Orders");
            assertThat(event.index()).isNull();
            assertThat(event.reason()).isEqualTo("TableWriteProvisionedThroughputExceeded");
            assertThat(event.enforced()).isTrue();
            assertThat(event.source()).isEqualTo(ThrottleEvent.Source.CAPACITY_MODEL);
        });
    }

    @Test
    void three_hundred_idle_seconds_give_1500_units_of_burst_and_no_more() {
        start(CapacityMode.ENFORCE);
        provisioned("Orders", 5, 5);
        clock.advance(Duration.ofSeconds(600));

        for (int i = 0; i < 15; i++) {
            put("Orders", "big" + i, 100);
        }

        assertThatThrownBy(() -> put("Orders", "one-more", 1))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        assertThat(endpoint.server().engine().capacity().region("us-east-1").table("Orders").usage().consumedWriteUnits())
                .isEqualTo(1500);
    }

    @Test
    void reads_are_throttled_by_read_capacity_and_never_by_write_capacity() {
        start(CapacityMode.ENFORCE);
        provisioned("Orders", 1, 1);
        put("Orders", "a", 1);
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("a"));

        client.getItem(r -> r.tableName("Orders").key(key).consistentRead(true));

        assertThatThrownBy(() -> client.getItem(r -> r.tableName("Orders").key(key)))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> assertThat(
                        e.throttlingReasons()).containsExactly(
                                reason("TableReadProvisionedThroughputExceeded", ARN + "Orders")));
        assertThatThrownBy(() -> client.query(r -> r.tableName("Orders").keyConditionExpression("pk = :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("a")))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
    }

    @Test
    void a_gsi_with_1_wcu_throttles_base_table_writes_naming_the_index_and_its_reads_leave_the_table_alone() {
        start(CapacityMode.ENFORCE);
        client.createTable(r -> r.tableName("Orders").keySchema(key("pk", KeyType.HASH))
                .attributeDefinitions(attribute("pk"), attribute("status"))
                .provisionedThroughput(p -> p.readCapacityUnits(100L).writeCapacityUnits(100L))
                .globalSecondaryIndexes(g -> g.indexName("byStatus").keySchema(key("status", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))));
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("a"),
                "status", AttributeValue.fromS("NEW"))));
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("b"))));

        assertThatThrownBy(() -> client.putItem(r -> r.tableName("Orders").item(Map.of(
                "pk", AttributeValue.fromS("c"), "status", AttributeValue.fromS("NEW")))))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("The level of configured provisioned "
                            + "throughput for one or more global secondary indexes of the table was exceeded.");
                    assertThat(e.throttlingReasons()).containsExactly(reason(
                            "IndexWriteProvisionedThroughputExceeded", ARN + "Orders/index/byStatus"));
                });

        for (int i = 0; i < 2; i++) {
            client.query(r -> r.tableName("Orders").indexName("byStatus").keyConditionExpression("#s = :s")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("NEW"))));
        }
        assertThatThrownBy(() -> client.query(r -> r.tableName("Orders").indexName("byStatus")
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("NEW")))))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> assertThat(
                        e.throttlingReasons()).extracting(ThrottlingReason::reason)
                        .containsExactly("IndexReadProvisionedThroughputExceeded"));
        client.getItem(r -> r.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("a"))));
        Capacity capacity = endpoint.server().engine().capacity();
        assertThat(capacity.region("us-east-1").table("Orders").index("byStatus").consumedWriteUnits()).isEqualTo(1);
        assertThat(capacity.region("us-east-1").table("Orders").usage().consumedWriteUnits()).isEqualTo(2);
    }

    @Test
    void batch_write_under_throttling_returns_what_it_could_not_write_and_throws_only_when_nothing_was_written() {
        start(CapacityMode.ENFORCE);
        provisioned("Orders", 5, 3);
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("o" + i, 1)).build()).build());
        }

        BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(Map.of("Orders", writes)));

        assertThat(response.unprocessedItems().get("Orders")).containsExactlyElementsOf(writes.subList(3, 5));
        assertThat(endpoint.server().engine().tables().get("us-east-1", "Orders").itemCount()).isEqualTo(3);
        assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of("Orders", writes.subList(3, 5)))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(client.batchWriteItem(r -> r.requestItems(response.unprocessedItems())).unprocessedItems())
                .isEmpty();
    }

    @Test
    void batch_get_under_throttling_returns_unprocessed_keys() {
        start(CapacityMode.ENFORCE);
        provisioned("Orders", 2, 10);
        for (int i = 0; i < 4; i++) {
            put("Orders", "o" + i, 1);
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            keys.add(Map.of("pk", AttributeValue.fromS("o" + i)));
        }

        BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(Map.of("Orders",
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));

        assertThat(response.responses().get("Orders")).hasSize(2);
        assertThat(response.unprocessedKeys().get("Orders").keys()).hasSize(2);
        assertThatThrownBy(() -> client.batchGetItem(r -> r.requestItems(response.unprocessedKeys())))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
    }

    @Test
    void a_transaction_over_capacity_is_cancelled_with_provisioned_throughput_exceeded() {
        start(CapacityMode.ENFORCE);
        provisioned("Orders", 5, 2);

        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Orders").item(item("a", 1))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("Orders").item(item("b", 1))).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(
                        e.cancellationReasons()).extracting(c -> c.code())
                        .containsExactly("None", "ProvisionedThroughputExceeded"));
        assertThat(endpoint.server().engine().tables().get("us-east-1", "Orders").itemCount()).isZero();
    }

    @Test
    void on_demand_serves_4000_writes_a_second_then_twice_the_peak_it_reached_30_minutes_before() {
        start(CapacityMode.ENFORCE);
        endpoint.createTable("Events", null);
        for (int i = 0; i < 30; i++) {
            put("Events", "e" + i, 100);
        }
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 40; i++) {
            put("Events", "f" + i, 100);
        }

        assertThatThrownBy(() -> put("Events", "f40", 100))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> assertThat(e.throttlingReasons())
                        .containsExactly(reason("TableWriteKeyRangeThroughputExceeded", ARN + "Events")));

        clock.advance(Duration.ofMinutes(31));
        for (int i = 0; i < 60; i++) {
            put("Events", "g" + i, 100);
        }
        assertThat(endpoint.server().engine().capacity().region("us-east-1").table("Events").usage().peakWriteUnitsPerSecond())
                .isEqualTo(6000);
    }

    @Test
    void on_demand_maximums_throttle_with_max_on_demand_throughput_exceeded() {
        start(CapacityMode.ENFORCE);
        client.createTable(r -> r.tableName("Capped").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .onDemandThroughput(o -> o.maxWriteRequestUnits(2L).maxReadRequestUnits(10L)));
        put("Capped", "a", 1);
        put("Capped", "b", 1);

        assertThatThrownBy(() -> put("Capped", "c", 1))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Throughput exceeds the maximum OnDemandThroughput configured on table or index");
                    assertThat(e.throttlingReasons()).containsExactly(
                            reason("TableWriteMaxOnDemandThroughputExceeded", ARN + "Capped"));
                });
        client.updateTable(r -> r.tableName("Capped").onDemandThroughput(o -> o.maxWriteRequestUnits(-1L)));
        put("Capped", "c", 1);
    }

    @Test
    void observe_mode_serves_everything_and_records_what_would_be_throttled() {
        start(CapacityMode.OBSERVE);
        provisioned("Orders", 1, 1);

        for (int i = 0; i < 4; i++) {
            put("Orders", "o" + i, 1);
        }

        assertThat(endpoint.server().engine().tables().get("us-east-1", "Orders").itemCount()).isEqualTo(4);
        assertThat(endpoint.server().engine().capacity().throttles()).hasSize(3)
                .allSatisfy(e -> assertThat(e.enforced()).isFalse())
                .extracting(ThrottleEvent::reason).containsOnly("TableWriteProvisionedThroughputExceeded");
        assertThat(endpoint.server().engine().capacity().region("us-east-1").table("Orders").usage().consumedWriteUnits())
                .isEqualTo(4);
    }

    @Test
    void a_table_can_enforce_while_the_engine_observes() {
        start(CapacityMode.OBSERVE);
        provisioned("Strict", 1, 1);
        provisioned("Lax", 1, 1);
        endpoint.server().engine().capacity().region("us-east-1").table("Strict").mode(CapacityMode.ENFORCE);

        put("Strict", "a", 1);
        put("Lax", "a", 1);
        put("Lax", "b", 1);

        assertThatThrownBy(() -> put("Strict", "b", 1)).isInstanceOf(ProvisionedThroughputExceededException.class);
        assertThat(endpoint.server().engine().capacity().region("us-east-1").table("Lax").mode()).isEqualTo(CapacityMode.OBSERVE);
    }

    @Test
    void once_the_clock_runs_the_sdks_own_retries_succeed_when_capacity_refills() {
        start(CapacityMode.ENFORCE);
        provisioned("Orders", 1, 1);
        Capacity capacity = endpoint.server().engine().capacity();
        ExecutionInterceptor runClockAfterFirstThrottle = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (!capacity.throttles().isEmpty()) {
                    clock.unfreeze();
                }
            }
        };
        try (DynamoDbClient retrying = DynamoDbClient.builder().endpointOverride(endpoint.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(endpoint.httpClient())
                .overrideConfiguration(o -> o.addExecutionInterceptor(runClockAfterFirstThrottle)
                        .retryPolicy(RetryPolicy.builder().numRetries(50).throttlingBackoffStrategy(
                                FixedDelayBackoffStrategy.create(Duration.ofMillis(100))).build()))
                .build()) {
            retrying.putItem(r -> r.tableName("Orders").item(item("a", 1)));
            retrying.putItem(r -> r.tableName("Orders").item(item("b", 1)));
        }

        assertThat(endpoint.server().engine().tables().get("us-east-1", "Orders").itemCount()).isEqualTo(2);
        assertThat(capacity.throttles()).isNotEmpty().allSatisfy(e -> assertThat(e.enforced()).isTrue());
    }

    @Test
    void cost_counts_request_units_and_capacity_hours_by_the_clock_in_each_class_and_mode() {
        start(CapacityMode.OBSERVE);
        provisioned("Orders", 10, 10);
        put("Orders", "a", 1);
        clock.advance(Duration.ofHours(2));

        TableCost cost = endpoint.server().engine().cost().region("us-east-1").table("Orders");

        assertThat(cost.writeRequestUnits()).isEqualTo(1);
        assertThat(cost.readCapacityUnitHours()).isEqualTo(20);
        assertThat(cost.writeCapacityUnitHours()).isEqualTo(20);
        long bytes = client.describeTable(r -> r.tableName("Orders")).table().tableSizeBytes();
        double storage = bytes / (1024.0 * 1024 * 1024) * 2 / 730;
        assertThat(cost.storageGbMonths()).isCloseTo(storage, within(1e-12));
        assertThat(cost.dollars()).isCloseTo(20 * 0.00013 + 20 * 0.00065 + storage * 0.25, within(1e-12));
        assertThat(cost.dollarsAs(TableCost.STANDARD, TableCost.ON_DEMAND))
                .isCloseTo(0.625 / 1e6 + storage * 0.25, within(1e-12));
        assertThat(cost.dollarsAs(TableCost.INFREQUENT_ACCESS, TableCost.PROVISIONED))
                .isCloseTo(20 * 0.00016 + 20 * 0.00081 + storage * 0.10, within(1e-12));
        assertThat(endpoint.server().engine().cost().region("us-east-1").tables()).containsExactly(cost);
    }

    @Test
    void a_hot_partition_key_is_limited_to_1000_write_units_per_second() {
        start(CapacityMode.ENFORCE);
        provisioned("Hot", 10, 5000);
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            client.putItem(r -> r.tableName("Hot").item(item("same", 100)));
        }

        assertThatThrownBy(() -> client.putItem(r -> r.tableName("Hot").item(item("same", 1))))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> assertThat(
                        e.throttlingReasons()).containsExactly(
                                reason("TableWriteKeyRangeThroughputExceeded", ARN + "Hot")));
        put("Hot", "other", 100);
    }

    @Test
    void a_failed_conditional_write_takes_write_units_as_in_dynamodb() {
        start(CapacityMode.ENFORCE);
        provisioned("Orders", 5, 5);
        put("Orders", "o0", 1);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.putItem(r -> r.tableName("Orders").item(item("o0", 1))
                    .conditionExpression("attribute_not_exists(pk)")))
                    .isInstanceOf(ConditionalCheckFailedException.class);
        }

        assertThatThrownBy(() -> put("Orders", "o1", 1)).isInstanceOf(ProvisionedThroughputExceededException.class);
        assertThatThrownBy(() -> client.putItem(r -> r.tableName("Orders").item(item("o0", 1))
                .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
    }

    @Test
    void warm_throughput_given_at_creation_is_described_and_served() {
        start(CapacityMode.ENFORCE);
        client.createTable(r -> r.tableName("Warm").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .warmThroughput(w -> w.writeUnitsPerSecond(6000L)));
        assertThat(client.describeTable(r -> r.tableName("Warm")).table().warmThroughput().writeUnitsPerSecond())
                .isEqualTo(6000L);

        for (int i = 0; i < 60; i++) {
            put("Warm", "w" + i, 100);
        }
        assertThatThrownBy(() -> put("Warm", "w60", 100)).isInstanceOf(ThrottlingException.class);
        assertThatThrownBy(() -> client.createTable(r -> r.tableName("Cold").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .warmThroughput(w -> w.writeUnitsPerSecond(0L))))
                .hasMessageContaining("warmThroughput.writeUnitsPerSecond");
    }

    @Test
    void the_engines_capacity_and_cost_cover_every_region_and_narrow_to_one() throws Exception {
        start(CapacityMode.OBSERVE);
        provisioned("Orders", 1, 1);
        put("Orders", "a", 2);
        DynamoEngine engine = endpoint.server().engine();
        ObjectMapper json = new ObjectMapper();
        engine.execute("eu-west-1", "CreateTable", json.readValue("""
                {"TableName": "Orders", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                 "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                 "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}""", ObjectNode.class));
        engine.execute("eu-west-1", "PutItem", json.readValue("""
                {"TableName": "Orders", "Item": {"pk": {"S": "b"}, "data": {"S": "%s"}}}""".formatted("x".repeat(3000)),
                ObjectNode.class));

        Capacity all = engine.capacity();
        Capacity europe = all.region("eu-west-1");
        assertThat(all.region()).isEmpty();
        assertThat(europe.region()).contains("eu-west-1");
        assertThat(all.throttles()).extracting(ThrottleEvent::region).containsExactly("us-east-1", "eu-west-1");
        assertThat(europe.throttles()).extracting(ThrottleEvent::region).containsExactly("eu-west-1");
        assertThat(all.table("Orders").region()).isEqualTo("us-east-1");
        assertThat(all.table("Orders").consumedWriteUnits()).isEqualTo(2);
        assertThat(europe.table("Orders").consumedWriteUnits()).isEqualTo(3);

        assertThat(engine.cost().tables()).extracting(TableCost::region).containsExactly("eu-west-1", "us-east-1");
        assertThat(engine.cost().region("eu-west-1").tables()).singleElement()
                .isEqualTo(engine.cost().region("eu-west-1").table("Orders"));
        assertThat(engine.cost().table("Orders")).isEqualTo(engine.cost().region("us-east-1").table("Orders"));
        assertThat(engine.cost().dollars()).isCloseTo(engine.cost().region("eu-west-1").dollars()
                + engine.cost().region("us-east-1").dollars(), within(1e-12));
    }
}
