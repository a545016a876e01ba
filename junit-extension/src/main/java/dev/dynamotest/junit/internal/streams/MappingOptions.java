package dev.dynamotest.junit.internal.streams;

import dev.dynamotest.junit.EventSourceMapping.StartingPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The checked options of one event source mapping; each {@code with} returns a copy with one option changed. */
record MappingOptions(String region, String tableName, int batchSize, int batchingWindowSeconds,
        StartingPosition startingPosition, Instant startingTimestamp, int maximumRetryAttempts,
        int maximumRecordAgeSeconds, boolean bisect, List<FilterPattern> filters, String destination,
        String functionName) {

    static MappingOptions defaults(String region, String tableName) {
        return new MappingOptions(region, tableName, 100, 0, StartingPosition.TRIM_HORIZON, null, -1, -1, false,
                List.of(), null, null);
    }

    MappingOptions withBatchSize(int value) {
        return new MappingOptions(region, tableName, value, batchingWindowSeconds, startingPosition,
                startingTimestamp, maximumRetryAttempts, maximumRecordAgeSeconds, bisect, filters, destination,
                functionName);
    }

    MappingOptions withBatchingWindowSeconds(int value) {
        return new MappingOptions(region, tableName, batchSize, value, startingPosition, startingTimestamp,
                maximumRetryAttempts, maximumRecordAgeSeconds, bisect, filters, destination, functionName);
    }

    MappingOptions withStartingPosition(StartingPosition position, Instant timestamp) {
        return new MappingOptions(region, tableName, batchSize, batchingWindowSeconds, position, timestamp,
                maximumRetryAttempts, maximumRecordAgeSeconds, bisect, filters, destination, functionName);
    }

    MappingOptions withMaximumRetryAttempts(int value) {
        return new MappingOptions(region, tableName, batchSize, batchingWindowSeconds, startingPosition,
                startingTimestamp, value, maximumRecordAgeSeconds, bisect, filters, destination, functionName);
    }

    MappingOptions withMaximumRecordAgeSeconds(int value) {
        return new MappingOptions(region, tableName, batchSize, batchingWindowSeconds, startingPosition,
                startingTimestamp, maximumRetryAttempts, value, bisect, filters, destination, functionName);
    }

    MappingOptions withBisect(boolean value) {
        return new MappingOptions(region, tableName, batchSize, batchingWindowSeconds, startingPosition,
                startingTimestamp, maximumRetryAttempts, maximumRecordAgeSeconds, value, filters, destination,
                functionName);
    }

    MappingOptions withFilter(FilterPattern filter) {
        List<FilterPattern> more = new ArrayList<>(filters);
        more.add(filter);
        return new MappingOptions(region, tableName, batchSize, batchingWindowSeconds, startingPosition,
                startingTimestamp, maximumRetryAttempts, maximumRecordAgeSeconds, bisect, List.copyOf(more),
                destination, functionName);
    }

    MappingOptions withDestination(String value) {
        return new MappingOptions(region, tableName, batchSize, batchingWindowSeconds, startingPosition,
                startingTimestamp, maximumRetryAttempts, maximumRecordAgeSeconds, bisect, filters, value,
                functionName);
    }

    MappingOptions withFunctionName(String value) {
        return new MappingOptions(region, tableName, batchSize, batchingWindowSeconds, startingPosition,
                startingTimestamp, maximumRetryAttempts, maximumRecordAgeSeconds, bisect, filters, destination,
                value);
    }
}
