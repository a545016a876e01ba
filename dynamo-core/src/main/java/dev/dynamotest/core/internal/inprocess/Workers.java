package dev.dynamotest.core.internal.inprocess;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that serve in-process requests away from the caller's thread, as the HTTP endpoint's threads serve
 * requests over HTTP: deep stacks (DynamoDB's limits must stop deep requests, not the stack), daemon, made as needed
 * and let go after a while idle.
 */
public final class Workers implements Executor {

    /** As many requests at once as the HTTP endpoint has threads. */
    static final int MAX_THREADS = 200;
    private static final long STACK_BYTES = 8L * 1024 * 1024;

    private final ThreadPoolExecutor pool;

    public Workers() {
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(null, task, "dynamotest-in-process-" + count.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs the task on a worker.
     *
     * @throws RejectedExecutionException when {@value #MAX_THREADS} requests are being served already, or the engine
     *     has closed
     */
    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** Stops the idle threads and refuses new work; the engine calls this when it closes. */
    public void shutdown() {
        pool.shutdown();
    }
}
