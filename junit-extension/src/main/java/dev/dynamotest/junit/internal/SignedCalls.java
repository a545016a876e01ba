package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * DynamoDB operations sent as JSON, signed with SigV4, to an endpoint elsewhere: how declared tables and seed
 * items, which the extension holds as request JSON, reach it. Errors come back as {@link DynamoException}s.
 */
final class SignedCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;

    SignedCalls(URI endpoint, AwsCredentialsProvider credentials, SdkHttpClient http) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.http = http;
    }

    ObjectNode call(String region, String operation, ObjectNode body) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(body);
            SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                    .uri(endpoint)
                    .encodedPath(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/"
                            : endpoint.getRawPath())
                    .method(SdkHttpMethod.POST)
                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                    .putHeader("X-Amz-Target", "DynamoDB_20120810." + operation)
                    .putHeader("Content-Length", String.valueOf(bytes.length))
                    .build();
            AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
            SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                    .identity(identity)
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(bytes))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            JsonNode answer = read(response);
            int status = response.httpResponse().statusCode();
            if (status >= 300) {
                throw error(status, answer, operation);
            }
            return answer instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException(operation + " to " + endpoint + " failed: " + e.getMessage(), e);
        }
    }

    private static JsonNode read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return JSON.createObjectNode();
        }
        try (InputStream body = response.responseBody().get()) {
            byte[] bytes = body.readAllBytes();
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        }
    }

    private DynamoException error(int status, JsonNode answer, String operation) {
        String wireType = answer.path("__type").asText("");
        String type = wireType.contains("#") ? wireType.substring(wireType.indexOf('#') + 1) : wireType;
        String namespace = wireType.contains("#") ? wireType.substring(0, wireType.indexOf('#'))
                : DynamoException.DYNAMODB_NAMESPACE;
        String message = answer.hasNonNull("message") ? answer.get("message").asText()
                : answer.path("Message").asText("");
        if (type.isEmpty()) {
            type = "HTTP " + status;
            message = operation + " to " + endpoint + " answered " + status + ": " + answer;
        }
        return new DynamoException(namespace, type, status, message, null);
    }
}
