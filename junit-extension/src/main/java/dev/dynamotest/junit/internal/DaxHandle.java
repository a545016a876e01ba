package dev.dynamotest.junit.internal;

import dev.dynamotest.core.DaxConfig;
import dev.dynamotest.core.DaxServer;
import dev.dynamotest.core.DaxStaleRead;
import dev.dynamotest.core.DaxStatistics;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.junit.Dax;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@link Dax} of a test class: a {@link DaxServer} in front of the class's engine, with the DAX client built for
 * it the first time a test asks, and the statistics counted from the start of the current test.
 */
final class DaxHandle implements Dax {

    /** The DAX client's artifact, which the extension does not bring to users who do not use DAX. */
    static final String ARTIFACT = "software.amazon.dax:amazon-dax-client";

    private final DaxServer server;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private DynamoDbClient client;
    private volatile DaxStatistics baseline = new DaxStatistics(0, 0, 0, 0, 0, 0, 0, 0);

    private DaxHandle(DaxServer server, Region region, AwsCredentialsProvider credentials) {
        this.server = server;
        this.region = region;
        this.credentials = credentials;
    }

    static DaxHandle start(DynamoEngine engine, DaxConfig config, Region region, AwsCredentialsProvider credentials) {
        return new DaxHandle(DaxServer.start(engine, config), region, credentials);
    }

    @Override
    public URI url() {
        return server.url();
    }

    @Override
    public synchronized DynamoDbClient client() {
        if (client == null) {
            String missing = missingLibraries(DaxHandle.class.getClassLoader());
            if (missing != null) {
                throw new MisuseException(missing);
            }
            client = DaxClients.build(server.url(), region, credentials);
        }
        return client;
    }

    /**
     * Why a DAX client cannot be built with the classes the loader sees, or {@code null} if it can: the message names
     * the DAX client's artifact and the two libraries it uses without declaring them.
     */
    static String missingLibraries(ClassLoader loader) {
        boolean client = present("software.amazon.dax.ClusterDaxClient", loader);
        boolean codec = present("org.apache.commons.codec.binary.Hex", loader);
        boolean logging = present("org.apache.commons.logging.LogFactory", loader);
        if (client && codec && logging) {
            return null;
        }
        StringBuilder missing = new StringBuilder();
        if (!client) {
            missing.append("Amazon's DAX client (software.amazon.dax.ClusterDaxClient)");
        }
        if (!codec) {
            missing.append(missing.isEmpty() ? "" : ", ").append("commons-codec (org.apache.commons.codec.binary.Hex)");
        }
        if (!logging) {
            missing.append(missing.isEmpty() ? "" : ", ")
                    .append("Commons Logging (org.apache.commons.logging.LogFactory)");
        }
        return "Dax.client() builds Amazon's DAX client, but the test class path lacks " + missing
                + "; add the test dependencies " + ARTIFACT + " (2.0.10 or later), commons-codec:commons-codec and a "
                + "Commons Logging implementation such as org.slf4j:jcl-over-slf4j, or build your own DAX client "
                + "with Dax.url()";
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public DaxConfig config() {
        return server.config();
    }

    @Override
    public DaxStatistics statistics() {
        DaxStatistics now = server.statistics();
        DaxStatistics base = baseline;
        return new DaxStatistics(now.itemHits() - base.itemHits(), now.itemMisses() - base.itemMisses(),
                now.itemEvictions() - base.itemEvictions(), now.queryHits() - base.queryHits(),
                now.queryMisses() - base.queryMisses(), now.queryEvictions() - base.queryEvictions(),
                now.itemStaleHits() - base.itemStaleHits(), now.queryStaleHits() - base.queryStaleHits());
    }

    /** The node's stale reads since the current test began: the last as many as the statistics count since. */
    @Override
    public List<DaxStaleRead> staleReads() {
        DaxStatistics since = statistics();
        List<DaxStaleRead> all = server.staleReads();
        long count = Math.min(all.size(), since.itemStaleHits() + since.queryStaleHits());
        return all.subList(all.size() - (int) count, all.size());
    }

    @Override
    public void clearCaches() {
        server.clearCaches();
    }

    @Override
    public DaxServer server() {
        return server;
    }

    /**
     * Before a test method that starts from the declared state: the node up (an outage the last method left open
     * ends, as region outages do), empty caches, statistics from zero.
     */
    void startTest() {
        if (!server.isUp()) {
            server.up();
        }
        server.clearCaches();
        baseline = server.statistics();
    }

    /** Closes the DAX client, then stops the node. */
    void close() {
        DynamoDbClient started;
        synchronized (this) {
            started = client;
            client = null;
        }
        try {
            if (started != null) {
                started.close();
            }
        } finally {
            server.close();
        }
    }

    @Override
    public String toString() {
        return "Dax[" + server.url() + "]";
    }
}
