package dev.dynamotest.benchmarks;

import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The server's CPU time per call of each workload operation, one thread, read from {@code /proc/PID/stat} before
 * and after a run of calls. Unlike ops/s it barely moves when other processes load the machine, so it compares
 * two builds of the engine on a shared machine:
 *
 * <pre>
 * java -cp benchmarks/target/dynamotest-benchmarks.jar dev.dynamotest.benchmarks.CpuCost \
 *     --endpoint http://127.0.0.1:8000 --pid PID --calls 1000
 * </pre>
 *
 * It loads the workload's data, runs every operation {@code calls} times to warm up, then {@code calls} times
 * measured, and prints CSV lines: operation, CPU ms per call, wall ms per call. With {@code --capacity-units N} the
 * tables are provisioned with N read and N write units instead of on demand ({@link CapacityCost} compares the
 * capacity modes).
 */
public final class CpuCost {

    private CpuCost() {
    }

    public static void main(String[] arguments) {
        Args args = Args.parse(arguments);
        URI endpoint = URI.create(args.required("endpoint"));
        LoopbackClient.requireLoopback(endpoint);
        long pid = args.number("pid", -1);
        int calls = (int) args.number("calls", 1000);
        long capacityUnits = args.number("capacity-units", 0);
        if (pid <= 0) {
            throw new IllegalArgumentException("--pid is required: the endpoint's process id");
        }
        try (DynamoDbClient client = LoopbackClient.create(endpoint, 4)) {
            Dataset.prepare(client, 1, capacityUnits);
            Worker worker = new Worker(0);
            for (Operation operation : Operation.values()) {
                run(operation, client, worker, calls);
            }
            System.out.println("operation,server CPU ms per call,wall ms per call");
            for (Operation operation : Operation.values()) {
                long ticks = ProcessCpu.ticks(pid);
                long start = System.nanoTime();
                run(operation, client, worker, calls);
                double wall = (System.nanoTime() - start) / 1e6 / calls;
                double cpu = (ProcessCpu.ticks(pid) - ticks) * 1000.0 / ProcessCpu.TICKS_PER_SECOND / calls;
                System.out.printf("%s,%.3f,%.3f%n", operation.wireName(), cpu, wall);
            }
        }
    }

    private static void run(Operation operation, DynamoDbClient client, Worker worker, int calls) {
        for (int i = 0; i < calls; i++) {
            operation.step().run(client, worker);
        }
    }
}
