package dev.dynamotest.benchmarks;

import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The state of one benchmark thread: its number, its own seeded random numbers, a call counter, a Scan cursor. */
final class Worker {

    private final int thread;
    private final SplittableRandom random;
    private long calls;
    private Map<String, AttributeValue> scanCursor;

    Worker(int thread) {
        this.thread = thread;
        this.random = new SplittableRandom(0x5eed + thread);
    }

    int thread() {
        return thread;
    }

    /** The number of this worker's call, counting from 0, which keys its writes. */
    long sequence() {
        return calls++;
    }

    int random(int bound) {
        return random.nextInt(bound);
    }

    /** Where this worker's full Scan goes on; null to start from the beginning. */
    Map<String, AttributeValue> scanCursor() {
        return scanCursor;
    }

    void scanCursor(Map<String, AttributeValue> cursor) {
        scanCursor = cursor == null || cursor.isEmpty() ? null : cursor;
    }
}
