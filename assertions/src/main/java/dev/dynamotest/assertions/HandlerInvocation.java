package dev.dynamotest.assertions;

import dev.dynamotest.core.model.StreamRecord;
import java.util.List;

/**
 * One invocation of a stream handler: the batch it was given and how it ended.
 *
 * @param records           the batch, in stream order
 * @param attempt           1 for the first invocation with this batch, 2 for its first retry, ...
 * @param error             what the handler threw (or why its response counts as a failure), or {@code null}
 * @param batchItemFailures the sequence numbers the handler reported as failed in a partial batch response
 */
public record HandlerInvocation(List<StreamRecord> records, int attempt, Throwable error,
        List<String> batchItemFailures) {

    public HandlerInvocation {
        records = List.copyOf(records);
        batchItemFailures = List.copyOf(batchItemFailures);
    }

    /** Whether the whole batch was processed: nothing thrown and no item reported as failed. */
    public boolean succeeded() {
        return error == null && batchItemFailures.isEmpty();
    }

    /**
     * The records the invocation processed: the whole batch when it succeeded, the records before the first
     * reported failure in a partial batch response, none when it failed.
     */
    public List<StreamRecord> processed() {
        if (error != null) {
            return List.of();
        }
        for (int i = 0; i < records.size(); i++) {
            if (batchItemFailures.contains(records.get(i).sequenceNumber())) {
                return records.subList(0, i);
            }
        }
        return records;
    }
}
