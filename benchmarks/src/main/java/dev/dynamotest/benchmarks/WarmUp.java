package dev.dynamotest.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Warms an endpoint up until its throughput is steady, so that the measured phases see compiled code, not a JVM
 * still compiling. One round runs every operation measured once at each thread count; later rounds run them at
 * the largest thread count, until no operation's ops/s moved by more than {@code tolerance} from one round to the
 * next, or {@code maxRounds} rounds have run. A Java server takes a minute or more of mixed calls before its JIT
 * compilers are done; Node takes less.
 */
final class WarmUp {

    private final List<Operation> operations;
    private final List<Long> threadCounts;
    private final long maxOps;
    private final Duration perPhase;
    private final int maxRounds;
    private final double tolerance;

    WarmUp(List<Operation> operations, List<Long> threadCounts, long maxOps, Duration perPhase, int maxRounds,
            double tolerance) {
        this.operations = operations;
        this.threadCounts = threadCounts;
        this.maxOps = maxOps;
        this.perPhase = perPhase;
        this.maxRounds = maxRounds;
        this.tolerance = tolerance;
    }

    /** Warms {@code client}'s endpoint up and returns how many rounds it took. */
    int run(String name, DynamoDbClient client) {
        for (Operation op : operations) {
            for (long threads : threadCounts) {
                new Phase(op.wireName(), op.step(), (int) threads, maxOps, perPhase).run(name, client);
            }
        }
        int busiest = threadCounts.stream().mapToInt(Long::intValue).max().orElse(1);
        Map<String, Double> previous = null;
        for (int round = 1; round <= maxRounds; round++) {
            Map<String, Double> current = new LinkedHashMap<>();
            for (Operation op : operations) {
                Measurement m = new Phase(op.wireName(), op.step(), busiest, maxOps, perPhase).run(name, client);
                current.put(op.wireName(), m.opsPerSecond());
            }
            System.out.printf("warm-up of %s, round %d: %s%n", name, round, current);
            if (previous != null && steady(previous, current, tolerance)) {
                return round;
            }
            previous = current;
        }
        return maxRounds;
    }

    /**
     * Whether every operation's ops/s in {@code current} is within {@code tolerance} (0.1 = 10%) of {@code previous};
     * an operation the endpoint fails every time (0 ops/s in both rounds, as dynalite's TransactWriteItems) counts
     * as steady.
     */
    static boolean steady(Map<String, Double> previous, Map<String, Double> current, double tolerance) {
        for (Map.Entry<String, Double> e : current.entrySet()) {
            Double before = previous.get(e.getKey());
            if (before != null && before == 0 && e.getValue() == 0) {
                continue;
            }
            if (before == null || before <= 0 || Math.abs(e.getValue() - before) > tolerance * before) {
                return false;
            }
        }
        return true;
    }
}
