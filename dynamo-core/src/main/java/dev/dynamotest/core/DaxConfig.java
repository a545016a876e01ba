package dev.dynamotest.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of a {@link DaxServer}: where it listens and its caches' parameters, as a DAX cluster's parameter
 * group sets them (item and query TTL, 5 minutes each by default) plus a size budget per cache.
 *
 * <pre>{@code
 * DaxConfig config = DaxConfig.builder().itemTtl(Duration.ofMinutes(1)).queryTtl(Duration.ZERO).build();
 * }</pre>
 */
public final class DaxConfig {

    /** DAX's default time to live of cached items and of cached query and scan results. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    /** The default size budget of each cache, in bytes. */
    public static final long DEFAULT_CACHE_SIZE = 64L * 1024 * 1024;

    private final String host;
    private final int port;
    private final Duration itemTtl;
    private final Duration queryTtl;
    private final long cacheSize;
    private final AccessKeys accessKeys;
    private final boolean tls;

    private DaxConfig(Builder builder) {
        this.tls = builder.tls;
        this.host = builder.host;
        this.port = builder.port;
        this.itemTtl = builder.itemTtl;
        this.queryTtl = builder.queryTtl;
        this.cacheSize = builder.cacheSize;
        this.accessKeys = builder.accessKeys;
    }

    /** Loopback, a port of the OS's choosing, 5-minute TTLs, 64 MB per cache. */
    public static DaxConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address the server listens on and advertises to clients as the cluster's node. */
    public String host() {
        return host;
    }

    /** The port to listen on; 0 lets the OS choose. */
    public int port() {
        return port;
    }

    /** How long an item (or the absence of one) stays in the item cache. */
    public Duration itemTtl() {
        return itemTtl;
    }

    /** How long a Query or Scan result stays in the query cache. */
    public Duration queryTtl() {
        return queryTtl;
    }

    /** The size budget of each cache in bytes; past it the least recently used entries are evicted. */
    public long cacheSize() {
        return cacheSize;
    }

    /** The keys a client must sign its connection with, or {@code null}: any credentials are accepted. */
    public AccessKeys accessKeys() {
        return accessKeys;
    }

    /**
     * Whether the server speaks TLS ({@code daxs://}), with a self-signed certificate made at start for its host,
     * {@code localhost} and the loopback address (see {@link DaxServer#certificate()}).
     */
    public boolean tls() {
        return tls;
    }

    /** Builds a {@link DaxConfig}; every setting has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Duration itemTtl = DEFAULT_TTL;
        private Duration queryTtl = DEFAULT_TTL;
        private long cacheSize = DEFAULT_CACHE_SIZE;
        private AccessKeys accessKeys;
        private boolean tls;

        private Builder() {
        }

        /**
         * Serves DAX over TLS, as a cluster with encryption in transit does ({@code daxs://}), with a self-signed
         * certificate made at start; off by default.
         */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Checks each connection's signature (DAX's {@code authorizeConnection}) against these keys, as DAX checks
         * IAM credentials: a connection signed with an unknown key or a wrong secret gets
         * {@code UnrecognizedClientException} or {@code InvalidSignatureException} for its requests.
         */
        public Builder accessKeys(AccessKeys keys) {
            this.accessKeys = Objects.requireNonNull(keys, "accessKeys");
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("DaxConfig port " + port + " is not between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /** The item cache's TTL; {@link Duration#ZERO} caches no items. */
        public Builder itemTtl(Duration ttl) {
            this.itemTtl = nonNegative(ttl, "itemTtl");
            return this;
        }

        /** The query cache's TTL; {@link Duration#ZERO} caches no results. */
        public Builder queryTtl(Duration ttl) {
            this.queryTtl = nonNegative(ttl, "queryTtl");
            return this;
        }

        /** Each cache's size budget in bytes (entries are counted by their encoded size, roughly). */
        public Builder cacheSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("DaxConfig cacheSize must be positive, was " + bytes);
            }
            this.cacheSize = bytes;
            return this;
        }

        public DaxConfig build() {
            return new DaxConfig(this);
        }

        private static Duration nonNegative(Duration ttl, String name) {
            Objects.requireNonNull(ttl, name);
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("DaxConfig " + name + " must not be negative, was " + ttl);
            }
            return ttl;
        }
    }
}
