package dev.dynamotest.spring.internal;

import dev.dynamotest.spring.DynamoTestClients;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Spring Cloud AWS's customizer of its {@code DynamoDbClient}: the client sends its requests in process to the
 * running class's engine. Loaded only where Spring Cloud AWS is on the class path.
 */
final class InProcessCustomizer implements DynamoDbClientCustomizer {

    private final DynamoTestClients clients;

    InProcessCustomizer(DynamoTestClients clients) {
        this.clients = clients;
    }

    @Override
    public void customize(DynamoDbClientBuilder builder) {
        builder.httpClient(clients.httpClient());
    }
}
