package dev.dynamotest.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the capacity check costs: the server CPU time per call of each workload operation (as {@link CpuCost}
 * reads it) on several endpoints at once, typically the standalone jar started with {@code --capacity observe} and
 * with {@code --capacity enforce}, on tables provisioned so high that nothing is throttled. The endpoints take
 * turns in slices of each operation's calls, the first one alternating, so that a machine that grows busier, and
 * the JIT compilers' progress, weigh on them alike:
 *
 * <pre>
 * java -cp benchmarks/target/dynamotest-benchmarks.jar dev.dynamotest.benchmarks.CapacityCost \
 *     --endpoints observe=http://127.0.0.1:8000,enforce=http://127.0.0.1:8001 --pids observe=PID1,enforce=PID2 \
 *     --calls 2000 --slices 10 --capacity-units 100000
 * </pre>
 *
 * It loads the workload's data into each endpoint, runs every operation {@code calls} times on each to warm up, then
 * {@code calls} times measured, and prints CSV lines: operation, endpoint name, CPU ms per call.
 * {@code benchmarks/capacity-cost.sh} starts the servers, repeats the run and makes a table of it.
 */
public final class CapacityCost {

    private CapacityCost() {
    }

    public static void main(String[] arguments) {
        Args args = Args.parse(arguments);
        Map<String, String> endpoints = Workload.pairs(args.required("endpoints"));
        Map<String, String> pids = Workload.pairs(args.required("pids"));
        int calls = (int) args.number("calls", 2000);
        int slices = (int) args.number("slices", 10);
        long capacityUnits = args.number("capacity-units", 100_000);
        if (calls < slices || slices < 1) {
            throw new IllegalArgumentException("--calls must be at least --slices, and --slices at least 1");
        }
        Map<String, DynamoDbClient> clients = new LinkedHashMap<>();
        Map<String, Long> processes = new LinkedHashMap<>();
        try {
            endpoints.forEach((name, url) -> {
                URI endpoint = URI.create(url);
                LoopbackClient.requireLoopback(endpoint);
                String pid = pids.get(name);
                if (pid == null) {
                    throw new IllegalArgumentException("--pids has no process id for " + name);
                }
                processes.put(name, Long.parseLong(pid));
                clients.put(name, LoopbackClient.create(endpoint, 4));
            });
            Map<String, Worker> workers = new LinkedHashMap<>();
            clients.forEach((name, client) -> {
                Dataset.prepare(client, 1, capacityUnits);
                workers.put(name, new Worker(0));
            });
            List<String> names = new ArrayList<>(clients.keySet());
            for (Operation operation : Operation.values()) {
                names.forEach(name -> run(operation, clients.get(name), workers.get(name), calls));
            }
            System.out.println("operation,endpoint,server CPU ms per call");
            for (Operation operation : Operation.values()) {
                Map<String, Long> ticks = new LinkedHashMap<>();
                for (int s = 0; s < slices; s++) {
                    List<String> order = new ArrayList<>(names);
                    if (s % 2 == 1) {
                        Collections.reverse(order);
                    }
                    int sliceCalls = calls / slices + (s < calls % slices ? 1 : 0);
                    for (String name : order) {
                        long before = ProcessCpu.ticks(processes.get(name));
                        run(operation, clients.get(name), workers.get(name), sliceCalls);
                        ticks.merge(name, ProcessCpu.ticks(processes.get(name)) - before, Long::sum);
                    }
                }
                for (String name : names) {
                    System.out.printf("%s,%s,%.3f%n", operation.wireName(), name,
                            ticks.get(name) * 1000.0 / ProcessCpu.TICKS_PER_SECOND / calls);
                }
            }
        } finally {
            clients.values().forEach(DynamoDbClient::close);
        }
    }

    private static void run(Operation operation, DynamoDbClient client, Worker worker, int calls) {
        for (int i = 0; i < calls; i++) {
            operation.step().run(client, worker);
        }
    }
}
