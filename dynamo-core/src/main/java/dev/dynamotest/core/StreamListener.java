package dev.dynamotest.core;

import dev.dynamotest.core.model.StreamRecord;

/**
 * Told of every new record of every enabled stream once its change is committed, in commit order: stream
 * handlers and stream assertions listen here.
 */
@FunctionalInterface
public interface StreamListener {

    void onRecord(StreamRecord record);
}
