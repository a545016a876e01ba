package dev.dynamotest.core;

import dev.dynamotest.core.model.ChangeRecord;

/**
 * Told of every item change once it is committed, in commit order: stream delivery, replication and
 * change assertions listen here.
 */
@FunctionalInterface
public interface ChangeListener {

    void onChange(ChangeRecord change);
}
