package dev.dynamotest.core.internal.streams;

import dev.dynamotest.core.internal.storage.TableChanges;
import dev.dynamotest.core.model.StreamShard;

/**
 * One shard of a stream at one moment: its place in the chain of shards, the slice of the change log it holds,
 * and its sequence number range ({@code ending} is -1 while the shard is open).
 */
public record Shard(int index, String id, String parentId, TableChanges.Slice slice, long starting, long ending) {

    public boolean closed() {
        return ending >= 0;
    }

    public StreamShard describe() {
        return new StreamShard(id, parentId, SequenceNumbers.format(starting),
                closed() ? SequenceNumbers.format(ending) : null);
    }
}
