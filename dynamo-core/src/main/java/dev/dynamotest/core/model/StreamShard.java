package dev.dynamotest.core.model;

/**
 * One shard of a DynamoDB stream: its id, its parent, and the range of sequence numbers it holds. A shard
 * with an ending sequence number is closed and receives no more records.
 */
public record StreamShard(String shardId, String parentShardId, String startingSequenceNumber,
        String endingSequenceNumber) {

    /** Whether the shard is closed. */
    public boolean closed() {
        return endingSequenceNumber != null;
    }
}
