package dev.dynamotest.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs one step from several threads until either {@code maxOps} calls were made or {@code maxTime} has passed,
 * whichever comes first, and measures every call.
 */
record Phase(String operation, Step step, int threads, long maxOps, Duration maxTime) {

    Measurement run(String endpoint, DynamoDbClient client) {
        Tally tally = new Tally();
        runInto(endpoint, client, tally);
        return tally.measurement(endpoint, operation, threads);
    }

    /** Runs the phase like {@link #run}, and tells of its first error on standard error. */
    Measurement runAndReport(String endpoint, DynamoDbClient client) {
        Tally tally = new Tally();
        runInto(endpoint, client, tally);
        tally.reportFirstError(endpoint + " " + operation + " x" + threads);
        return tally.measurement(endpoint, operation, threads);
    }

    /** Runs the phase and adds its calls, errors and duration to {@code tally}. */
    void runInto(String endpoint, DynamoDbClient client, Tally tally) {
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        List<Latencies> perThread = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            Latencies latencies = new Latencies((int) Math.min(maxOps / threads + 1, 1 << 20));
            perThread.add(latencies);
            Worker worker = new Worker(t);
            workers.add(new Thread(() -> {
                await(go);
                long deadline = window[0] + maxTime.toNanos();
                while (issued.getAndIncrement() < maxOps && System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        step.run(client, worker);
                        latencies.add(System.nanoTime() - start);
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                    }
                }
            }, "bench-" + operation + "-" + t));
        }
        workers.forEach(Thread::start);
        window[0] = System.nanoTime();
        go.countDown();
        workers.forEach(Phase::join);
        window[1] = System.nanoTime();
        Latencies all = new Latencies(0);
        perThread.forEach(all::addAll);
        tally.add(all, errors.get(), window[1] - window[0], firstError.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
        }
    }
}
