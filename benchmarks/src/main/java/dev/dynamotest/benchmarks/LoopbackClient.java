package dev.dynamotest.benchmarks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the SDK client the benchmark drives an endpoint with, and refuses any endpoint that is not on a
 * loopback address: the benchmark is a load generator and must never be pointed at another machine.
 */
final class LoopbackClient {

    private LoopbackClient() {
    }

    /** A client for {@code endpoint} with a pooled HTTP client big enough for every worker and no retries. */
    static DynamoDbClient create(URI endpoint, int connections) {
        requireLoopback(endpoint);
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(Math.max(connections, 1))
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Throws unless {@code endpoint} is an http URL whose host resolves to a loopback address. */
    static void requireLoopback(URI endpoint) {
        String host = endpoint.getHost();
        if (!"http".equals(endpoint.getScheme()) || host == null) {
            throw new IllegalArgumentException("the endpoint must be an http:// URL on a loopback address, not "
                    + endpoint);
        }
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("the benchmark only drives loopback addresses (127.0.0.1, ::1, "
                        + "localhost); " + host + " is not one");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host + " in " + endpoint, e);
        }
    }
}
