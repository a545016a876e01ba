package dev.dynamotest.junit;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.dynamotest.core.model.StreamRecord;
import java.time.Instant;
import java.util.List;

/**
 * The options of a stream handler, named and checked as Lambda's {@code CreateEventSourceMapping} names and
 * checks them; a value Lambda refuses fails with an {@link IllegalArgumentException} carrying Lambda's message.
 * Immutable: each option returns a new mapping, and {@code handler(...)} (or {@code partialBatchHandler},
 * {@code recordHandler}) registers it. Obtain it with {@link StreamHandlers#onTable(String)}.
 *
 * <pre>{@code
 * dynamo.streams().onTable("Orders")
 *         .batchSize(10).maximumRetryAttempts(2).bisectBatchOnFunctionError(true)
 *         .filter("{\"eventName\": [\"INSERT\"]}")
 *         .onFailureDestination("arn:aws:sqs:us-east-1:000000000000:orders-dlq")
 *         .handler(event -> ...);
 * }</pre>
 */
public interface EventSourceMapping {

    /** Where a new handler starts reading a stream. */
    enum StartingPosition {
        /** The oldest record kept (the default). */
        TRIM_HORIZON,
        /** Only records written after the handler is registered. */
        LATEST,
        /**
         * The first record written at or after {@link #startingPositionTimestamp(Instant)}. Lambda offers this
         * for Kinesis; for DynamoDB streams it is an extension of this toolkit.
         */
        AT_TIMESTAMP
    }

    /** A function taking Lambda's DynamoDB event; throwing fails the whole batch. */
    @FunctionalInterface
    interface EventHandler {
        void handle(DynamodbEvent event) throws Exception;
    }

    /**
     * A function reporting partial batch failures (Lambda's {@code ReportBatchItemFailures}): it returns the
     * sequence numbers of the records it failed on, and Lambda retries from the lowest of them.
     */
    @FunctionalInterface
    interface PartialBatchHandler {
        StreamsEventResponse handle(DynamodbEvent event) throws Exception;
    }

    /** A function taking the engine's stream records; throwing fails the whole batch. */
    @FunctionalInterface
    interface RecordHandler {
        void handle(List<StreamRecord> records) throws Exception;
    }

    /** At most this many records a batch: 1 to 10,000, default 100. */
    EventSourceMapping batchSize(int batchSize);

    /**
     * Gather records for up to this long, by the engine's clock, before invoking with fewer than a full batch:
     * 0 to 300 seconds, default 0. {@link StreamHandlers#awaitQuiet()} cuts the window short.
     */
    EventSourceMapping maximumBatchingWindowInSeconds(int seconds);

    /** Where to start reading: default {@link StartingPosition#TRIM_HORIZON}. */
    EventSourceMapping startingPosition(StartingPosition position);

    /** Start at the first record written at or after that time ({@link StartingPosition#AT_TIMESTAMP}). */
    EventSourceMapping startingPositionTimestamp(Instant timestamp);

    /** Retries of a failed batch before it is discarded: -1 (until the records expire, the default) to 10,000. */
    EventSourceMapping maximumRetryAttempts(int attempts);

    /**
     * Discard records older than this, by the engine's clock: -1 (until they leave the stream after 24 hours,
     * the default) or 60 to 604,800 seconds.
     */
    EventSourceMapping maximumRecordAgeInSeconds(int seconds);

    /** On a function error, split the batch in two and retry each half; splitting uses no retry. Default false. */
    EventSourceMapping bisectBatchOnFunctionError(boolean bisect);

    /**
     * Deliver only records that match a Lambda event filter pattern (JSON), for example
     * {@code {"eventName": ["INSERT"], "dynamodb": {"NewImage": {"status": {"S": [{"prefix": "NEW"}]}}}}};
     * with several filters a record matching any one is delivered. Records filtered out count as processed.
     */
    EventSourceMapping filter(String pattern);

    /**
     * The ARN of an SQS queue or SNS topic that receives an invocation record for each discarded batch; the
     * records are kept for assertions ({@code assertThat(handler).hasOnFailureRecords(1)}), nothing is sent.
     */
    EventSourceMapping onFailureDestination(String arn);

    /** The function's name, as the on-failure records' function ARN shows it. Default {@code stream-handler-N}. */
    EventSourceMapping functionName(String name);

    /** Registers a handler of Lambda {@code DynamodbEvent}s and starts delivering. */
    StreamHandler handler(EventHandler handler);

    /** Registers a handler that reports batch item failures (Lambda's {@code ReportBatchItemFailures}). */
    StreamHandler partialBatchHandler(PartialBatchHandler handler);

    /** Registers a handler of the engine's {@link StreamRecord}s and starts delivering. */
    StreamHandler recordHandler(RecordHandler handler);
}
