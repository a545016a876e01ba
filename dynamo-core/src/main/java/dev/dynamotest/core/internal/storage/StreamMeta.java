package dev.dynamotest.core.internal.storage;

import java.time.Instant;

/**
 * What the engine keeps of one DynamoDB stream: its identity, the table it follows, its view type, when it
 * was enabled and, once disabled, when; the change records between those two points belong to it.
 *
 * @param arn              the stream ARN ({@code <table arn>/stream/<label>})
 * @param tableId          the catalog id of the table, as the change records carry it
 * @param keySchema        the table's KeySchema as JSON
 * @param created          when the stream was enabled
 * @param afterSequence    the change-log sequence number at enabling: the stream's records come after it
 * @param disabledAt       when the stream was disabled, or {@code null} while it is enabled
 * @param lastSequence     the change-log sequence number at disabling ({@link Long#MAX_VALUE} while enabled)
 */
public record StreamMeta(String arn, String region, String tableName, long tableId, String viewType, String label,
        String keySchema, Instant created, long afterSequence, Instant disabledAt, long lastSequence) {

    /** Whether the stream still receives records. */
    public boolean enabled() {
        return disabledAt == null;
    }

    /** This stream, disabled at the given time and change-log sequence number. */
    public StreamMeta disable(Instant at, long sequence) {
        return new StreamMeta(arn, region, tableName, tableId, viewType, label, keySchema, created, afterSequence, at,
                sequence);
    }
}
