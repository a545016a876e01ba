package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class StreamErrorsTest {

    private static final String VALIDATION = "ValidationException";
    private static final String NOT_FOUND = "ResourceNotFoundException";
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbStreamsClient streams;
    private static String arn;
    private static String shardId;

    @BeforeAll
    static void start() {
        streams = endpoint.streams();
        arn = endpoint.createStreamedTable("Errors", StreamViewType.KEYS_ONLY);
        shardId = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
    }

    @Test
    void rejects_limits_out_of_range() {
        assertError(() -> streams.listStreams(r -> r.limit(0)), VALIDATION, "1 validation error detected: Value '0' at "
                + "'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertError(() -> streams.listStreams(r -> r.limit(101)), VALIDATION, "1 validation error detected: Value "
                + "'101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
        assertError(() -> streams.getRecords(r -> r.limit(1001).shardIterator("x")), VALIDATION, "1 validation error "
                + "detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than "
                + "or equal to 1000");
    }

    @Test
    void rejects_a_malformed_stream_arn() {
        String malformed = "arn:aws:dynamodb:us-east-1:000000000000:table/Errors/nostream";

        assertError(() -> streams.describeStream(r -> r.streamArn(malformed)), VALIDATION, "Invalid StreamArn");
        assertError(() -> streams.listStreams(r -> r.exclusiveStartStreamArn(malformed)), VALIDATION,
                "Invalid StreamArn");
        assertError(() -> streams.getShardIterator(r -> r.streamArn(malformed).shardId(shardId)
                .shardIteratorType(ShardIteratorType.LATEST)), VALIDATION, "Invalid StreamArn");
    }

    @Test
    void reports_an_unknown_stream_and_shard() {
        String unknown = arn.replace("/Errors/", "/Missing/");

        assertError(() -> streams.describeStream(r -> r.streamArn(unknown)), NOT_FOUND,
                "Requested resource not found: Stream: " + unknown + " not found");
        assertError(() -> streams.getShardIterator(r -> r.streamArn(arn).shardId("shardId-00000000000000000000-0000")
                .shardIteratorType(ShardIteratorType.LATEST)), NOT_FOUND,
                "Requested resource not found: Shard does not exist");
    }

    @Test
    void pages_past_the_last_shard_to_nothing() {
        assertThat(streams.describeStream(r -> r.streamArn(arn).exclusiveStartShardId(shardId)).streamDescription()
                .shards()).isEmpty();
    }

    @Test
    void requires_a_sequence_number_exactly_for_the_sequence_iterator_types() {
        assertError(() -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)), VALIDATION,
                "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and SequenceNumber or (2) "
                        + "TRIM_HORIZON or LATEST and no SequenceNumber. Request specified AT_SEQUENCE_NUMBER and no "
                        + "SequenceNumber.");
        assertError(() -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                        .shardIteratorType(ShardIteratorType.LATEST).sequenceNumber("000000000000000000001")),
                VALIDATION, "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and SequenceNumber or "
                        + "(2) TRIM_HORIZON or LATEST and no SequenceNumber. Request specified LATEST and a "
                        + "SequenceNumber.");
        assertError(() -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                        .shardIteratorType("bulle")), VALIDATION, "1 validation error detected: Value 'bulle' at "
                        + "'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]");
    }

    @Test
    void rejects_an_iterator_it_did_not_issue() {
        assertError(() -> streams.getRecords(r -> r.shardIterator("not-an-iterator")), VALIDATION,
                "Invalid ShardIterator");
    }

    @Test
    void answers_streams_operations_only_under_the_streams_target() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(endpoint.endpoint() + "/"))
                .header("X-Amz-Target", "DynamoDB_20120810.ListStreams")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UnknownOperationException");
    }
}
