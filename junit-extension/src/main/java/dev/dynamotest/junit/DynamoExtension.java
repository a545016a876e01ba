package dev.dynamotest.junit;

import dev.dynamotest.core.CapacityMode;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.s3.ObjectStore;
import dev.dynamotest.junit.internal.ExtensionOptions;
import dev.dynamotest.junit.internal.Lifecycle;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The JUnit Jupiter extension behind {@link DynamoTest}: it keeps one endpoint per test class in the
 * extension store, resets it between test methods, injects clients, and explains failures.
 *
 * <p>Register it through {@code @DynamoTest}, or, to configure it in code:
 * <pre>{@code
 * @RegisterExtension
 * static DynamoExtension dynamo = DynamoExtension.builder()
 *         .region("eu-west-1")
 *         .clock(() -> Instant.parse("2024-01-01T00:00:00Z"))
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

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return lifecycle.supports(parameterContext.getParameter().getType(), extensionContext);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return lifecycle.resolve(parameterContext.getParameter().getType(), extensionContext);
    }

    /** Configures a {@link DynamoExtension}; unset values come from {@code @DynamoTest} or the defaults. */
    public static final class Builder {
        private final ExtensionOptions options = new ExtensionOptions();

        private Builder() {
        }

        /** The region of the injected clients and of declared tables that name none; default us-east-1. */
        public Builder region(String region) {
            options.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * The time the endpoint's clock follows until a test freezes or advances it; the system clock by
         * default. {@link Dynamo#clock()} still controls it.
         */
        public Builder clock(Clock clock) {
            options.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Keeps the data in an H2 file at this path (H2 adds {@code .mv.db}) instead of in memory. */
        public Builder databasePath(Path path) {
            options.databasePath = Objects.requireNonNull(path, "path");
            return this;
        }

        /** The port to listen on; by default one the OS chooses. A fixed port stops classes from running in parallel. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port takes a number from 0 to 65535, not " + port);
            }
            options.port = port;
            return this;
        }

        /** The address to bind; {@code 127.0.0.1} by default. */
        public Builder host(String host) {
            options.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Whether each test method starts from the declared state; {@link Isolation#PER_METHOD} by default. */
        public Builder isolation(Isolation isolation) {
            options.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        /** How the injected clients wait between retries; {@link RetryBackoff#SDK_DEFAULT} by default. */
        public Builder retryBackoff(RetryBackoff backoff) {
            options.retryBackoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** Files of table definitions, as {@link DynamoTablesFrom} reads them, added to the declared tables. */
        public Builder tablesFrom(String... files) {
            options.tableFiles.addAll(java.util.List.of(files));
            return this;
        }

        /**
         * Where exports go and imports come from ({@link Dynamo#s3()} reads it): by default a folder of the
         * endpoint's own in the temporary directory; {@code ObjectStore.directory(path)} chooses the folder, and
         * {@code S3ObjectStore.of(s3Client)} any S3-compatible endpoint.
         */
        public Builder objectStore(ObjectStore store) {
            options.objectStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Whether tables throttle over their capacity ({@link CapacityMode#ENFORCE}) or only record it (default). */
        public Builder capacity(CapacityMode mode) {
            options.capacity = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public DynamoExtension build() {
            return new DynamoExtension(options.copy());
        }
    }
}
