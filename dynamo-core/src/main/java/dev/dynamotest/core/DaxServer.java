package dev.dynamotest.core;

import dev.dynamotest.core.internal.dax.DaxEndpoint;
import dev.dynamotest.core.internal.dax.SelfSignedCertificate;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The engine behind an in-JVM DynamoDB Accelerator (DAX): a TCP endpoint that Amazon's own DAX client talks to,
 * with DAX's write-through item cache and query cache on the engine's {@link Clock}. Every request goes through the
 * engine's operations, so writes reach the same write path as HTTP ones.
 *
 * <pre>{@code
 * try (DaxServer dax = DaxServer.start(engine)) {
 *     DynamoDbClient client = ClusterDaxClient.builder()
 *             .overrideConfiguration(Configuration.builder().url(dax.url().toString())
 *                     .region(Region.US_EAST_1).credentialsProvider(credentials).build())
 *             .build();
 * }
 * }</pre>
 */
public final class DaxServer implements DaxCaches, AutoCloseable {

    private final DynamoEngine engine;
    private final DaxConfig config;
    private final DaxEndpoint endpoint;

    private final SelfSignedCertificate certificate;

    private DaxServer(DynamoEngine engine, DaxConfig config, DaxEndpoint endpoint, SelfSignedCertificate certificate) {
        this.engine = engine;
        this.config = config;
        this.endpoint = endpoint;
        this.certificate = certificate;
    }

    /** Starts a DAX server for the engine on a loopback port of the OS's choosing, with DAX's default TTLs. */
    public static DaxServer start(DynamoEngine engine) {
        return start(engine, DaxConfig.defaults());
    }

    /** Starts a DAX server for the engine with those settings. The engine stays the caller's to close. */
    public static DaxServer start(DynamoEngine engine, DaxConfig config) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(config, "config");
        SelfSignedCertificate certificate = config.tls() ? certificateFor(config.host()) : null;
        return new DaxServer(engine, config, DaxEndpoint.start(engine, config.host(), config.port(),
                config.itemTtl(), config.queryTtl(), config.cacheSize(), config.accessKeys(),
                certificate == null ? null : certificate.serverContext()), certificate);
    }

    /**
     * A certificate for the names a client may reach this machine by: the configured host, {@code localhost} and
     * the loopback addresses (and this machine's own name and address when bound to every interface, which is
     * what the server then advertises). Its validity is a year from now on the wall clock (the client checks it
     * against its own clock, not the engine's).
     */
    private static SelfSignedCertificate certificateFor(String host) {
        Set<String> names = new LinkedHashSet<>(List.of(host, "localhost", "127.0.0.1", "::1"));
        if (host.equals("0.0.0.0") || host.equals("::")) {
            try {
                InetAddress self = InetAddress.getLocalHost();
                names.add(self.getHostAddress());
                names.add(self.getHostName());
            } catch (UnknownHostException e) {
                // no name for this machine: clients reach it by loopback, which the certificate names
            }
        }
        return SelfSignedCertificate.generate("DynamoTest DAX", names, java.time.Clock.systemUTC().instant(),
                Duration.ofDays(365));
    }

    public DynamoEngine engine() {
        return engine;
    }

    public DaxConfig config() {
        return config;
    }

    public int port() {
        return endpoint.port();
    }

    /** The cluster URL the DAX client takes, e.g. {@code dax://127.0.0.1:8111}, or {@code daxs://} over TLS. */
    public URI url() {
        return URI.create((certificate == null ? "dax://" : "daxs://") + endpoint.host() + ":" + port());
    }

    /** The self-signed certificate the server presents over TLS, empty unless {@link DaxConfig#tls()}. */
    public Optional<X509Certificate> certificate() {
        return Optional.ofNullable(certificate).map(SelfSignedCertificate::certificate);
    }

    /**
     * Writes a PKCS12 trust store holding the server's certificate, for a DAX client to trust: Amazon's client
     * checks a {@code daxs://} node against the JVM's default trust store, so run it with
     * {@code -Djavax.net.ssl.trustStore=FILE -Djavax.net.ssl.trustStorePassword=PASSWORD} (or set those system
     * properties before the client is built).
     *
     * @throws IllegalStateException when the server does not speak TLS
     */
    public void writeTrustStore(Path file, char[] password) {
        if (certificate == null) {
            throw new IllegalStateException("this DAX server does not speak TLS: DaxConfig.builder().tls(true)");
        }
        SelfSignedCertificate.writeTrustStore(certificate.certificate(), file, password);
    }

    /** The caches' hits, misses, evictions and stale hits so far. */
    @Override
    public DaxStatistics statistics() {
        return endpoint.statistics();
    }

    /**
     * The reads its caches served stale so far, oldest first (the last 1000): items changed behind DAX, query results
     * cached before a write to their table (see {@link DaxStaleRead}). Learnt from the engine's committed changes,
     * never by reading the table.
     */
    @Override
    public List<DaxStaleRead> staleReads() {
        return endpoint.staleReads();
    }

    /** Empties the item and query caches, as a new cluster starts. */
    @Override
    public void clearCaches() {
        endpoint.clearCaches();
    }

    /**
     * Takes the DAX node down, as a node failure does: open connections are closed and new ones refused until
     * {@link #up()}. The engine behind it is untouched.
     */
    public void down() {
        endpoint.stop();
    }

    /** Brings the node back on the same port after {@link #down()}, with empty caches, as a restarted node. */
    public void up() {
        endpoint.restart();
    }

    /** Whether the node accepts connections (it does from {@link #start} until {@link #down()} or {@link #close()}). */
    public boolean isUp() {
        return endpoint.isRunning();
    }

    @Override
    public String toString() {
        return "DaxServer[" + url() + "]";
    }

    /** Stops the endpoint and closes its connections; the engine stays open. */
    @Override
    public void close() {
        endpoint.close();
    }
}
