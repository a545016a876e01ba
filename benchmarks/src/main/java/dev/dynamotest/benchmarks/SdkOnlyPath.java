package dev.dynamotest.benchmarks;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The floor under the suite path ({@link SuitePath}): the SDK client's own cost per PutItem on that path, with no
 * engine behind it. In this (fresh) JVM, {@code --classes} times: a new {@code DynamoDbClient} (as each test class
 * gets one) whose HTTP client answers every call with {@code {}} at once, three rounds of {@code --calls} PutItems;
 * prints the median over the classes of each class's median per call, by round.
 *
 * <pre>{@code
 * java -cp dynamotest-benchmarks.jar dev.dynamotest.benchmarks.SdkOnlyPath [--classes 30] [--calls 100]
 * }</pre>
 */
public final class SdkOnlyPath {

    private static final int ROUNDS = 3;

    private SdkOnlyPath() {
    }

    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        int classes = (int) args.number("classes", 30);
        int calls = (int) args.number("calls", 100);
        double[][] medians = new double[ROUNDS][classes];
        for (int c = 0; c < classes; c++) {
            try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create("http://localhost"))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                    .httpClient(new EmptyAnswers()).build()) {
                for (int round = 0; round < ROUNDS; round++) {
                    long[] nanos = new long[calls];
                    for (int i = 0; i < calls; i++) {
                        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("k" + i),
                                "v", AttributeValue.fromN("1"));
                        long start = System.nanoTime();
                        client.putItem(r -> r.tableName("Orders").item(item));
                        nanos[i] = System.nanoTime() - start;
                    }
                    Arrays.sort(nanos);
                    medians[round][c] = nanos[calls / 2] / 1000.0;
                }
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            Arrays.sort(medians[round]);
            System.out.printf(Locale.ROOT, "SDK only, PutItem, round %d: %.1f us (median over %d classes)%n",
                    round + 1, medians[round][classes / 2], classes);
        }
    }

    /** An HTTP client that reads each request and answers it with an empty JSON object at once. */
    private static final class EmptyAnswers implements SdkHttpClient {

        private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws java.io.IOException {
                    if (request.contentStreamProvider().isPresent()) {
                        request.contentStreamProvider().get().newStream().readAllBytes();
                    }
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Length", Integer.toString(EMPTY_OBJECT.length)).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(EMPTY_OBJECT)))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
