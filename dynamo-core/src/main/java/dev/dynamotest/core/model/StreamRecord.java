package dev.dynamotest.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * One record of a DynamoDB stream, as GetRecords returns it and as stream handlers receive it: a committed
 * item change, cut to the stream's view type.
 *
 * @param streamArn              the stream (a Lambda event's {@code eventSourceARN})
 * @param shardId                the shard the record is in
 * @param eventId                unique per record
 * @param eventName              {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param sequenceNumber         DynamoDB's decimal sequence number, increasing within the stream
 * @param viewType               the stream's view type ({@code KEYS_ONLY}, {@code NEW_IMAGE}, ...)
 * @param keys                   the item's key attributes
 * @param oldImage               the item before the change, when the view type includes it and there was one
 * @param newImage               the item after the change, when the view type includes it and there is one
 * @param approximateCreation    the change's time, rounded down to the second
 * @param sizeBytes              the size of the keys and images in the record
 * @param origin                 who made the change: {@code "user"}, {@code "ttl"}, ...
 */
public record StreamRecord(String streamArn, String shardId, String eventId, String eventName, String region,
        String tableName, String sequenceNumber, String viewType, Map<String, AttributeValue> keys,
        Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage, Instant approximateCreation,
        long sizeBytes, String origin) {

    /** Whether the change was a deletion by Time to Live, which DynamoDB marks with a service user identity. */
    public boolean byTimeToLive() {
        return "ttl".equals(origin);
    }
}
