package dev.dynamotest.core.model;

import java.util.List;

/**
 * What one read of a stream shard returned: its records in order and whether the shard is closed and read to
 * its end, so that no more records will come from it.
 */
public record StreamBatch(List<StreamRecord> records, boolean shardEnded) {
}
