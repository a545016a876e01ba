package dev.dynamotest.core.internal.streams;

import java.time.Duration;

/** DynamoDB Streams' clock rules: retention, iterator lifetime and shard rollover, all on the engine clock. */
public final class StreamTimes {

    /** How long records, closed shards and disabled streams stay readable. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** How long a shard iterator may be used. */
    public static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);
    /** How long a shard stays open before it closes and a child shard takes over. */
    static final Duration ROLLOVER = Duration.ofHours(4);

    private StreamTimes() {
    }
}
