package dev.dynamotest.benchmarks;

import dev.dynamotest.core.DynamoEngine;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The "in-process" endpoint kind of the {@link Workload}: an engine created in the benchmark's own JVM (in memory,
 * its defaults) and an SDK client that reaches it through {@code engine.sdkHttpClient()}, with no socket, as the
 * extension's injected clients do. Named in {@code --endpoints} as {@code name=in-process}.
 */
final class InProcessEndpoint implements AutoCloseable {

    /** What {@code --endpoints} gives instead of a URL for an endpoint of this kind. */
    static final String KIND = "in-process";

    /** The address the client is built for: any will do, as no request leaves the JVM. */
    private static final URI ADDRESS = URI.create("http://in-process.dynamotest");

    private final DynamoEngine engine;
    private final DynamoDbClient client;

    InProcessEndpoint() {
        engine = DynamoEngine.create();
        client = DynamoDbClient.builder()
                .endpointOverride(ADDRESS)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(engine.sdkHttpClient())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        engine.close();
    }
}
