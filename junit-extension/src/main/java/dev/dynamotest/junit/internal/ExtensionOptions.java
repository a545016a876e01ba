package dev.dynamotest.junit.internal;

import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.core.DaxConfig;
import dev.dynamotest.core.EngineConfig;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Isolation;
import dev.dynamotest.junit.RetryBackoff;
import dev.dynamotest.junit.Transport;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a {@code DynamoExtension.Builder} was told, at the extension's own level; {@code null} where it was told
 * nothing. The engine's options are not mirrored here: {@code engine} applies them to an {@link EngineConfig.Builder}.
 *
 * @param engine the builder's {@code engine(...)} settings, or {@code null} for the engine's defaults
 * @param dax the builder's {@code dax(...)} settings, or {@code null} for DAX's defaults
 */
public record ExtensionOptions(String region, String host, Integer port, Isolation isolation,
        RetryBackoff retryBackoff, Transport transport, List<String> tableFiles, Consumer<EngineConfig.Builder> engine,
        DaxConfig dax) {

    /** The system property and environment variable that point every test class at a running endpoint. */
    public static final String ENDPOINT_PROPERTY = "dynamotest.endpoint";

    public ExtensionOptions {
        tableFiles = List.copyOf(tableFiles);
    }

    /** The options of an extension told nothing, as {@code @DynamoTest} registers it. */
    public static ExtensionOptions none() {
        return new ExtensionOptions(null, null, null, null, null, null, List.of(), null, null);
    }

    /** Settles the configuration: these options first, then the annotation (may be null), then defaults. */
    public Settings resolve(DynamoTest annotation) {
        return resolve(annotation, null, key -> Optional.empty());
    }

    /**
     * Settles the configuration, finding {@code dynamotest.endpoint} among the JUnit configuration parameters
     * (which include system properties), then system properties, then the environment.
     */
    public Settings resolve(DynamoTest annotation, Function<String, Optional<String>> configuration) {
        return resolve(annotation, null, configuration);
    }

    /**
     * Settles the configuration with the DAX settings a class declares with {@code @DynamoDax} ({@code null} for
     * none): the builder's {@code dax(...)} wins over them, and a declared node starts with the endpoint.
     */
    public Settings resolve(DynamoTest annotation, DaxConfig declaredDax,
            Function<String, Optional<String>> configuration) {
        return new Settings(
                region != null ? region : annotation != null ? annotation.region() : "us-east-1",
                host != null ? host : "127.0.0.1",
                port != null ? port : 0,
                isolation != null ? isolation : annotation != null ? annotation.isolation() : Isolation.PER_METHOD,
                parameter(ENDPOINT_PROPERTY, configuration).map(ExtensionOptions::endpoint).orElse(null),
                tableFiles,
                annotation != null ? annotation.capacity() : CapacityMode.OBSERVE,
                retryBackoff != null ? retryBackoff : annotation != null ? annotation.retryBackoff()
                        : RetryBackoff.VIRTUAL_TIME,
                transport != null ? transport : annotation != null ? annotation.transport() : Transport.IN_PROCESS,
                engine,
                dax != null ? dax : declaredDax,
                declaredDax != null);
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
