package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamotest.assertions.HandlerInvocation;
import dev.dynamotest.assertions.Key;
import dev.dynamotest.assertions.OnFailureRecord;
import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.junit.EventSourceMapping.StartingPosition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_AND_OLD_IMAGES)
@DynamoTable(name = "Plain", partitionKey = "pk")
@DynamoTable(name = "Orders", partitionKey = "pk", region = "us-west-2", stream = DynamoTable.StreamView.KEYS_ONLY)
class StreamHandlersTest {

    private static final Key A1 = Key.of("pk", "A#1");
    private static final Key B1 = Key.of("pk", "B#1");
    private static final Key C1 = Key.of("pk", "C#1");
    private static final Key D1 = Key.of("pk", "D#1");

    DynamoDbClient client;
    Dynamo dynamo;

    private void put(String pk, String status) {
        client.putItem(r -> r.tableName("Orders").item(Map.of(
                "pk", AttributeValue.fromS(pk), "status", AttributeValue.fromS(status))));
    }

    private static boolean holds(DynamodbEvent event, String pk) {
        return event.getRecords().stream().anyMatch(r -> pk.equals(r.getDynamodb().getKeys().get("pk").getS()));
    }

    @Test
    void delivers_records_as_the_lambda_events_lambda_builds() {
        Instant now = dynamo.clock().freeze().now();
        List<DynamodbEvent> events = new CopyOnWriteArrayList<>();
        StreamHandler handler = dynamo.streams().onTable("Orders").handler(events::add);

        put("A#1", "NEW");
        put("A#1", "SHIPPED");
        client.deleteItem(r -> r.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("A#1"))));
        dynamo.streams().awaitQuiet();

        assertThat(handler).hasNoFailures().processed(A1, A1, A1);
        List<DynamodbEvent.DynamodbStreamRecord> records = events.stream().flatMap(e -> e.getRecords().stream())
                .toList();
        String streamArn = client.describeTable(r -> r.tableName("Orders")).table().latestStreamArn();
        assertThat(records).extracting(DynamodbEvent.DynamodbStreamRecord::getEventName)
                .containsExactly("INSERT", "MODIFY", "REMOVE");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.getEventVersion()).isEqualTo("1.1");
            assertThat(r.getEventSource()).isEqualTo("aws:dynamodb");
            assertThat(r.getAwsRegion()).isEqualTo("us-east-1");
            assertThat(r.getEventSourceARN()).isEqualTo(streamArn);
            assertThat(r.getEventID()).isNotBlank();
            assertThat(r.getDynamodb().getKeys().get("pk").getS()).isEqualTo("A#1");
            assertThat(r.getDynamodb().getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
            assertThat(r.getDynamodb().getSizeBytes()).isPositive();
            assertThat(r.getDynamodb().getApproximateCreationDateTime())
                    .isEqualTo(Date.from(now.truncatedTo(ChronoUnit.SECONDS)));
        });
        assertThat(records.get(0).getDynamodb().getOldImage()).isNull();
        assertThat(records.get(1).getDynamodb().getOldImage().get("status").getS()).isEqualTo("NEW");
        assertThat(records.get(1).getDynamodb().getNewImage().get("status").getS()).isEqualTo("SHIPPED");
        assertThat(records.get(2).getDynamodb().getNewImage()).isNull();
        assertThat(records).extracting(r -> r.getDynamodb().getSequenceNumber()).isSorted();
        assertThat(handler.streamArn()).isEqualTo(streamArn);
    }

    @Test
    void delivers_plain_stream_records_to_a_record_handler() {
        List<StreamRecord> received = new CopyOnWriteArrayList<>();
        dynamo.streams().onTable("Orders").recordHandler(received::addAll);

        put("A#1", "NEW");
        dynamo.streams().awaitQuiet();

        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.eventName()).isEqualTo("INSERT");
            assertThat(r.tableName()).isEqualTo("Orders");
        });
    }

    @Test
    void a_handler_on_another_regions_table_gets_only_that_tables_records() {
        StreamHandler west = dynamo.streams().onTable(Region.US_WEST_2, "Orders").handler(event -> { });

        put("A#1", "NEW");
        dynamo.clientFor(Region.US_WEST_2).putItem(r -> r.tableName("Orders").item(Map.of(
                "pk", AttributeValue.fromS("B#1"))));
        dynamo.streams().awaitQuiet();

        assertThat(west).processed(B1);
        assertThat(west.invocations().get(0).records().get(0).region()).isEqualTo("us-west-2");
        assertThat(west.description()).endsWith("on table Orders (us-west-2)");
    }

    @Test
    void cuts_batches_at_the_batch_size() {
        for (String pk : List.of("A#1", "B#1", "C#1", "D#1", "E#1")) {
            put(pk, "NEW");
        }

        StreamHandler handler = dynamo.streams().onTable("Orders").batchSize(2).handler(event -> { });
        dynamo.streams().awaitQuiet();

        assertThat(handler).hasBatchSizes(2, 2, 1);
    }

    @Test
    void latest_starts_after_the_records_already_written() {
        put("A#1", "NEW");

        StreamHandler handler = dynamo.streams().onTable("Orders")
                .startingPosition(StartingPosition.LATEST).handler(event -> { });
        put("B#1", "NEW");
        dynamo.streams().awaitQuiet();

        assertThat(handler).processed(B1);
    }

    @Test
    void at_timestamp_starts_at_the_first_record_written_then() {
        dynamo.clock().freeze();
        put("A#1", "NEW");
        Instant later = dynamo.clock().advance(Duration.ofMinutes(5)).now();
        put("B#1", "NEW");

        StreamHandler handler = dynamo.streams().onTable("Orders").startingPositionTimestamp(later)
                .handler(event -> { });
        dynamo.streams().awaitQuiet();

        assertThat(handler).processed(B1);
    }

    @Test
    void a_batching_window_gathers_records_until_await_quiet_cuts_it_short() {
        dynamo.clock().freeze();
        StreamHandler handler = dynamo.streams().onTable("Orders").maximumBatchingWindowInSeconds(60)
                .handler(event -> { });

        put("A#1", "NEW");
        put("B#1", "NEW");
        dynamo.streams().awaitQuiet();

        assertThat(handler).hasBatchSizes(2).processed(A1, B1);
    }

    @Test
    void a_handler_that_fails_once_gets_the_same_batch_again() {
        AtomicInteger calls = new AtomicInteger();
        StreamHandler handler = dynamo.streams().onTable("Orders").handler(event -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("downstream unavailable");
            }
        });

        put("A#1", "NEW");
        dynamo.streams().awaitQuiet();

        assertThat(handler).hasInvocations(2).hasFailures(1).processed(A1);
        List<HandlerInvocation> invocations = handler.invocations();
        assertThat(invocations.get(1).records()).isEqualTo(invocations.get(0).records());
        assertThat(invocations).extracting(HandlerInvocation::attempt).containsExactly(1, 2);
        assertThat(invocations.get(0).error()).hasMessage("downstream unavailable");
    }

    @Test
    void a_handler_that_always_fails_blocks_its_shard_until_the_retries_are_spent() throws Exception {
        StreamHandler handler = dynamo.streams().onTable("Orders").batchSize(1).maximumRetryAttempts(2)
                .onFailureDestination("arn:aws:sqs:us-east-1:000000000000:orders-dlq")
                .functionName("order-projector")
                .handler(event -> {
                    if (holds(event, "A#1")) {
                        throw new IllegalStateException("poison");
                    }
                });

        put("A#1", "NEW");
        put("B#1", "NEW");
        dynamo.streams().awaitQuiet();

        assertThat(handler).hasInvocations(4).hasFailures(3).processed(B1)
                .hasOnFailureRecords(1).hasOnFailureRecord("RetryAttemptsExhausted", 1);
        OnFailureRecord record = handler.onFailureRecords().get(0);
        String sequenceNumber = handler.invocations().get(0).records().get(0).sequenceNumber();
        var json = new ObjectMapper().readTree(record.toJson());
        assertThat(json.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(json.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(json.at("/requestContext/functionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:order-projector");
        assertThat(json.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(json.at("/version").asText()).isEqualTo("1.0");
        assertThat(json.at("/DDBStreamBatchInfo/startSequenceNumber").asText()).isEqualTo(sequenceNumber);
        assertThat(json.at("/DDBStreamBatchInfo/endSequenceNumber").asText()).isEqualTo(sequenceNumber);
        assertThat(json.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
        assertThat(json.at("/DDBStreamBatchInfo/streamArn").asText()).isEqualTo(handler.streamArn());
        assertThat(json.at("/DDBStreamBatchInfo/shardId").asText()).startsWith("shardId-");
        assertThat(record.destination()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:orders-dlq");
    }

    @Test
    void without_a_destination_discarded_batches_are_only_dropped() {
        StreamHandler handler = dynamo.streams().onTable("Orders").maximumRetryAttempts(0)
                .handler(event -> {
                    throw new IllegalStateException("poison");
                });

        put("A#1", "NEW");
        dynamo.streams().awaitQuiet();

        assertThat(handler).hasInvocations(1).hasOnFailureRecords(0);
    }

    @Test
    void bisecting_isolates_the_failing_record() {
        for (String pk : List.of("A#1", "B#1", "C#1", "D#1")) {
            put(pk, "NEW");
        }

        StreamHandler handler = dynamo.streams().onTable("Orders").batchSize(4).bisectBatchOnFunctionError(true)
                .maximumRetryAttempts(0).onFailureDestination("arn:aws:sns:us-east-1:000000000000:dlq")
                .handler(event -> {
                    if (holds(event, "C#1")) {
                        throw new IllegalStateException("poison");
                    }
                });
        dynamo.streams().awaitQuiet();

        assertThat(handler).hasBatchSizes(4, 2, 2, 1, 1).processed(A1, B1, D1)
                .hasOnFailureRecord("RetryAttemptsExhausted", 1);
    }

    @Test
    void a_partial_batch_response_retries_from_the_first_failed_record() {
        for (String pk : List.of("A#1", "B#1", "C#1", "D#1")) {
            put(pk, "NEW");
        }
        AtomicInteger calls = new AtomicInteger();

        StreamHandler handler = dynamo.streams().onTable("Orders").batchSize(4).partialBatchHandler(event -> {
            if (calls.incrementAndGet() > 1) {
                return new StreamsEventResponse();
            }
            String failed = event.getRecords().get(2).getDynamodb().getSequenceNumber();
            return StreamsEventResponse.builder().withBatchItemFailures(
                    List.of(new StreamsEventResponse.BatchItemFailure(failed))).build();
        });
        dynamo.streams().awaitQuiet();

        assertThat(handler).hasBatchSizes(4, 2).hasFailures(1).processed(A1, B1, C1, D1);
    }

    @Test
    void a_partial_batch_response_naming_an_unknown_record_fails_the_whole_batch() {
        AtomicInteger calls = new AtomicInteger();
        StreamHandler handler = dynamo.streams().onTable("Orders").partialBatchHandler(event ->
                calls.incrementAndGet() > 1 ? null : StreamsEventResponse.builder().withBatchItemFailures(
                        List.of(new StreamsEventResponse.BatchItemFailure(""))).build());

        put("A#1", "NEW");
        dynamo.streams().awaitQuiet();

        assertThat(handler).hasBatchSizes(1, 1).hasFailures(1).processed(A1);
        assertThat(handler.invocations().get(0).error()).hasMessageContaining("item identifier \"\"");
    }

    @Test
    void a_filter_delivers_only_matching_records() {
        StreamHandler handler = dynamo.streams().onTable("Orders")
                .filter("{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [{\"prefix\": \"NEW\"}]}}}}")
                .handler(event -> { });

        put("A#1", "NEW");
        put("B#1", "OLD");
        put("A#1", "NEWER");
        put("C#1", "NEWEST");
        dynamo.streams().awaitQuiet();

        assertThat(handler).processed(A1, C1);
    }

    @Test
    void records_older_than_the_maximum_age_are_discarded_by_the_engine_clock() throws Exception {
        dynamo.clock().freeze();
        CountDownLatch failedOnce = new CountDownLatch(1);
        StreamHandler handler = dynamo.streams().onTable("Orders").maximumRecordAgeInSeconds(60)
                .onFailureDestination("arn:aws:sqs:us-east-1:000000000000:dlq")
                .handler(event -> {
                    failedOnce.countDown();
                    throw new IllegalStateException("downstream unavailable");
                });

        put("A#1", "NEW");
        assertThat(failedOnce.await(10, TimeUnit.SECONDS)).isTrue();
        dynamo.clock().advance(Duration.ofSeconds(61));
        dynamo.streams().awaitQuiet();

        assertThat(handler).hasOnFailureRecord("RecordAgeExceeded", 1).processed();
        assertThat(handler.onFailureRecords().get(0).approximateInvokeCount()).isPositive();
    }

    @Test
    void await_quiet_fails_naming_a_handler_that_keeps_failing() throws Exception {
        IllegalStateException poison = new IllegalStateException("poison");
        CountDownLatch failedOnce = new CountDownLatch(1);
        dynamo.streams().onTable("Orders").functionName("stuck").handler(event -> {
            failedOnce.countDown();
            throw poison;
        });

        put("A#1", "NEW");
        assertThat(failedOnce.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> dynamo.streams().awaitQuiet(Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Stream handlers have not caught up within 300 ms:\n"
                        + "  Stream handler stuck on table Orders (us-east-1): it is retrying a batch of 1 record(s)")
                .hasCause(poison);
    }

    @Test
    void a_removed_handler_gets_nothing_more() {
        StreamHandler handler = dynamo.streams().onTable("Orders").handler(event -> { });
        put("A#1", "NEW");
        dynamo.streams().awaitQuiet();

        handler.remove();
        put("B#1", "NEW");
        dynamo.streams().awaitQuiet();

        assertThat(handler).processed(A1);
        assertThat(dynamo.streams().handlers()).isEmpty();
    }

    @Test
    void refuses_options_with_lambdas_messages() {
        EventSourceMapping mapping = dynamo.streams().onTable("Orders");

        assertThatThrownBy(() -> mapping.batchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertThatThrownBy(() -> mapping.batchSize(10_001))
                .hasMessage("1 validation error detected: Value '10001' at 'batchSize' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 10000");
        assertThatThrownBy(() -> mapping.maximumBatchingWindowInSeconds(301))
                .hasMessageContaining("at 'maximumBatchingWindowInSeconds' failed to satisfy constraint");
        assertThatThrownBy(() -> mapping.maximumRetryAttempts(-2))
                .hasMessage("1 validation error detected: Value '-2' at 'maximumRetryAttempts' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to -1");
        assertThatThrownBy(() -> mapping.maximumRecordAgeInSeconds(30))
                .hasMessage("MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 "
                        + "(inclusive)");
        assertThatThrownBy(() -> mapping.maximumRecordAgeInSeconds(604_801))
                .hasMessageContaining("Member must have value less than or equal to 604800");
        assertThatThrownBy(() -> mapping.filter("{\"eventName\": \"INSERT\"}"))
                .hasMessage("Invalid filter pattern definition.");
        assertThatThrownBy(() -> mapping.filter("{\"eventName\": [{\"wildcard\": \"IN*\"}]}"))
                .hasMessage("Invalid filter pattern definition.");
        assertThatThrownBy(() -> mapping.filter("not json")).hasMessage("Invalid filter pattern definition.");
        assertThatThrownBy(() -> mapping.onFailureDestination("arn:aws:s3:::bucket"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mapping.startingPosition(StartingPosition.AT_TIMESTAMP).handler(event -> { }))
                .hasMessage("StartingPositionTimestamp must be provided when StartingPosition is AT_TIMESTAMP");
        assertThat(dynamo.streams().handlers()).isEmpty();
    }

    @Test
    void refuses_a_table_without_a_stream() {
        assertThatThrownBy(() -> dynamo.streams().onTable("Plain").handler(event -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot register a stream handler: table Plain (us-east-1) has no stream enabled; "
                        + "declare it with @DynamoTable(stream = ...) or enable one with UpdateTable's "
                        + "StreamSpecification");
        assertThatThrownBy(() -> dynamo.streams().onTable("Missing").handler(event -> { }))
                .hasMessage("Cannot register a stream handler: table Missing (us-east-1) does not exist");
    }
}
