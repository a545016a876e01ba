package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A running endpoint on a random port and an AWS SDK v2 client for it, for tests that talk over the wire. */
final class SdkEndpoint implements AutoCloseable {

    private final DynamoEngine engine;
    private final DynamoServer server;
    private final DynamoDbClient client;

    private SdkEndpoint() {
        engine = DynamoEngine.create();
        server = DynamoServer.start(engine, "127.0.0.1", 0);
        client = DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static SdkEndpoint start() {
        return new SdkEndpoint();
    }

    DynamoDbClient client() {
        return client;
    }

    java.net.URI endpoint() {
        return server.endpoint();
    }

    DynamoEngine engine() {
        return engine;
    }

    /** Creates an on-demand table with a string partition key {@code pk} and, when given, a string sort key. */
    String createTable(String name, String sortKey) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (sortKey == null) {
            request.keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"));
        } else {
            request.keySchema(key("pk", KeyType.HASH), key(sortKey, KeyType.RANGE))
                    .attributeDefinitions(attribute("pk"), attribute(sortKey));
        }
        return client.createTable(request.build()).tableDescription().tableArn();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeDefinition attribute(String name) {
        return attribute(name, ScalarAttributeType.S);
    }

    static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    /** Asserts that the call fails with DynamoDB's error code and exact message. */
    static void assertError(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Override
    public void close() {
        client.close();
        server.close();
        engine.close();
    }
}
