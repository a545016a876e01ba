package dev.dynamotest.junit.internal.streams;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.junit.EventSourceMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Calls a test's handler with one batch and reads how it ended, as Lambda reads a function's result. */
@FunctionalInterface
interface Invoker {

    /** How one invocation ended: an error, or the sequence numbers reported as failed (none: success). */
    record Outcome(Throwable error, List<String> batchItemFailures) {

        static final Outcome SUCCESS = new Outcome(null, List.of());

        boolean succeeded() {
            return error == null && batchItemFailures.isEmpty();
        }
    }

    Outcome invoke(List<StreamRecord> batch);

    static Invoker of(EventSourceMapping.EventHandler handler) {
        return batch -> guarded(() -> {
            handler.handle(LambdaEvents.event(batch));
            return Outcome.SUCCESS;
        });
    }

    static Invoker of(EventSourceMapping.RecordHandler handler) {
        return batch -> guarded(() -> {
            handler.handle(List.copyOf(batch));
            return Outcome.SUCCESS;
        });
    }

    static Invoker of(EventSourceMapping.PartialBatchHandler handler) {
        return batch -> guarded(() -> partial(handler.handle(LambdaEvents.event(batch)), batch));
    }

    /**
     * Lambda's reading of a partial batch response: none, or no failures, is success; an item identifier that
     * is null, empty or not a sequence number of the batch fails the whole batch.
     */
    private static Outcome partial(StreamsEventResponse response, List<StreamRecord> batch) {
        if (response == null || response.getBatchItemFailures() == null
                || response.getBatchItemFailures().isEmpty()) {
            return Outcome.SUCCESS;
        }
        Set<String> sequenceNumbers = batch.stream().map(StreamRecord::sequenceNumber).collect(Collectors.toSet());
        List<String> failed = new ArrayList<>();
        for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || id.isEmpty() || !sequenceNumbers.contains(id)) {
                return new Outcome(new IllegalStateException("the partial batch response names item identifier "
                        + (id == null ? "null" : "\"" + id + "\"") + ", which is not a sequence number of the "
                        + "batch, so Lambda counts the whole batch as failed"), List.of());
            }
            failed.add(id);
        }
        return new Outcome(null, failed.stream().filter(Objects::nonNull).distinct().toList());
    }

    private static Outcome guarded(ThrowingCall call) {
        try {
            return call.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return new Outcome(e, List.of());
        }
    }

    /** The handler call, which may throw anything. */
    interface ThrowingCall {
        Outcome run() throws Exception;
    }
}
