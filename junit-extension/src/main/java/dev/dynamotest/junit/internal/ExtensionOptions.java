package dev.dynamotest.junit.internal;

import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.s3.ObjectStore;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Isolation;
import dev.dynamotest.junit.RetryBackoff;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** What a {@code DynamoExtension.Builder} was told; {@code null} where it was told nothing. */
public final class ExtensionOptions {

    /** The system property and environment variable that point every test class at a running endpoint. */
    public static final String ENDPOINT_PROPERTY = "dynamotest.endpoint";

    public String region;
    public Clock clock;
    public Path databasePath;
    public Integer port;
    public String host;
    public Isolation isolation;
    public RetryBackoff retryBackoff;
    public final List<String> tableFiles = new ArrayList<>();
    public ObjectStore objectStore;
    public CapacityMode capacity;

    public ExtensionOptions copy() {
        ExtensionOptions copy = new ExtensionOptions();
        copy.region = region;
        copy.clock = clock;
        copy.databasePath = databasePath;
        copy.port = port;
        copy.host = host;
        copy.isolation = isolation;
        copy.retryBackoff = retryBackoff;
        copy.tableFiles.addAll(tableFiles);
        copy.objectStore = objectStore;
        copy.capacity = capacity;
        return copy;
    }

    /** Settles the configuration: these options first, then the annotation (may be null), then defaults. */
    public Settings resolve(DynamoTest annotation) {
        return resolve(annotation, key -> Optional.empty());
    }

    /**
     * Settles the configuration, finding {@code dynamotest.endpoint} among the JUnit configuration parameters
     * (which include system properties), then system properties, then the environment.
     */
    public Settings resolve(DynamoTest annotation, Function<String, Optional<String>> configuration) {
        return new Settings(
                region != null ? region : annotation != null ? annotation.region() : "us-east-1",
                clock != null ? clock : Clock.system(),
                databasePath,
                host != null ? host : "127.0.0.1",
                port != null ? port : 0,
                isolation != null ? isolation : annotation != null ? annotation.isolation() : Isolation.PER_METHOD,
                parameter(ENDPOINT_PROPERTY, configuration).map(ExtensionOptions::endpoint).orElse(null),
                tableFiles,
                objectStore,
                capacity != null ? capacity : annotation != null ? annotation.capacity() : CapacityMode.OBSERVE,
                retryBackoff != null ? retryBackoff : annotation != null ? annotation.retryBackoff()
                        : RetryBackoff.SDK_DEFAULT);
    }

    /**
     * A parameter such as {@code dynamotest.endpoint}: a JUnit configuration parameter, a system property, or an
     * environment variable of that name or in capitals with underscores ({@code DYNAMOTEST_ENDPOINT}).
     */
    public static Optional<String> parameter(String name, Function<String, Optional<String>> configuration) {
        Optional<String> value = configuration.apply(name).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            value = Optional.ofNullable(System.getProperty(name)).filter(v -> !v.isBlank());
        }
        if (value.isEmpty()) {
            value = Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
        }
        if (value.isEmpty()) {
            value = Optional.ofNullable(System.getenv(name.replace('.', '_').toUpperCase(Locale.ROOT)))
                    .filter(v -> !v.isBlank());
        }
        return value.map(String::trim);
    }

    private static URI endpoint(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new MisuseException(ENDPOINT_PROPERTY + " is set to \"" + value + "\", which is not a URL ("
                    + e.getMessage() + "); set it to an endpoint such as http://localhost:8000", e);
        }
    }
}
