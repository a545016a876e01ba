package dev.dynamotest.junit.internal;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/**
 * Builds DAX clients with Amazon's {@code ClusterDaxClient}, an optional dependency: this class, the only one that
 * names the DAX client's types, is only loaded once {@link DaxHandle#missingLibraries(ClassLoader)} found nothing
 * missing.
 */
final class DaxClients {

    private DaxClients() {
    }

    /** A DAX client for the cluster at {@code url}, once {@link DaxHandle#missingLibraries} returned {@code null}. */
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
}
