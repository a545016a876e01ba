package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.StreamRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerAssertTest {

    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/2024-06-01T12:00:00.000";
    private static final Instant AT = Instant.parse("2024-06-01T12:00:00Z");

    private static StreamRecord record(String pk, long sequence) {
        Map<String, AttributeValue> keys = Map.of("pk", AttributeValue.string(pk));
        return new StreamRecord(ARN, "shardId-1", "e" + sequence, "INSERT", "us-east-1", "Orders",
                String.format("%021d", sequence), "KEYS_ONLY", keys, null, null, AT, 10, "user");
    }

    private static final StreamRecord A1 = record("A#1", 1);
    private static final StreamRecord B1 = record("B#1", 2);

    private static HandlerActivity activity(List<HandlerInvocation> invocations, List<OnFailureRecord> onFailure) {
        return new HandlerActivity() {
            @Override
            public String description() {
                return "Stream handler h on table Orders (us-east-1)";
            }

            @Override
            public List<HandlerInvocation> invocations() {
                return invocations;
            }

            @Override
            public List<OnFailureRecord> onFailureRecords() {
                return onFailure;
            }
        };
    }

    private static final HandlerActivity FAILED_THEN_PARTIAL = activity(List.of(
            new HandlerInvocation(List.of(A1, B1), 1, new IllegalStateException("boom"), List.of()),
            new HandlerInvocation(List.of(A1, B1), 2, null, List.of(B1.sequenceNumber()))),
            List.of(new OnFailureRecord("arn:aws:sqs:us-east-1:000000000000:dlq", "r1",
                    "arn:aws:lambda:us-east-1:000000000000:function:h", "RetryAttemptsExhausted", 3, "Unhandled",
                    AT, "shardId-1", B1.sequenceNumber(), B1.sequenceNumber(), AT, AT, 1, ARN)));

    @Test
    void has_invocations_counts_retries_too() {
        assertThat(FAILED_THEN_PARTIAL).hasInvocations(2).hasBatchSizes(2, 2);
    }

    @Test
    void has_invocations_fails_listing_the_invocations() {
        assertThatThrownBy(() -> assertThat(FAILED_THEN_PARTIAL).hasInvocations(1)).hasMessage("""
                [Stream handler h on table Orders (us-east-1)]
                Expecting number of invocations:
                  2
                to be:
                  1
                invocations:
                  1. [INSERT {pk=A#1} #000000000000000000001, INSERT {pk=B#1} #000000000000000000002] failed: IllegalStateException: boom
                  2. [INSERT {pk=A#1} #000000000000000000001, INSERT {pk=B#1} #000000000000000000002] reported failed items #000000000000000000002""");
    }

    @Test
    void has_batch_sizes_fails_with_the_sizes() {
        assertThatThrownBy(() -> assertThat(FAILED_THEN_PARTIAL).hasBatchSizes(2)).hasMessageStartingWith("""
                [Stream handler h on table Orders (us-east-1)]
                Expecting batch sizes:
                  [2, 2]
                to be:
                  [2]
                invocations:""");
    }

    @Test
    void has_failures_counts_errors_and_partial_failures() {
        assertThat(FAILED_THEN_PARTIAL).hasFailures(2);
        assertThat(activity(List.of(new HandlerInvocation(List.of(A1), 1, null, List.of())), List.of()))
                .hasNoFailures();
    }

    @Test
    void has_no_failures_fails_with_the_count() {
        assertThatThrownBy(() -> assertThat(FAILED_THEN_PARTIAL).hasNoFailures()).hasMessageStartingWith("""
                [Stream handler h on table Orders (us-east-1)]
                Expecting number of failed invocations:
                  2
                to be:
                  0
                invocations:""");
    }

    @Test
    void processed_takes_the_records_before_the_first_reported_failure() {
        assertThat(FAILED_THEN_PARTIAL).processed(Key.of("pk", "A#1"));
    }

    @Test
    void processed_fails_listing_what_was_processed() {
        assertThatThrownBy(() -> assertThat(FAILED_THEN_PARTIAL).processed(Key.of("pk", "A#1"), Key.of("pk", "B#1")))
                .hasMessageStartingWith("""
                        [Stream handler h on table Orders (us-east-1)]
                        Expecting the processed records to be of the items:
                          {pk=A#1}, {pk=B#1}
                        but the handler processed 1 record:
                          INSERT {pk=A#1} #000000000000000000001
                        invocations:""");
    }

    @Test
    void processed_fails_when_the_handler_was_not_invoked() {
        assertThatThrownBy(() -> assertThat(activity(List.of(), List.of())).processed(Key.of("pk", "A#1")))
                .hasMessage("""
                        [Stream handler h on table Orders (us-east-1)]
                        Expecting the processed records to be of the items:
                          {pk=A#1}
                        but the handler processed 0 records
                        The handler was not invoked.""");
    }

    @Test
    void on_failure_assertions_pass_on_a_matching_record() {
        assertThat(FAILED_THEN_PARTIAL).hasOnFailureRecords(1).hasOnFailureRecord("RetryAttemptsExhausted", 1);
    }

    @Test
    void on_failure_assertions_fail_listing_the_records() {
        assertThatThrownBy(() -> assertThat(FAILED_THEN_PARTIAL).hasOnFailureRecord("RecordAgeExceeded", 1))
                .hasMessage("""
                        [Stream handler h on table Orders (us-east-1)]
                        Expecting an on-failure destination record:
                          RecordAgeExceeded, batch of 1
                        but there are only:
                          RetryAttemptsExhausted, batch of 1 (#000000000000000000002 to #000000000000000000002), invoked 3 times""");
        assertThatThrownBy(() -> assertThat(FAILED_THEN_PARTIAL).hasOnFailureRecords(0)).hasMessageStartingWith("""
                [Stream handler h on table Orders (us-east-1)]
                Expecting number of on-failure destination records:
                  1
                to be:
                  0
                on-failure destination records:""");
        assertThatThrownBy(() -> assertThat(activity(List.of(), List.of())).hasOnFailureRecord("RecordAgeExceeded", 1))
                .hasMessage("""
                        [Stream handler h on table Orders (us-east-1)]
                        Expecting an on-failure destination record:
                          RecordAgeExceeded, batch of 1
                        but there is none""");
    }

    @Test
    void soft_assertions_collect_every_handler_failure() {
        assertThatThrownBy(() -> DynamoSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(FAILED_THEN_PARTIAL).hasInvocations(1);
            softly.assertThat(FAILED_THEN_PARTIAL).hasNoFailures();
        })).hasMessageContaining("Expecting number of invocations:").hasMessageContaining(
                "Expecting number of failed invocations:");
    }

    @Test
    void an_on_failure_record_renders_as_lambdas_invocation_record() {
        assertThat(FAILED_THEN_PARTIAL.onFailureRecords().get(0).toJson()).isEqualTo("{"
                + "\"requestContext\":{\"requestId\":\"r1\",\"functionArn\":\"arn:aws:lambda:us-east-1:000000000000:function:h\","
                + "\"condition\":\"RetryAttemptsExhausted\",\"approximateInvokeCount\":3},"
                + "\"responseContext\":{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"},"
                + "\"version\":\"1.0\",\"timestamp\":\"2024-06-01T12:00:00.000Z\","
                + "\"DDBStreamBatchInfo\":{\"shardId\":\"shardId-1\",\"startSequenceNumber\":\"000000000000000000002\","
                + "\"endSequenceNumber\":\"000000000000000000002\",\"approximateArrivalOfFirstRecord\":\"2024-06-01T12:00:00Z\","
                + "\"approximateArrivalOfLastRecord\":\"2024-06-01T12:00:00Z\",\"batchSize\":1,\"streamArn\":\"" + ARN + "\"}}");
    }
}
