package dev.dynamotest.junit.internal;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/**
 * Builds DAX clients with Amazon's {@code ClusterDaxClient}, an optional dependency: this class is only loaded once
 * {@link #missingLibraries(ClassLoader)} found nothing missing.
 */
final class DaxClients {

    /** The DAX client's artifact, which the extension does not bring to users who do not use DAX. */
    static final String ARTIFACT = "software.amazon.dax:amazon-dax-client";

    private DaxClients() {
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

    /** A DAX client for the cluster at {@code url}; needs {@link #missingLibraries} to have returned {@code null}. */
    static DynamoDbClient build(URI url, Region region, AwsCredentialsProvider credentials) {
        try {
            return ClusterDaxClient.builder().overrideConfiguration(Configuration.builder()
                    .url(url.toString())
                    .region(region)
                    .credentialsProvider(credentials)
                    .build()).build();
        } catch (Exception e) {
            throw new IllegalStateException("the DAX client for " + url + " could not be built: " + e.getMessage(), e);
        }
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
