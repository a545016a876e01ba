package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.core.Operation.PUT_ITEM;

import dev.dynamotest.faults.SdkRetries;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk")
class OwnClientTest {

    @Test
    void a_client_the_code_builds_retries_in_virtual_time_too(Dynamo dynamo) {
        dynamo.faults().throttle(PUT_ITEM).onTable("Orders").times(2);

        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(dynamo.endpoint())
                .region(dynamo.region())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(SdkRetries.virtualTime(dynamo.clock()))
                .build()) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"))));
        }

        assertThat(dynamo.requests()).hasCallWithAttempts(3);
    }
}
