package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A server started with {@link AccessKeys} checks each request's SigV4 signature as DynamoDB does, here through the
 * real SDK v2 client (and its signer, for requests it would not make by itself).
 */
class SignatureVerificationTest {

    private static final String KEY = "AKIDSIGNED";
    private static final String SECRET = "signed-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";
    private static DynamoServer server;

    @BeforeAll
    static void start() {
        server = DynamoServer.start(EngineConfig.defaults(), "127.0.0.1", 0,
                AccessKeys.of(KEY, SECRET).and("AKIDOTHER", "other-secret"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void serves_requests_signed_with_a_known_key() {
        try (DynamoDbClient client = client(KEY, SECRET).build();
                DynamoDbClient other = client("AKIDOTHER", "other-secret").build()) {
            client.createTable(b -> b.tableName("Signed").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH")));
            client.putItem(b -> b.tableName("Signed").item(Map.of("pk", AttributeValue.fromS("a b/ü"),
                    "v", AttributeValue.fromS("x".repeat(5000)))));

            assertThat(other.getItem(b -> b.tableName("Signed").key(Map.of("pk", AttributeValue.fromS("a b/ü"))))
                    .item().get("v").s()).hasSize(5000);
        }
    }

    @Test
    void refuses_a_wrong_secret_with_invalid_signature_exception() {
        try (DynamoDbClient client = client(KEY, "not-the-secret").build()) {
            assertThatThrownBy(client::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(MISMATCH);
            });
        }
    }

    @Test
    void refuses_an_unknown_key_with_unrecognized_client_exception() {
        try (DynamoDbClient client = client("AKIDUNKNOWN", SECRET).build()) {
            assertThatThrownBy(client::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is invalid.");
            });
        }
    }

    @Test
    void refuses_a_signature_dated_more_than_15_minutes_ago() {
        Instant signedAt = Instant.now().minus(Duration.ofMinutes(20)).with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
        try (DynamoDbClient client = client(KEY, SECRET).putAuthScheme(signingAt(signedAt)).build()) {
            assertThatThrownBy(client::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("Signature expired: " + BASIC.format(signedAt) + " is now earlier than ")
                        .endsWith(" - 15 min.)");
            });
        }
    }

    @Test
    void refuses_a_signature_dated_more_than_15_minutes_ahead() {
        Instant signedAt = Instant.now().plus(Duration.ofMinutes(20));
        try (DynamoDbClient client = client(KEY, SECRET).putAuthScheme(signingAt(signedAt)).build()) {
            assertThatThrownBy(client::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("Signature not yet current: " + BASIC.format(signedAt) + " is still later than ")
                        .endsWith(" + 15 min.)");
            });
        }
    }

    @Test
    void accepts_a_signature_a_few_minutes_off() {
        try (DynamoDbClient client = client(KEY, SECRET)
                .putAuthScheme(signingAt(Instant.now().minus(Duration.ofMinutes(10)))).build()) {
            assertThat(client.listTables().tableNames()).isNotNull();
        }
    }

    @Test
    void refuses_a_request_without_a_signature_with_missing_authentication_token() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertError(response, "MissingAuthenticationTokenException", "Request is missing Authentication Token");
    }

    @Test
    void refuses_an_authorization_header_without_its_parts_with_incomplete_signature_exception() throws Exception {
        String authorization = "AWS4-HMAC-SHA256 Credential=" + KEY + "/20261207/us-east-1/dynamodb/aws4_request";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Date", BASIC.format(Instant.now()))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertError(response, "IncompleteSignatureException", "Authorization header requires 'Signature' parameter. "
                + "Authorization header requires 'SignedHeaders' parameter. Authorization=" + authorization);
    }

    @Test
    void checks_the_query_string_the_body_and_the_signed_headers() throws Exception {
        URI uri = server.endpoint().resolve("/?b=2&a=x%20y&a=%2Fw");
        Map<String, String> headers = sign(uri, "{}");

        assertThat(send(uri, headers, "{}").statusCode()).isEqualTo(200);
        assertError(send(server.endpoint().resolve("/?b=3&a=x%20y&a=%2Fw"), headers, "{}"),
                "InvalidSignatureException", MISMATCH);
        assertError(send(uri, headers, "{ }"), "InvalidSignatureException", MISMATCH);
        headers.put("X-Amz-Target", "DynamoDB_20120810.DescribeLimits");
        assertError(send(uri, headers, "{}"), "InvalidSignatureException", MISMATCH);
    }

    @Test
    void answers_health_checks_and_cors_preflights_without_a_signature() throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(server.endpoint()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://example.com")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("healthy: ");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    private static DynamoDbClientBuilder client(String key, String secret) {
        return DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)));
    }

    /** The SDK's own SigV4 scheme, with the signer's clock set to a fixed time. */
    private static AuthScheme<AwsCredentialsIdentity> signingAt(Instant time) {
        Clock clock = Clock.fixed(time, ZoneOffset.UTC);
        AwsV4HttpSigner signer = AwsV4HttpSigner.create();
        HttpSigner<AwsCredentialsIdentity> clocked = new HttpSigner<>() {
            @Override
            public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
                return signer.sign(request.copy(r -> r.putProperty(HttpSigner.SIGNING_CLOCK, clock)));
            }

            @Override
            public CompletableFuture<AsyncSignedRequest> signAsync(
                    AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
                return signer.signAsync(request.copy(r -> r.putProperty(HttpSigner.SIGNING_CLOCK, clock)));
            }
        };
        return new AuthScheme<>() {
            @Override
            public String schemeId() {
                return "aws.auth#sigv4";
            }

            @Override
            public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
                return providers.identityProvider(AwsCredentialsIdentity.class);
            }

            @Override
            public HttpSigner<AwsCredentialsIdentity> signer() {
                return clocked;
            }
        };
    }

    /** The headers the SDK's signer gives a ListTables request to {@code uri} with {@code body}. */
    private static Map<String, String> sign(URI uri, String body) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(KEY, SECRET))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        signed.request().forEachHeader((name, values) -> headers.put(name, values.get(0)));
        return headers;
    }

    private static HttpResponse<String> send(URI uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
        Set<String> restricted = Set.of("host", "content-length");
        headers.forEach((name, value) -> {
            if (!restricted.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                request.header(name, value);
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, String type, String message) throws IOException {
        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(body.path("__type").asText()).isEqualTo("com.amazon.coral.service#" + type);
        assertThat(body.path("message").asText()).isEqualTo(message);
    }
}
