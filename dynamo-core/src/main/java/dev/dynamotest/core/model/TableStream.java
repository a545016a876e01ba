package dev.dynamotest.core.model;

import java.time.Instant;
import java.util.List;

/**
 * One DynamoDB stream of a table, as DescribeStream describes it: enabled, or disabled and still readable for
 * 24 hours.
 *
 * @param status   {@code ENABLED} or {@code DISABLED}
 * @param created  when the stream was enabled
 * @param shards   the shards that still hold readable records, oldest first
 */
public record TableStream(String streamArn, String label, String status, String viewType, String region,
        String tableName, Instant created, List<StreamShard> shards) {

    /** The open shard, which receives new records, or {@code null} when the stream is disabled. */
    public StreamShard openShard() {
        return shards.stream().filter(s -> !s.closed()).findFirst().orElse(null);
    }
}
