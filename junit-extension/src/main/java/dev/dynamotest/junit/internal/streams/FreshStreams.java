package dev.dynamotest.junit.internal.streams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.streams.TableStreams;
import dev.dynamotest.core.model.StreamShard;
import dev.dynamotest.core.model.TableStream;

/**
 * Gives each test method a clean view of streams: a table whose stream holds records gets a new stream (disabled
 * and enabled again with the same view type), as a table created afresh would have. The old stream stays
 * readable, as a replaced stream does in DynamoDB; tables whose stream is empty keep it.
 */
public final class FreshStreams {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FreshStreams() {
    }

    /** Replaces the stream of each of the engine's tables whose stream holds records. */
    public static void renew(DynamoEngine engine) {
        TableStreams streams = engine.tableStreams();
        for (String region : engine.tables().regions()) {
            for (String table : engine.tables().names(region)) {
                streams.latest(region, table)
                        .filter(s -> s.status().equals("ENABLED") && holdsRecords(streams, s))
                        .ifPresent(s -> replace(engine, region, table, s.viewType()));
            }
        }
    }

    private static boolean holdsRecords(TableStreams streams, TableStream stream) {
        for (StreamShard shard : stream.shards()) {
            if (!streams.read(stream.streamArn(), shard.shardId(), null, 1).records().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static void replace(DynamoEngine engine, String region, String table, String viewType) {
        ObjectNode disable = NODES.objectNode().put("TableName", table);
        disable.putObject("StreamSpecification").put("StreamEnabled", false);
        engine.execute(region, "UpdateTable", disable);
        ObjectNode enable = NODES.objectNode().put("TableName", table);
        enable.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", viewType);
        engine.execute(region, "UpdateTable", enable);
    }
}
