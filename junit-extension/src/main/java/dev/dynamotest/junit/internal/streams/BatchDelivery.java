package dev.dynamotest.junit.internal.streams;

import dev.dynamotest.assertions.HandlerInvocation;
import dev.dynamotest.assertions.OnFailureRecord;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.model.StreamRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Delivers one batch of a shard as Lambda's event source mapping does: invokes the handler, retries a failed
 * batch (from the first reported failure of a partial batch response), splits it in two on a function error when
 * asked, discards records past the maximum record age or after the last retry, and sends an invocation record for
 * what it discards to the on-failure destination.
 */
final class BatchDelivery {

    /** DynamoDB keeps stream records for 24 hours, so a record is never retried longer than that. */
    private static final Duration RETENTION = Duration.ofHours(24);

    private final MappingOptions options;
    private final Invoker invoker;
    private final Clock clock;
    private final String functionArn;
    private final Consumer<HandlerInvocation> invocations;
    private final Consumer<OnFailureRecord> onFailure;
    private final BooleanSupplier running;
    private final Pause pause;

    /** Waits between retries, returning early when the handler is stopped. */
    interface Pause {
        void pause(int attempt);
    }

    BatchDelivery(MappingOptions options, Invoker invoker, Clock clock, String functionArn,
            Consumer<HandlerInvocation> invocations, Consumer<OnFailureRecord> onFailure, BooleanSupplier running,
            Pause pause) {
        this.options = options;
        this.invoker = invoker;
        this.clock = clock;
        this.functionArn = functionArn;
        this.invocations = invocations;
        this.onFailure = onFailure;
        this.running = running;
        this.pause = pause;
    }

    /** Delivers the batch until each record is processed or discarded; false if the handler was stopped first. */
    boolean deliver(List<StreamRecord> batch) {
        Deque<List<StreamRecord>> work = new ArrayDeque<>();
        work.push(batch);
        int attempts = 0;
        while (!work.isEmpty()) {
            if (!running.getAsBoolean()) {
                return false;
            }
            List<StreamRecord> current = work.pop();
            int fresh = firstFresh(current);
            if (fresh > 0) {
                discard("RecordAgeExceeded", current.subList(0, fresh), attempts);
                current = current.subList(fresh, current.size());
            }
            if (current.isEmpty()) {
                attempts = 0;
                continue;
            }
            attempts++;
            Invoker.Outcome outcome = invoker.invoke(current);
            invocations.accept(new HandlerInvocation(current, attempts, outcome.error(), outcome.batchItemFailures()));
            if (outcome.succeeded()) {
                attempts = 0;
                continue;
            }
            if (outcome.error() == null) {
                current = current.subList(firstFailed(current, outcome.batchItemFailures()), current.size());
            } else if (options.bisect() && current.size() > 1) {
                int half = current.size() / 2;
                work.push(current.subList(half, current.size()));
                work.push(current.subList(0, half));
                attempts = 0;
                continue;
            }
            if (options.maximumRetryAttempts() >= 0 && attempts > options.maximumRetryAttempts()) {
                discard("RetryAttemptsExhausted", current, attempts);
                attempts = 0;
                continue;
            }
            work.push(current);
            pause.pause(attempts);
        }
        return true;
    }

    /** The index of the first record young enough to deliver. */
    private int firstFresh(List<StreamRecord> records) {
        Duration maximumAge = options.maximumRecordAgeSeconds() < 0 ? RETENTION
                : Duration.ofSeconds(options.maximumRecordAgeSeconds());
        Instant now = clock.now();
        int i = 0;
        while (i < records.size() && Duration.between(records.get(i).approximateCreation(), now)
                .compareTo(maximumAge) > 0) {
            i++;
        }
        return i;
    }

    private static int firstFailed(List<StreamRecord> records, List<String> failed) {
        for (int i = 0; i < records.size(); i++) {
            if (failed.contains(records.get(i).sequenceNumber())) {
                return i;
            }
        }
        return 0;
    }

    private void discard(String condition, List<StreamRecord> records, int attempts) {
        if (options.destination() == null) {
            return;
        }
        StreamRecord first = records.get(0);
        StreamRecord last = records.get(records.size() - 1);
        onFailure.accept(new OnFailureRecord(options.destination(), UUID.randomUUID().toString(), functionArn,
                condition, attempts, attempts > 0 ? "Unhandled" : null, clock.now(), first.shardId(),
                first.sequenceNumber(), last.sequenceNumber(), first.approximateCreation(),
                last.approximateCreation(), records.size(), first.streamArn()));
    }
}
