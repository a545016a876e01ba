package dev.dynamotest.junit.internal.streams;

import dev.dynamotest.junit.EventSourceMapping;
import dev.dynamotest.junit.StreamHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The {@link EventSourceMapping} a test builds: each option checked as Lambda checks it, then registered. */
final class MappingBuilder implements EventSourceMapping {

    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern DESTINATION = Pattern.compile("arn:aws[a-z-]*:(sqs|sns):[a-z0-9-]+:\\d{12}:.+");

    private final HandlerRegistry registry;
    private final MappingOptions options;

    MappingBuilder(HandlerRegistry registry, MappingOptions options) {
        this.registry = registry;
        this.options = options;
    }

    @Override
    public EventSourceMapping batchSize(int batchSize) {
        range("batchSize", batchSize, 1, 10_000);
        return with(new MappingOptions(o().region(), o().tableName(), batchSize, o().batchingWindowSeconds(),
                o().startingPosition(), o().startingTimestamp(), o().maximumRetryAttempts(),
                o().maximumRecordAgeSeconds(), o().bisect(), o().filters(), o().destination(), o().functionName()));
    }

    @Override
    public EventSourceMapping maximumBatchingWindowInSeconds(int seconds) {
        range("maximumBatchingWindowInSeconds", seconds, 0, 300);
        return with(new MappingOptions(o().region(), o().tableName(), o().batchSize(), seconds,
                o().startingPosition(), o().startingTimestamp(), o().maximumRetryAttempts(),
                o().maximumRecordAgeSeconds(), o().bisect(), o().filters(), o().destination(), o().functionName()));
    }

    @Override
    public EventSourceMapping startingPosition(StartingPosition position) {
        Objects.requireNonNull(position, "position");
        return with(new MappingOptions(o().region(), o().tableName(), o().batchSize(), o().batchingWindowSeconds(),
                position, position == StartingPosition.AT_TIMESTAMP ? o().startingTimestamp() : null,
                o().maximumRetryAttempts(), o().maximumRecordAgeSeconds(), o().bisect(), o().filters(),
                o().destination(), o().functionName()));
    }

    @Override
    public EventSourceMapping startingPositionTimestamp(Instant timestamp) {
        Objects.requireNonNull(timestamp, "timestamp");
        return with(new MappingOptions(o().region(), o().tableName(), o().batchSize(), o().batchingWindowSeconds(),
                StartingPosition.AT_TIMESTAMP, timestamp, o().maximumRetryAttempts(), o().maximumRecordAgeSeconds(),
                o().bisect(), o().filters(), o().destination(), o().functionName()));
    }

    @Override
    public EventSourceMapping maximumRetryAttempts(int attempts) {
        range("maximumRetryAttempts", attempts, -1, 10_000);
        return with(new MappingOptions(o().region(), o().tableName(), o().batchSize(), o().batchingWindowSeconds(),
                o().startingPosition(), o().startingTimestamp(), attempts, o().maximumRecordAgeSeconds(),
                o().bisect(), o().filters(), o().destination(), o().functionName()));
    }

    @Override
    public EventSourceMapping maximumRecordAgeInSeconds(int seconds) {
        range("maximumRecordAgeInSeconds", seconds, -1, 604_800);
        if (seconds != -1 && seconds < 60) {
            throw new IllegalArgumentException(
                    "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)");
        }
        return with(new MappingOptions(o().region(), o().tableName(), o().batchSize(), o().batchingWindowSeconds(),
                o().startingPosition(), o().startingTimestamp(), o().maximumRetryAttempts(), seconds, o().bisect(),
                o().filters(), o().destination(), o().functionName()));
    }

    @Override
    public EventSourceMapping bisectBatchOnFunctionError(boolean bisect) {
        return with(new MappingOptions(o().region(), o().tableName(), o().batchSize(), o().batchingWindowSeconds(),
                o().startingPosition(), o().startingTimestamp(), o().maximumRetryAttempts(),
                o().maximumRecordAgeSeconds(), bisect, o().filters(), o().destination(), o().functionName()));
    }

    @Override
    public EventSourceMapping filter(String pattern) {
        List<FilterPattern> filters = new ArrayList<>(o().filters());
        filters.add(FilterPattern.parse(pattern));
        return with(new MappingOptions(o().region(), o().tableName(), o().batchSize(), o().batchingWindowSeconds(),
                o().startingPosition(), o().startingTimestamp(), o().maximumRetryAttempts(),
                o().maximumRecordAgeSeconds(), o().bisect(), List.copyOf(filters), o().destination(),
                o().functionName()));
    }

    @Override
    public EventSourceMapping onFailureDestination(String arn) {
        if (arn == null || !DESTINATION.matcher(arn).matches()) {
            throw new IllegalArgumentException("The provided destination config DestinationConfig.OnFailure."
                    + "Destination is invalid: " + arn + "; a DynamoDB stream event source sends discarded "
                    + "records to an Amazon SQS queue or Amazon SNS topic ARN");
        }
        return with(new MappingOptions(o().region(), o().tableName(), o().batchSize(), o().batchingWindowSeconds(),
                o().startingPosition(), o().startingTimestamp(), o().maximumRetryAttempts(),
                o().maximumRecordAgeSeconds(), o().bisect(), o().filters(), arn, o().functionName()));
    }

    @Override
    public EventSourceMapping functionName(String name) {
        if (name == null || !FUNCTION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("1 validation error detected: Value '" + name + "' at 'functionName' "
                    + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + FUNCTION_NAME.pattern());
        }
        return with(new MappingOptions(o().region(), o().tableName(), o().batchSize(), o().batchingWindowSeconds(),
                o().startingPosition(), o().startingTimestamp(), o().maximumRetryAttempts(),
                o().maximumRecordAgeSeconds(), o().bisect(), o().filters(), o().destination(), name));
    }

    @Override
    public StreamHandler handler(EventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return register(Invoker.of(handler));
    }

    @Override
    public StreamHandler partialBatchHandler(PartialBatchHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return register(Invoker.of(handler));
    }

    @Override
    public StreamHandler recordHandler(RecordHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return register(Invoker.of(handler));
    }

    private StreamHandler register(Invoker invoker) {
        if (o().startingPosition() == StartingPosition.AT_TIMESTAMP && o().startingTimestamp() == null) {
            throw new IllegalArgumentException(
                    "StartingPositionTimestamp must be provided when StartingPosition is AT_TIMESTAMP");
        }
        return registry.register(options, invoker);
    }

    private MappingOptions o() {
        return options;
    }

    private MappingBuilder with(MappingOptions changed) {
        return new MappingBuilder(registry, changed);
    }

    /** Lambda's (Coral's) wording for a value outside a parameter's range. */
    private static void range(String parameter, int value, int min, int max) {
        if (value < min) {
            throw new IllegalArgumentException("1 validation error detected: Value '" + value + "' at '" + parameter
                    + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw new IllegalArgumentException("1 validation error detected: Value '" + value + "' at '" + parameter
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
    }
}
