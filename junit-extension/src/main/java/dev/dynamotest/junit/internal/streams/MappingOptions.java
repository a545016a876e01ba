package dev.dynamotest.junit.internal.streams;

import dev.dynamotest.junit.EventSourceMapping.StartingPosition;
import java.time.Instant;
import java.util.List;

/** The checked options of one event source mapping. */
record MappingOptions(String region, String tableName, int batchSize, int batchingWindowSeconds,
        StartingPosition startingPosition, Instant startingTimestamp, int maximumRetryAttempts,
        int maximumRecordAgeSeconds, boolean bisect, List<FilterPattern> filters, String destination,
        String functionName) {

    static MappingOptions defaults(String region, String tableName) {
        return new MappingOptions(region, tableName, 100, 0, StartingPosition.TRIM_HORIZON, null, -1, -1, false,
                List.of(), null, null);
    }
}
