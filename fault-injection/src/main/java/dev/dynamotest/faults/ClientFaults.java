package dev.dynamotest.faults;

import dev.dynamotest.core.Clock;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.regions.RegionOutage;
import dev.dynamotest.faults.internal.ClientRegionOutage;
import dev.dynamotest.faults.internal.Action;
import dev.dynamotest.faults.internal.FaultErrors;
import dev.dynamotest.faults.internal.RuleState;
import dev.dynamotest.faults.internal.SdkFaultInterceptor;
import dev.dynamotest.faults.internal.Window;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/**
 * Fault rules applied inside SDK v2 clients, before their requests leave, for an endpoint this JVM does not run
 * (DynamoDB itself, a container, another process): add {@link #executionInterceptor()} to each client. Made by
 * {@link Faults#forClients()}; a {@code @DynamoTest} against {@code dynamotest.endpoint} gives its injected clients
 * such rules as {@code dynamo.faults()}. Stream faults act where the stream is served, so only {@link EngineFaults}
 * have them.
 *
 * <pre>{@code
 * ClientFaults faults = Faults.forClients();
 * DynamoDbClient client = DynamoDbClient.builder()
 *         .overrideConfiguration(c -> c.addExecutionInterceptor(faults.executionInterceptor()))
 *         ...
 * faults.throttle(PUT_ITEM).onTable("Orders").times(2);
 * }</pre>
 */
public final class ClientFaults extends Faults {

    /**
     * Set by {@link #executionInterceptor()} on every attempt it sees: what the rule that shaped the attempt's answer
     * did, in the words an engine's request journal uses for the same fault ({@code throttle},
     * {@code internal server error}, {@code region outage (SERVER_ERROR)}, ...), or {@code ""} when no rule did. A
     * client's own interceptor placed before it can read it, e.g. to journal the attempt.
     */
    public static final ExecutionAttribute<String> APPLIED_FAULT = SdkFaultInterceptor.APPLIED;

    private static final String DEFAULT_ACCOUNT = "000000000000";

    private final Clock clock;
    private final Map<Region, RuleState> outages = new ConcurrentHashMap<>();

    ClientFaults(Clock clock) {
        super(DEFAULT_ACCOUNT);
        this.clock = clock;
    }

    /**
     * An SDK v2 interceptor that applies these rules inside a client, attempt by attempt. Add it with
     * {@code overrideConfiguration(c -> c.addExecutionInterceptor(...))}.
     */
    public ExecutionInterceptor executionInterceptor() {
        return new SdkFaultInterceptor(rules(), clock, null);
    }

    /**
     * Like {@link #executionInterceptor()}, for a client whose requests name tables otherwise than the rules do (its
     * own interceptors rename them): the rules see the names {@code names} gives back.
     */
    public ExecutionInterceptor executionInterceptor(ClientTableNames names) {
        return new SdkFaultInterceptor(rules(), clock, Objects.requireNonNull(names, "names"));
    }

    /**
     * An outage of a region as the clients see it: every request they sign for the region fails as {@code mode}
     * says, from the clients' interceptor; the endpoint itself is not touched, so its replication goes on and other
     * clients still reach the region. It is a rule like the others (listed by {@link #describe()}, removed with its
     * scope) tried after the rules added before it; {@link RegionOutage#end()} removes it.
     */
    @Override
    public RegionOutage regionOutage(Region region, OutageMode mode) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(mode, "mode");
        RuleState rule = new RuleState(Set.of(), region.id(), null, null, null, new Window.Always(),
                outageAction(mode));
        rules().add(rule);
        RuleState earlier = outages.put(region, rule);
        if (earlier != null) {
            rules().remove(earlier);
        }
        return new ClientRegionOutage(region.id(), mode, () -> {
            RuleState current = outages.remove(region);
            if (current != null) {
                rules().remove(current);
            }
        });
    }

    private static Action outageAction(OutageMode mode) {
        String name = "region outage (" + mode + ")";
        return switch (mode) {
            case SERVER_ERROR -> new Action.Fail(name, request -> FaultErrors.internalServerError());
            case SERVICE_UNAVAILABLE -> new Action.Fail(name, request -> FaultErrors.serviceUnavailable());
            case CONNECTION_FAILURE -> new Action.Drop(name);
        };
    }
}
