package dev.dynamotest.junit.internal.streams;

import dev.dynamotest.junit.EventSourceMapping;
import dev.dynamotest.junit.StreamHandler;
import java.time.Instant;
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
        return with(options.withBatchSize(batchSize));
    }

    @Override
    public EventSourceMapping maximumBatchingWindowInSeconds(int seconds) {
        range("maximumBatchingWindowInSeconds", seconds, 0, 300);
        return with(options.withBatchingWindowSeconds(seconds));
    }

    @Override
    public EventSourceMapping startingPosition(StartingPosition position) {
        Objects.requireNonNull(position, "position");
        return with(options.withStartingPosition(position,
                position == StartingPosition.AT_TIMESTAMP ? options.startingTimestamp() : null));
    }

    @Override
    public EventSourceMapping startingPositionTimestamp(Instant timestamp) {
        Objects.requireNonNull(timestamp, "timestamp");
        return with(options.withStartingPosition(StartingPosition.AT_TIMESTAMP, timestamp));
    }

    @Override
    public EventSourceMapping maximumRetryAttempts(int attempts) {
        range("maximumRetryAttempts", attempts, -1, 10_000);
        return with(options.withMaximumRetryAttempts(attempts));
    }

    @Override
    public EventSourceMapping maximumRecordAgeInSeconds(int seconds) {
        range("maximumRecordAgeInSeconds", seconds, -1, 604_800);
        if (seconds != -1 && seconds < 60) {
            throw new IllegalArgumentException(
                    "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)");
        }
        return with(options.withMaximumRecordAgeSeconds(seconds));
    }

    @Override
    public EventSourceMapping bisectBatchOnFunctionError(boolean bisect) {
        return with(options.withBisect(bisect));
    }

    @Override
    public EventSourceMapping filter(String pattern) {
        return with(options.withFilter(FilterPattern.parse(pattern)));
    }

    @Override
    public EventSourceMapping onFailureDestination(String arn) {
        if (arn == null || !DESTINATION.matcher(arn).matches()) {
            throw new IllegalArgumentException("The provided destination config DestinationConfig.OnFailure."
                    + "Destination is invalid: " + arn + "; a DynamoDB stream event source sends discarded "
                    + "records to an Amazon SQS queue or Amazon SNS topic ARN");
        }
        return with(options.withDestination(arn));
    }

    @Override
    public EventSourceMapping functionName(String name) {
        if (name == null || !FUNCTION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("1 validation error detected: Value '" + name + "' at 'functionName' "
                    + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + FUNCTION_NAME.pattern());
        }
        return with(options.withFunctionName(name));
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
        if (options.startingPosition() == StartingPosition.AT_TIMESTAMP && options.startingTimestamp() == null) {
            throw new IllegalArgumentException(
                    "StartingPositionTimestamp must be provided when StartingPosition is AT_TIMESTAMP");
        }
        return registry.register(options, invoker);
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
