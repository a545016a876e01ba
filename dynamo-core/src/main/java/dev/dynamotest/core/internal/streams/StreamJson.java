package dev.dynamotest.core.internal.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.internal.json.JsonTrees;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.internal.storage.StreamMeta;
import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.core.model.StreamShard;
import dev.dynamotest.core.model.TableStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/** The Streams API's JSON shapes: stream summaries, stream descriptions with shards, and records. */
public final class StreamJson {

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StreamJson() {
    }

    public static ObjectNode summary(StreamMeta stream) {
        ObjectNode o = NODES.objectNode();
        o.put("StreamArn", stream.arn());
        o.put("TableName", stream.tableName());
        o.put("StreamLabel", stream.label());
        return o;
    }

    public static ObjectNode description(StreamMeta meta, TableStream stream, List<StreamShard> shards,
            String lastShard) {
        ObjectNode d = NODES.objectNode();
        d.put("StreamArn", stream.streamArn());
        d.put("StreamLabel", stream.label());
        d.put("StreamStatus", stream.status());
        d.put("StreamViewType", stream.viewType());
        d.put("CreationRequestDateTime", BigDecimal.valueOf(stream.created().toEpochMilli()).movePointLeft(3));
        d.put("TableName", stream.tableName());
        d.set("KeySchema", keySchema(meta));
        ArrayNode array = d.putArray("Shards");
        for (StreamShard shard : shards) {
            ObjectNode s = array.addObject();
            s.put("ShardId", shard.shardId());
            ObjectNode range = s.putObject("SequenceNumberRange");
            range.put("StartingSequenceNumber", shard.startingSequenceNumber());
            if (shard.closed()) {
                range.put("EndingSequenceNumber", shard.endingSequenceNumber());
            }
            if (shard.parentShardId() != null) {
                s.put("ParentShardId", shard.parentShardId());
            }
        }
        if (lastShard != null) {
            d.put("LastEvaluatedShardId", lastShard);
        }
        return d;
    }

    public static ObjectNode record(StreamRecord record) {
        ObjectNode r = NODES.objectNode();
        r.put("eventID", record.eventId());
        r.put("eventName", record.eventName());
        r.put("eventVersion", "1.1");
        r.put("eventSource", "aws:dynamodb");
        r.put("awsRegion", record.region());
        ObjectNode d = r.putObject("dynamodb");
        d.put("ApproximateCreationDateTime", record.approximateCreation().getEpochSecond());
        d.set("Keys", AttributeValueJson.encodeItem(record.keys()));
        if (record.newImage() != null) {
            d.set("NewImage", AttributeValueJson.encodeItem(record.newImage()));
        }
        if (record.oldImage() != null) {
            d.set("OldImage", AttributeValueJson.encodeItem(record.oldImage()));
        }
        d.put("SequenceNumber", record.sequenceNumber());
        d.put("SizeBytes", record.sizeBytes());
        d.put("StreamViewType", record.viewType());
        if (record.byTimeToLive()) {
            ObjectNode identity = r.putObject("userIdentity");
            identity.put("PrincipalId", "dynamodb.amazonaws.com");
            identity.put("Type", "Service");
        }
        return r;
    }

    private static JsonNode keySchema(StreamMeta meta) {
        try {
            return JsonTrees.read(meta.keySchema());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
