package dev.dynamotest.junit.internal;

import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.s3.ObjectStore;
import dev.dynamotest.junit.Isolation;
import dev.dynamotest.junit.RetryBackoff;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The resolved configuration of one test class's endpoint: the builder's values, then the
 * {@code @DynamoTest} annotation's, then the defaults.
 *
 * @param clockSource the time the engine's controllable clock follows
 * @param databasePath an H2 file, or {@code null} for memory
 * @param remoteEndpoint an endpoint to use instead of starting one, or {@code null}
 * @param tableFiles files of table definitions given to the builder
 * @param objectStore where exports go and imports come from, or {@code null} for the engine's default
 * @param capacity whether the endpoint throttles over capacity or only records it
 * @param retryBackoff how the injected clients wait between retries
 */
public record Settings(String region, Clock clockSource, Path databasePath, String host, int port,
        Isolation isolation, URI remoteEndpoint, List<String> tableFiles, ObjectStore objectStore,
        CapacityMode capacity, RetryBackoff retryBackoff) {

    public Settings {
        tableFiles = List.copyOf(tableFiles);
        retryBackoff = retryBackoff == null ? RetryBackoff.SDK_DEFAULT : retryBackoff;
    }

    /** Settings with the engine's default object store and capacity mode ({@link CapacityMode#OBSERVE}), whose clients
     * keep the SDK's backoff. */
    public Settings(String region, Clock clockSource, Path databasePath, String host, int port,
            Isolation isolation, URI remoteEndpoint, List<String> tableFiles) {
        this(region, clockSource, databasePath, host, port, isolation, remoteEndpoint, tableFiles, null,
                CapacityMode.OBSERVE, RetryBackoff.SDK_DEFAULT);
    }

    /** The same settings in another region. */
    public Settings withRegion(String otherRegion) {
        return new Settings(otherRegion, clockSource, databasePath, host, port, isolation, remoteEndpoint, tableFiles,
                objectStore, capacity, retryBackoff);
    }

    /** Whether the tests run against an endpoint that this extension does not start. */
    public boolean remote() {
        return remoteEndpoint != null;
    }
}
