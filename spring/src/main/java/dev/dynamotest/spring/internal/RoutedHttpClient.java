package dev.dynamotest.spring.internal;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The AWS SDK's HTTP client for an application context's DynamoDB clients: each request goes, in process, to the
 * engine of the test class running now ({@link EndpointRouter}). Closing it closes nothing: the engines belong to
 * their classes.
 */
public final class RoutedHttpClient implements SdkHttpClient {

    private final EndpointRouter router;

    RoutedHttpClient(EndpointRouter router) {
        this.router = router;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return router.engine().sdkHttpClient().prepareRequest(request);
    }

    @Override
    public String clientName() {
        return "DynamoTestRouted";
    }

    @Override
    public void close() {
    }
}
