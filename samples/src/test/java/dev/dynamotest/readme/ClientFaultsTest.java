package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.core.Operation.PUT_ITEM;

import dev.dynamotest.faults.ClientFaults;
import dev.dynamotest.faults.Faults;
import dev.dynamotest.faults.SdkRetries;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk")
class ClientFaultsTest {

    @Test
    void applies_fault_rules_inside_a_client_of_your_own(Dynamo dynamo) {
        // begin client
        ClientFaults faults = Faults.forClients();
        DynamoDbClient client = DynamoDbClient.builder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(faults.executionInterceptor())
                        .applyMutation(SdkRetries.withoutBackoff()))     // the SDK's retries, without waits
                .endpointOverride(dynamo.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        faults.throttle(PUT_ITEM).times(2);
        // end client
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"))));
        client.close();
        assertThat(dynamo.table("Orders")).hasItemCount(1);
    }
}
