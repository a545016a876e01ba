package dev.dynamotest.junit.internal;

import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.core.DaxConfig;
import dev.dynamotest.core.EngineConfig;
import dev.dynamotest.junit.Isolation;
import dev.dynamotest.junit.RetryBackoff;
import dev.dynamotest.junit.Transport;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * The resolved configuration of one test class's endpoint: the builder's values, then the
 * {@code @DynamoTest} annotation's, then the defaults.
 *
 * @param region the region of the injected clients, of the declared tables that name none, and the engine's default
 * @param host the address the endpoint binds
 * @param port the port the endpoint listens on, 0 for one the OS chooses
 * @param remoteEndpoint an endpoint to use instead of starting one, or {@code null}
 * @param tableFiles files of table definitions given to the builder
 * @param capacity the engine's capacity mode, unless {@code engine} sets another
 * @param retryBackoff how the injected clients wait between retries
 * @param transport how the injected clients reach an engine in this JVM
 * @param engine the builder's settings of the engine, applied after the region and capacity; {@code null} for none
 * @param dax the settings of the DAX node that {@code Dynamo.dax()} starts
 * @param daxAtStart whether the DAX node starts with the endpoint ({@code @DynamoDax}) rather than on first use
 */
public record Settings(String region, String host, int port, Isolation isolation, URI remoteEndpoint,
        List<String> tableFiles, CapacityMode capacity, RetryBackoff retryBackoff, Transport transport,
        Consumer<EngineConfig.Builder> engine, DaxConfig dax, boolean daxAtStart) {

    public Settings {
        dax = dax == null ? DaxConfig.defaults() : dax;
        tableFiles = List.copyOf(tableFiles);
        capacity = capacity == null ? CapacityMode.OBSERVE : capacity;
        retryBackoff = retryBackoff == null ? RetryBackoff.VIRTUAL_TIME : retryBackoff;
        transport = transport == null ? Transport.IN_PROCESS : transport;
    }

    /** Settings with DAX's default settings, its node started on first use. */
    public Settings(String region, String host, int port, Isolation isolation, URI remoteEndpoint,
            List<String> tableFiles, CapacityMode capacity, RetryBackoff retryBackoff, Transport transport,
            Consumer<EngineConfig.Builder> engine) {
        this(region, host, port, isolation, remoteEndpoint, tableFiles, capacity, retryBackoff, transport, engine,
                null, false);
    }

    /** The defaults: us-east-1 on 127.0.0.1, a port the OS chooses, {@link Isolation#PER_METHOD}, clients in process
     * retrying in virtual time, an engine as {@link EngineConfig#defaults()} describes. */
    public static Settings defaults() {
        return new Settings("us-east-1", "127.0.0.1", 0, Isolation.PER_METHOD, null, List.of(), CapacityMode.OBSERVE,
                RetryBackoff.VIRTUAL_TIME, Transport.IN_PROCESS, null);
    }

    /** The same settings in another region. */
    public Settings withRegion(String otherRegion) {
        return new Settings(otherRegion, host, port, isolation, remoteEndpoint, tableFiles, capacity, retryBackoff,
                transport, engine, dax, daxAtStart);
    }

    /** Whether the tests run against an endpoint that this extension does not start. */
    public boolean remote() {
        return remoteEndpoint != null;
    }

    /**
     * The engine's configuration: the region, the capacity mode, then the builder's {@code engine(...)} settings.
     * Its clock is always a {@link ControllableClock}, following the clock those settings name.
     */
    public EngineConfig engineConfig() {
        EngineConfig.Builder builder = EngineConfig.builder().defaultRegion(region).capacityMode(capacity);
        if (engine != null) {
            engine.accept(builder);
        }
        EngineConfig config = builder.build();
        if (!config.defaultRegion().equals(region)) {
            throw new MisuseException("DynamoExtension.builder().engine(...) sets the default region "
                    + config.defaultRegion() + ", but the tests' region is " + region + "; set the region with "
                    + "DynamoExtension.builder().region(\"" + config.defaultRegion() + "\") instead, so that the "
                    + "clients and declared tables use it too");
        }
        return config.clock() instanceof ControllableClock ? config
                : config.toBuilder().clock(new ControllableClock(config.clock())).build();
    }
}
