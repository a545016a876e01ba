package dev.dynamotest.junit.internal.streams;

import dev.dynamotest.assertions.HandlerInvocation;
import dev.dynamotest.assertions.OnFailureRecord;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.streams.TableStreams;
import dev.dynamotest.core.model.StreamBatch;
import dev.dynamotest.core.model.StreamRecord;
import dev.dynamotest.core.model.StreamShard;
import dev.dynamotest.core.model.TableStream;
import dev.dynamotest.junit.EventSourceMapping.StartingPosition;
import dev.dynamotest.junit.StreamHandler;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One registered handler and the thread that feeds it: it polls its table's stream shard after shard (a parent
 * before its child), gathers a batch after its checkpoint, hands it to {@link BatchDelivery}, and moves the
 * checkpoint past it. One batch is in flight at a time. When the table's stream is replaced (the per-test reset
 * does that), it reads the old one to its end and goes on with the new one from its start.
 */
final class ShardPoller implements StreamHandler, Runnable {

    private enum Poll { WORKED, PENDING, IDLE }

    private static final int MAX_READ = 1000;
    private static final long IDLE_WAIT_MS = 100;
    private static final long PENDING_WAIT_MS = 10;

    private final MappingOptions options;
    private final TableStreams streams;
    private final Clock clock;
    private final String description;
    private final BatchDelivery delivery;
    private final Consumer<ShardPoller> onRemove;
    private final List<HandlerInvocation> invocations = new CopyOnWriteArrayList<>();
    private final List<OnFailureRecord> onFailure = new CopyOnWriteArrayList<>();
    private final AtomicLong seen = new AtomicLong();
    private final AtomicInteger flushing = new AtomicInteger();
    private final Object signal = new Object();
    private final Thread thread;
    private volatile String streamArn;
    private volatile long idleAt = -1;
    private volatile boolean running = true;
    private volatile RuntimeException pollFailure;
    private long checkpoint;
    private Instant windowStart;

    ShardPoller(MappingOptions options, String functionName, String functionArn, TableStreams streams, Clock clock,
            String streamArn, long checkpoint, Invoker invoker, Consumer<ShardPoller> onRemove) {
        this.options = options;
        this.streams = streams;
        this.clock = clock;
        this.streamArn = streamArn;
        this.checkpoint = checkpoint;
        this.onRemove = onRemove;
        this.description = "Stream handler " + functionName + " on table " + options.tableName() + " ("
                + options.region() + ")";
        this.delivery = new BatchDelivery(options, invoker, clock, functionArn, invocations::add, onFailure::add,
                () -> running, attempt -> await(Math.min(50, 2L * attempt)));
        this.thread = new Thread(this, "dynamotest-" + functionName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Told of each new stream record of the engine. */
    void onRecord(StreamRecord record) {
        if (record.region().equals(options.region()) && record.tableName().equals(options.tableName())) {
            seen.incrementAndGet();
            wake();
        }
    }

    /** Whether every record seen so far is handled and nothing is in flight. */
    boolean quiet() {
        return !running || idleAt == seen.get();
    }

    /** While flushing, batching windows are cut short. */
    void flush(boolean on) {
        if (on) {
            flushing.incrementAndGet();
            wake();
        } else {
            flushing.decrementAndGet();
        }
    }

    /** What the handler is doing, for a failed wait. */
    String status() {
        if (pollFailure != null) {
            return "it cannot read the stream: " + pollFailure;
        }
        List<HandlerInvocation> all = List.copyOf(invocations);
        HandlerInvocation last = all.isEmpty() ? null : all.get(all.size() - 1);
        if (last != null && !last.succeeded()) {
            return "it is retrying a batch of " + last.records().size() + " record(s), attempt " + last.attempt()
                    + " failed" + (last.error() != null ? " with " + last.error()
                            : " on items " + last.batchItemFailures());
        }
        return "records are waiting for it";
    }

    /** The handler's last failure, if its last invocation failed. */
    Throwable lastError() {
        List<HandlerInvocation> all = List.copyOf(invocations);
        return all.isEmpty() ? pollFailure : all.get(all.size() - 1).error();
    }

    /** Stops the thread and waits a moment for a batch in flight, unless called from the handler itself. */
    void stop() {
        running = false;
        wake();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void remove() {
        stop();
        onRemove.accept(this);
    }

    @Override
    public String streamArn() {
        return streamArn;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<HandlerInvocation> invocations() {
        return List.copyOf(invocations);
    }

    @Override
    public List<OnFailureRecord> onFailureRecords() {
        return List.copyOf(onFailure);
    }

    @Override
    public void run() {
        while (running) {
            long seenBefore = seen.get();
            Poll poll;
            try {
                poll = poll();
                pollFailure = null;
            } catch (RuntimeException e) {
                pollFailure = e;
                poll = Poll.PENDING;
            }
            if (poll == Poll.IDLE) {
                idleAt = seenBefore;
                await(IDLE_WAIT_MS);
            } else if (poll == Poll.PENDING) {
                await(PENDING_WAIT_MS);
            }
        }
    }

    private Poll poll() {
        String arn = streamArn;
        Optional<TableStream> stream = streams.describe(arn);
        for (StreamShard shard : stream.map(TableStream::shards).orElse(List.of())) {
            Poll poll = pollShard(arn, shard);
            if (poll != Poll.IDLE) {
                return poll;
            }
        }
        Optional<TableStream> latest = streams.latest(options.region(), options.tableName());
        if (latest.isPresent() && !latest.get().streamArn().equals(arn)
                && latest.get().created().isAfter(stream.map(TableStream::created).orElse(Instant.MIN))) {
            streamArn = latest.get().streamArn();
            checkpoint = -1;
            return Poll.WORKED;
        }
        return Poll.IDLE;
    }

    private Poll pollShard(String arn, StreamShard shard) {
        List<StreamRecord> batch = new ArrayList<>();
        long lastRead = checkpoint;
        boolean skipped = false;
        while (batch.size() < options.batchSize()) {
            StreamBatch read = read(arn, shard.shardId(), lastRead, Math.min(MAX_READ, options.batchSize() - batch.size()));
            if (read.records().isEmpty()) {
                break;
            }
            for (StreamRecord record : read.records()) {
                lastRead = Long.parseLong(record.sequenceNumber());
                if (accepts(record)) {
                    batch.add(record);
                } else {
                    skipped = true;
                }
            }
        }
        if (batch.isEmpty()) {
            if (skipped) {
                checkpoint = lastRead;
                return Poll.WORKED;
            }
            return Poll.IDLE;
        }
        if (options.batchingWindowSeconds() > 0 && batch.size() < options.batchSize() && flushing.get() == 0) {
            Instant now = clock.now();
            if (windowStart == null) {
                windowStart = now;
            }
            if (now.isBefore(windowStart.plusSeconds(options.batchingWindowSeconds()))) {
                return Poll.PENDING;
            }
        }
        windowStart = null;
        if (delivery.deliver(batch)) {
            checkpoint = lastRead;
        }
        return Poll.WORKED;
    }

    private boolean accepts(StreamRecord record) {
        if (options.startingPosition() == StartingPosition.AT_TIMESTAMP
                && record.approximateCreation().isBefore(options.startingTimestamp().truncatedTo(ChronoUnit.SECONDS))) {
            return false;
        }
        if (options.filters().isEmpty()) {
            return true;
        }
        var json = LambdaEvents.json(record);
        return options.filters().stream().anyMatch(f -> f.matches(json));
    }

    private StreamBatch read(String arn, String shardId, long after, int limit) {
        try {
            return streams.read(arn, shardId, after < 0 ? null : sequenceNumber(after), limit);
        } catch (DynamoException e) {
            if (!"TrimmedDataAccessException".equals(e.type())) {
                throw e;
            }
            return streams.read(arn, shardId, null, limit);
        }
    }

    private static String sequenceNumber(long sequence) {
        String digits = Long.toString(sequence);
        return "0".repeat(Math.max(0, 21 - digits.length())) + digits;
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void await(long millis) {
        synchronized (signal) {
            if (!running) {
                return;
            }
            try {
                signal.wait(millis);
            } catch (InterruptedException e) {
                running = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
