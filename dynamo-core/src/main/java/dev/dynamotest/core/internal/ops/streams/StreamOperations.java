package dev.dynamotest.core.internal.ops.streams;

import static dev.dynamotest.core.internal.streams.StreamJson.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.protocol.ListPage;
import dev.dynamotest.core.internal.routing.Api;
import dev.dynamotest.core.internal.routing.Routes;
import dev.dynamotest.core.internal.storage.StreamMeta;
import dev.dynamotest.core.internal.streams.SequenceNumbers;
import dev.dynamotest.core.internal.streams.Shard;
import dev.dynamotest.core.internal.streams.ShardIterator;
import dev.dynamotest.core.internal.streams.StreamErrors;
import dev.dynamotest.core.internal.streams.StreamJson;
import dev.dynamotest.core.internal.streams.StreamReader;
import dev.dynamotest.core.internal.streams.StreamTimes;
import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.core.model.StreamShard;
import dev.dynamotest.core.model.TableStream;
import java.time.Instant;
import java.util.regex.Pattern;

/** The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator and GetRecords. */
public final class StreamOperations {

    private static final Pattern STREAM_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/"
            + "[a-zA-Z0-9_.-]{3,255}/stream/\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
    private static final String[] ITERATOR_TYPES = {"TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER",
        "AFTER_SEQUENCE_NUMBER"};

    private final StreamReader reader;
    private final Clock clock;

    public StreamOperations(StreamReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /** Registers the DynamoDB Streams API. */
    public void registerIn(Routes routes) {
        routes.add(Api.STREAMS, "ListStreams", this::listStreams);
        routes.add(Api.STREAMS, "DescribeStream", this::describeStream);
        routes.add(Api.STREAMS, "GetShardIterator", this::getShardIterator);
        routes.add(Api.STREAMS, "GetRecords", this::getRecords);
    }

    public ObjectNode listStreams(String region, ObjectNode request) {
        String table = Json.text(request, "TableName");
        Long limit = Json.integer(request, "Limit");
        String start = Json.text(request, "ExclusiveStartStreamArn");
        Constraints constraints = new Constraints().range(limit, "limit", 1, 100)
                .length(start, "exclusiveStartStreamArn", 37, 1024);
        if (table != null) {
            constraints.tableName(table, "tableName");
        }
        constraints.check();
        if (start != null) {
            checkArn(start);
        }
        ListPage<StreamMeta> page = ListPage.of(reader.catalog().readableIn(region, clock.now()),
                stream -> (table == null || stream.tableName().equals(table))
                        && (start == null || stream.arn().compareTo(start) > 0),
                limit == null ? 100 : limit.intValue());
        ObjectNode response = NODES.objectNode();
        ArrayNode streams = response.putArray("Streams");
        page.elements().forEach(stream -> streams.add(StreamJson.summary(stream)));
        if (page.more()) {
            response.put("LastEvaluatedStreamArn", page.lastEvaluated(StreamMeta::arn));
        }
        return response;
    }

    public ObjectNode describeStream(String region, ObjectNode request) {
        String arn = Json.text(request, "StreamArn");
        Long limit = Json.integer(request, "Limit");
        String start = Json.text(request, "ExclusiveStartShardId");
        new Constraints().notNull(arn, "streamArn").length(arn, "streamArn", 37, 1024)
                .range(limit, "limit", 1, 100).length(start, "exclusiveStartShardId", 28, 65).check();
        Instant now = clock.now();
        StreamMeta meta = stream(arn, now);
        TableStream stream = reader.describe(meta, now);
        ListPage<StreamShard> page = ListPage.of(stream.shards(),
                shard -> start == null || shard.shardId().compareTo(start) > 0, limit == null ? 100 : limit.intValue());
        ObjectNode response = NODES.objectNode();
        response.set("StreamDescription", StreamJson.description(meta, stream, page.elements(),
                page.lastEvaluated(StreamShard::shardId)));
        return response;
    }

    public ObjectNode getShardIterator(String region, ObjectNode request) {
        String arn = Json.text(request, "StreamArn");
        String shardId = Json.text(request, "ShardId");
        String type = Json.text(request, "ShardIteratorType");
        String sequenceNumber = Json.text(request, "SequenceNumber");
        new Constraints().notNull(arn, "streamArn").length(arn, "streamArn", 37, 1024)
                .notNull(shardId, "shardId").length(shardId, "shardId", 28, 65)
                .notNull(type, "shardIteratorType").oneOf(type, "shardIteratorType", ITERATOR_TYPES)
                .length(sequenceNumber, "sequenceNumber", 21, 40).check();
        boolean needsSequence = type.endsWith("SEQUENCE_NUMBER");
        if (needsSequence != (sequenceNumber != null)) {
            throw DynamoException.validation("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and "
                    + "SequenceNumber or (2) TRIM_HORIZON or LATEST and no SequenceNumber. Request specified " + type
                    + (needsSequence ? " and no SequenceNumber." : " and a SequenceNumber."));
        }
        long sequence = needsSequence ? SequenceNumbers.parse(sequenceNumber) : 0;
        if (sequence < 0) {
            throw DynamoException.validation("Invalid SequenceNumber: " + sequenceNumber);
        }
        Instant now = clock.now();
        StreamMeta meta = stream(arn, now);
        Shard shard = reader.shard(meta, shardId, now);
        long after = switch (type) {
            case "TRIM_HORIZON" -> reader.trimHorizon(shard, now);
            case "LATEST" -> reader.latest(shard);
            case "AT_SEQUENCE_NUMBER" -> Math.max(0, sequence - 1);
            default -> sequence;
        };
        if (needsSequence) {
            reader.checkNotTrimmed(shard, after, now);
        }
        ObjectNode response = NODES.objectNode();
        response.put("ShardIterator", new ShardIterator(arn, shard.index(), after, now).encode());
        return response;
    }

    public ObjectNode getRecords(String region, ObjectNode request) {
        String text = Json.text(request, "ShardIterator");
        Long limit = Json.integer(request, "Limit");
        new Constraints().notNull(text, "shardIterator").length(text, "shardIterator", 1, 2048)
                .range(limit, "limit", 1, 1000).check();
        ShardIterator iterator = ShardIterator.decode(text);
        Instant now = clock.now();
        if (iterator.issued().plus(StreamTimes.ITERATOR_LIFETIME).isBefore(now)) {
            throw StreamErrors.expiredIterator();
        }
        StreamMeta meta = reader.catalog().readable(iterator.streamArn(), now)
                .orElseThrow(() -> StreamErrors.streamNotFound(iterator.streamArn()));
        Shard shard = reader.shard(meta, iterator.shard(), now);
        StreamReader.Batch batch = reader.read(meta, shard, iterator.after(), limit == null ? 1000
                : limit.intValue(), now);
        ObjectNode response = NODES.objectNode();
        ArrayNode records = response.putArray("Records");
        for (StreamRecord record : batch.records()) {
            records.add(StreamJson.record(record));
        }
        if (!batch.ended()) {
            response.put("NextShardIterator", iterator.advancedTo(batch.lastRead(), now).encode());
        }
        return response;
    }

    private StreamMeta stream(String arn, Instant now) {
        checkArn(arn);
        return reader.catalog().readable(arn, now).orElseThrow(() -> StreamErrors.streamNotFound(arn));
    }

    private static void checkArn(String arn) {
        if (!STREAM_ARN.matcher(arn).matches()) {
            throw StreamErrors.invalidStreamArn();
        }
    }
}
