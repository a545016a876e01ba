package dev.dynamotest.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * One committed item change, as the one write path records it: the base for streams, point-in-time
 * recovery, replication and change assertions.
 *
 * @param sequence    the engine-wide, strictly increasing sequence number
 * @param region      the region of the table
 * @param tableName   the table
 * @param eventName   {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param keys        the item's key attributes
 * @param oldImage    the item before the change, or {@code null} for an insert
 * @param newImage    the item after the change, or {@code null} for a removal
 * @param time        the engine clock's time of the change
 * @param origin      who made it: {@code "user"}, {@code "ttl"}, {@code "replication"}, {@code "restore"}
 */
public record ChangeRecord(long sequence, String region, String tableName, String eventName,
        Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
        Map<String, AttributeValue> newImage, Instant time, String origin) {
}
