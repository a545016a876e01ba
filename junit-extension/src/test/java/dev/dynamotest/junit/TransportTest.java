package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamotest.junit.support.Fixtures;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The injected clients go in process unless a class asks for HTTP, and the class's HTTP endpoint starts only when
 * something needs its URL. The HTTP endpoint's request threads ({@code dynamotest-http}) show whether one started.
 */
class TransportTest {

    private static final Map<String, AttributeValue> ITEM = Map.of("pk", AttributeValue.fromS("A"),
            "status", AttributeValue.fromS("NEW"));

    /** The HTTP endpoints' request threads alive now. */
    static Set<Thread> httpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("dynamotest-http"))
                .collect(Collectors.toSet());
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_IMAGE)
    static class OnlyInjectedClients {

        @Test
        void every_injected_client_works_without_an_http_server(DynamoDbClient client, DynamoDbAsyncClient async,
                DynamoDbEnhancedClient enhanced, DynamoDbStreamsClient streams, Dynamo dynamo) {
            Set<Thread> before = httpThreads();
            List<String> servedOn = new CopyOnWriteArrayList<>();
            dynamo.engine().addInterceptor((request, next) -> {
                servedOn.add(Thread.currentThread().getName());
                return next.proceed(request);
            });

            client.putItem(r -> r.tableName("Orders").item(ITEM));
            assertThat(servedOn).containsExactly(Thread.currentThread().getName());
            assertThat(async.getItem(r -> r.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("A"))))
                    .join().item()).isEqualTo(ITEM);
            var orders = enhanced.table("Orders", TableSchema.documentSchemaBuilder()
                    .addIndexPartitionKey(TableMetadata.primaryIndexName(), "pk", AttributeValueType.S)
                    .attributeConverterProviders(AttributeConverterProvider.defaultProvider()).build());
            assertThat(orders.getItem(Key.builder().partitionValue("A").build()).getString("status"))
                    .isEqualTo("NEW");
            assertThat(streams.listStreams().streams()).hasSize(1);
            assertThat(dynamo.clientFor(Region.EU_WEST_1).listTables().tableNames()).isEmpty();
            assertThat(dynamo.toString()).contains("in process");

            assertThat(httpThreads()).isSubsetOf(before);
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class AskingForTheEndpoint {

        @Test
        void the_endpoint_is_served_once_asked_for(DynamoDbClient client, Dynamo dynamo) throws Exception {
            client.putItem(r -> r.tableName("Orders").item(ITEM));
            Set<Thread> before = httpThreads();

            try (DynamoDbClient own = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("own", "own")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build()) {
                assertThat(own.getItem(r -> r.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("A"))))
                        .item()).isEqualTo(ITEM);
            }
            assertThat(httpThreads()).isNotEmpty().isNotEqualTo(before);
            assertThat(dynamo.toString()).contains(dynamo.endpoint().toString());
        }
    }

    @DynamoTest(transport = Transport.HTTP)
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class OverHttp {

        @Test
        void the_injected_clients_go_over_http(DynamoDbClient client, Dynamo dynamo) {
            List<String> servedOn = new CopyOnWriteArrayList<>();
            dynamo.engine().addInterceptor((request, next) -> {
                servedOn.add(Thread.currentThread().getName());
                return next.proceed(request);
            });

            client.putItem(r -> r.tableName("Orders").item(ITEM));

            assertThat(servedOn).singleElement().asString().startsWith("dynamotest-http");
            assertThat(dynamo.toString()).contains(dynamo.endpoint().toString());
        }
    }

    @Test
    void a_class_that_only_uses_injected_clients_never_starts_the_http_server() {
        assertAllPassed(Fixtures.run(OnlyInjectedClients.class), 1);
    }

    @Test
    void the_endpoint_starts_when_a_test_asks_for_it() {
        assertAllPassed(Fixtures.run(AskingForTheEndpoint.class), 1);
    }

    @Test
    void a_class_may_send_its_clients_over_http() {
        assertAllPassed(Fixtures.run(OverHttp.class), 1);
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    static class ServingTheCli {

        @Test
        void the_aws_cli_reads_what_an_injected_client_wrote(DynamoDbClient client, Dynamo dynamo) throws Exception {
            client.putItem(r -> r.tableName("Orders").item(ITEM));

            ProcessBuilder cli = new ProcessBuilder("aws", "dynamodb", "get-item", "--endpoint-url",
                    dynamo.endpoint().toString(), "--region", "us-east-1", "--table-name", "Orders",
                    "--key", "{\"pk\": {\"S\": \"A\"}}", "--output", "json").redirectErrorStream(true);
            cli.environment().put("AWS_ACCESS_KEY_ID", "test");
            cli.environment().put("AWS_SECRET_ACCESS_KEY", "test");
            Process process = cli.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("\"status\"").contains("\"NEW\"");
        }
    }

    @Test
    void the_endpoint_serves_the_aws_cli() {
        assumeTrue(onPath("aws"), "the AWS CLI is not on the PATH");
        assertAllPassed(Fixtures.run(ServingTheCli.class), 1);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
