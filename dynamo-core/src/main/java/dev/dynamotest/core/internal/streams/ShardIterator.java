package dev.dynamotest.core.internal.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A position in a shard, as the opaque iterator string GetShardIterator and GetRecords hand out: the stream,
 * the shard, the change-log sequence read up to, and when the iterator was issued.
 */
public record ShardIterator(String streamArn, int shard, long after, Instant issued) {

    private static final String SEPARATOR = "|1|";

    public String encode() {
        String position = shard + ":" + after + ":" + ChronoUnit.MICROS.between(Instant.EPOCH, issued);
        return streamArn + SEPARATOR + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The iterator an encoded string stands for; a ValidationException when it is not one of ours. */
    public static ShardIterator decode(String text) {
        int at = text.lastIndexOf(SEPARATOR);
        if (at <= 0) {
            throw StreamErrors.invalidIterator();
        }
        try {
            String position = new String(Base64.getUrlDecoder().decode(text.substring(at + SEPARATOR.length())),
                    StandardCharsets.UTF_8);
            String[] parts = position.split(":");
            if (parts.length != 3) {
                throw StreamErrors.invalidIterator();
            }
            return new ShardIterator(text.substring(0, at), Integer.parseInt(parts[0]), Long.parseLong(parts[1]),
                    Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS));
        } catch (IllegalArgumentException e) {
            throw StreamErrors.invalidIterator();
        }
    }

    public ShardIterator advancedTo(long sequence, Instant now) {
        return new ShardIterator(streamArn, shard, Math.max(after, sequence), now);
    }
}
