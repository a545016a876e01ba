package dev.dynamotest.core;

import dev.dynamotest.core.internal.RandomIds;
import dev.dynamotest.core.s3.DirectoryObjectStore;
import dev.dynamotest.core.s3.ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DynamoEngine} is set up: its default region, its clock, where H2 keeps the data, the account
 * id in ARNs, capacity, prices and the order of set elements in responses. Immutable; build one with {@link #builder()}.
 */
public final class EngineConfig {

    /** The default {@link #ttlSweepDelay()}. */
    public static final Duration DEFAULT_TTL_SWEEP_DELAY = Duration.ofSeconds(10);

    private final String defaultRegion;
    private final Clock clock;
    private final Path databasePath;
    private final String accountId;
    private final Duration ttlSweepDelay;
    private final ObjectStore objectStore;
    private final CapacityMode capacityMode;
    private final boolean partitionThroughputLimits;
    private final java.time.Duration tableUpdateDelay;
    private final PriceTable prices;
    private final SetOrder setOrder;
    private final long shuffleSeed;

    private EngineConfig(Builder builder) {
        this.defaultRegion = builder.defaultRegion;
        this.clock = builder.clock;
        this.databasePath = builder.databasePath;
        this.accountId = builder.accountId;
        this.ttlSweepDelay = builder.ttlSweepDelay;
        this.objectStore = builder.objectStore != null ? builder.objectStore
                : new DirectoryObjectStore(Path.of(System.getProperty("java.io.tmpdir"),
                        "dynamotest-s3-" + RandomIds.uuid()));
        this.capacityMode = builder.capacityMode;
        this.partitionThroughputLimits = builder.partitionThroughputLimits;
        this.tableUpdateDelay = builder.tableUpdateDelay;
        this.prices = builder.prices;
        this.setOrder = builder.setOrder;
        this.shuffleSeed = builder.shuffleSeed;
    }

    /** A configuration with the defaults: region us-east-1, a {@link ControllableClock}, in-memory H2. */
    public static EngineConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values, to build one that differs in a few. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.defaultRegion = defaultRegion;
        builder.clock = clock;
        builder.databasePath = databasePath;
        builder.accountId = accountId;
        builder.ttlSweepDelay = ttlSweepDelay;
        builder.objectStore = objectStore;
        builder.capacityMode = capacityMode;
        builder.partitionThroughputLimits = partitionThroughputLimits;
        builder.tableUpdateDelay = tableUpdateDelay;
        builder.prices = prices;
        builder.setOrder = setOrder;
        builder.shuffleSeed = shuffleSeed;
        return builder;
    }

    /** The region of requests that do not name one in their signature. */
    public String defaultRegion() {
        return defaultRegion;
    }

    public Clock clock() {
        return clock;
    }

    /** The H2 database file (without extension), or {@code null} for an in-memory database. */
    public Path databasePath() {
        return databasePath;
    }

    /** The AWS account id used in ARNs. */
    public String accountId() {
        return accountId;
    }

    /**
     * How long after its expiry time an item is deleted by the time-to-live sweep (on the engine clock); until
     * then an expired item stays readable, as in DynamoDB.
     */
    public Duration ttlSweepDelay() {
        return ttlSweepDelay;
    }

    /**
     * Where exports are written and imports read: by default a {@link DirectoryObjectStore} under a folder of its
     * own in the temporary directory, created when the first bucket is written.
     */
    public ObjectStore objectStore() {
        return objectStore;
    }

    /** Whether tables throttle requests over their capacity ({@link CapacityMode#OBSERVE} by default). */
    public CapacityMode capacityMode() {
        return capacityMode;
    }

    /** Whether one partition key value is limited to 3,000 read and 1,000 write units per second (off by default). */
    public boolean partitionThroughputLimits() {
        return partitionThroughputLimits;
    }

    /** How long a table stays UPDATING after UpdateTable, on the engine's clock (zero by default). */
    public java.time.Duration tableUpdateDelay() {
        return tableUpdateDelay;
    }

    /** The prices that {@link DynamoEngine#cost()} charges ({@link PriceTable#usEast1()} by default). */
    public PriceTable prices() {
        return prices;
    }

    /** The order of set elements in responses ({@link SetOrder#SORTED} by default). */
    public SetOrder setOrder() {
        return setOrder;
    }

    /** The seed of the {@link SetOrder#SHUFFLED} orders: the same seed gives the same orders to the same requests. */
    public long shuffleSeed() {
        return shuffleSeed;
    }

    /** Builds an {@link EngineConfig}. */
    public static final class Builder {
        private String defaultRegion = "us-east-1";
        private Clock clock = new ControllableClock();
        private Path databasePath;
        private String accountId = "000000000000";
        private Duration ttlSweepDelay = DEFAULT_TTL_SWEEP_DELAY;
        private ObjectStore objectStore;
        private CapacityMode capacityMode = CapacityMode.OBSERVE;
        private boolean partitionThroughputLimits;
        private java.time.Duration tableUpdateDelay = java.time.Duration.ZERO;
        private PriceTable prices = PriceTable.usEast1();
        private SetOrder setOrder = SetOrder.SORTED;
        private long shuffleSeed;

        private Builder() {
        }

        public Builder defaultRegion(String region) {
            this.defaultRegion = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Keeps the data in an H2 file at this path, so that it survives a restart. */
        public Builder databasePath(Path path) {
            this.databasePath = path;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /** How long after expiry the time-to-live sweep deletes an item (default 10 seconds; zero or more). */
        public Builder ttlSweepDelay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("the TTL sweep delay cannot be negative: " + delay);
            }
            this.ttlSweepDelay = delay;
            return this;
        }

        /** The object store that stands for S3 in ExportTableToPointInTime and ImportTable. */
        public Builder objectStore(ObjectStore store) {
            this.objectStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Whether tables throttle requests over their capacity, or only record them (the default). */
        public Builder capacityMode(CapacityMode mode) {
            this.capacityMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Limits each partition key value to 3,000 read and 1,000 write units per second, as DynamoDB does. */
        public Builder partitionThroughputLimits(boolean enabled) {
            this.partitionThroughputLimits = enabled;
            return this;
        }

        /**
         * How long a table stays UPDATING after UpdateTable (zero by default); meanwhile another UpdateTable fails
         * with ResourceInUseException.
         */
        public Builder tableUpdateDelay(java.time.Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("tableUpdateDelay must not be negative: " + delay);
            }
            this.tableUpdateDelay = delay;
            return this;
        }

        /** The prices that {@link DynamoEngine#cost()} charges; AWS's us-east-1 prices by default. */
        public Builder prices(PriceTable prices) {
            this.prices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        /** The order of set elements in responses: sorted as DynamoDB Local sorts them (the default), or shuffled. */
        public Builder setOrder(SetOrder order) {
            this.setOrder = Objects.requireNonNull(order, "order");
            return this;
        }

        /** The seed of the shuffled set orders of {@link SetOrder#SHUFFLED} (0 by default). */
        public Builder shuffleSeed(long seed) {
            this.shuffleSeed = seed;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(this);
        }
    }
}
