package dev.dynamotest.core;

import dev.dynamotest.core.model.StreamRecord;
import java.time.Instant;

/**
 * Decides whether a stream record may be read yet, by GetRecords and by {@link dev.dynamotest.core.streams.TableStreams#read}: a hook for
 * stream lag. A shard is read in order, so a record held back also holds back the records after it.
 * Add one with {@link dev.dynamotest.core.streams.TableStreams#addGate(StreamGate)}.
 */
@FunctionalInterface
public interface StreamGate {

    /**
     * Whether the record may be read now.
     *
     * @param record    the record
     * @param changedAt the exact time of its change by the engine's clock
     * @param now       the engine clock's time now
     */
    boolean visible(StreamRecord record, Instant changedAt, Instant now);
}
