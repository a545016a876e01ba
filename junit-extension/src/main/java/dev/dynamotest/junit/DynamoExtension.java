package dev.dynamotest.junit;

import dev.dynamotest.core.DaxConfig;
import dev.dynamotest.core.EngineConfig;
import dev.dynamotest.junit.internal.ExtensionOptions;
import dev.dynamotest.junit.internal.Lifecycle;
import dev.dynamotest.junit.internal.SpringParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import software.amazon.awssdk.regions.Region;

/**
 * The JUnit Jupiter extension behind {@link DynamoTest}: it keeps one endpoint per test class in the
 * extension store, resets it between test methods, injects clients, and explains failures.
 *
 * <p>Register it through {@code @DynamoTest}, or, to configure it in code:
 * <pre>{@code
 * @RegisterExtension
 * static DynamoExtension dynamo = DynamoExtension.builder()
 *         .region("eu-west-1")
 *         .isolation(Isolation.PER_CLASS)
 *         .engine(e -> e.clock(() -> Instant.parse("2024-01-01T00:00:00Z")).ttlSweepDelay(Duration.ZERO))
 *         .build();
 * }</pre>
 * A class with such a field needs no {@code @DynamoTest}; if it has one, the builder's values win.
 */
public final class DynamoExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        TestInstancePostProcessor, ParameterResolver {

    private final Lifecycle lifecycle;

    /** The extension as {@code @DynamoTest} registers it, configured by annotations alone. */
    public DynamoExtension() {
        this.lifecycle = new Lifecycle(null);
    }

    private DynamoExtension(ExtensionOptions options) {
        this.lifecycle = new Lifecycle(options);
    }

    /** Starts the configuration of an extension for {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        lifecycle.beforeAll(context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        lifecycle.injectFields(testInstance, context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lifecycle.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        lifecycle.afterEach(context);
    }

    /**
     * Whether the extension fills the parameter: one of the injected types, unless Spring's annotations
     * ({@code @Autowired}, {@code @Qualifier}, {@code @Value}) give it to Spring's extension in a Spring test.
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return lifecycle.supports(parameterContext.getParameter().getType(), extensionContext)
                && !SpringParameters.claims(parameterContext.getParameter());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return lifecycle.resolve(parameterContext.getParameter().getType(), extensionContext);
    }

    /**
     * Configures a {@link DynamoExtension}; unset values come from {@code @DynamoTest} or the defaults. The
     * extension's own options are set here, the engine's (clock, H2 file, object store, TTL sweep delay, account
     * id, prices...) through {@link #engine(Consumer)}.
     */
    public static final class Builder {
        private String region;
        private String host;
        private Integer port;
        private Isolation isolation;
        private RetryBackoff retryBackoff;
        private Transport transport;
        private final List<String> tableFiles = new ArrayList<>();
        private Consumer<EngineConfig.Builder> engine;
        private DaxConfig dax;

        private Builder() {
        }

        /**
         * The region of the injected clients, of declared tables that name none, and the engine's default region;
         * us-east-1 by default.
         */
        public Builder region(Region region) {
            return region(Objects.requireNonNull(region, "region").id());
        }

        /** The region, as {@link #region(Region)}, named by its id ({@code "eu-west-1"}) as {@link Region#of} reads it. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Sets options of the engine each endpoint runs, on an {@link EngineConfig.Builder} that already holds the
         * region and {@code @DynamoTest}'s capacity mode; called once for each endpoint started, so values such as a
         * clock are not shared between classes. Several calls apply in turn. Not used when {@code dynamotest.endpoint}
         * points at an endpoint elsewhere.
         * <pre>{@code
         * DynamoExtension.builder()
         *         .engine(e -> e.clock(() -> Instant.parse("2024-06-01T12:00:00Z"))
         *                 .ttlSweepDelay(Duration.ZERO)
         *                 .accountId("123456789012"))
         *         .build();
         * }</pre>
         * The engine's clock is wrapped in a {@link dev.dynamotest.core.ControllableClock} (unless it is one), which
         * {@link Dynamo#clock()} returns. Set the region with {@link #region(String)}, which the clients use too.
         */
        public Builder engine(Consumer<EngineConfig.Builder> settings) {
            Objects.requireNonNull(settings, "settings");
            this.engine = engine == null ? settings : engine.andThen(settings);
            return this;
        }

        /** The port to listen on; by default one the OS chooses. A fixed port stops classes from running in parallel. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port takes a number from 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to bind; {@code 127.0.0.1} by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Whether each test method starts from the declared state; {@link Isolation#PER_METHOD} by default. */
        public Builder isolation(Isolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        /** How the injected clients wait between retries; {@link RetryBackoff#VIRTUAL_TIME} by default. */
        public Builder retryBackoff(RetryBackoff backoff) {
            this.retryBackoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * How the injected clients reach the engine: {@link Transport#IN_PROCESS} by default, or {@link Transport#HTTP}.
         * Not used when {@code dynamotest.endpoint} points at an endpoint elsewhere.
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * The settings of the DAX node that {@link Dynamo#dax()} starts: item and query TTLs and cache size;
         * {@link DaxConfig#defaults()} (DAX's 5-minute TTLs) by default.
         * <pre>{@code
         * DynamoExtension.builder().dax(DaxConfig.builder().itemTtl(Duration.ofSeconds(30)).build()).build();
         * }</pre>
         */
        public Builder dax(DaxConfig config) {
            this.dax = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Files of table definitions, as {@link DynamoTablesFrom} reads them, added to the declared tables. */
        public Builder tablesFrom(String... files) {
            tableFiles.addAll(List.of(files));
            return this;
        }

        public DynamoExtension build() {
            return new DynamoExtension(new ExtensionOptions(region, host, port, isolation, retryBackoff, transport, tableFiles,
                    engine, dax));
        }
    }
}
