package dev.dynamotest.readme;

import static dev.dynamotest.core.Operation.GET_ITEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.DaxServer;
import dev.dynamotest.core.Door;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.faults.DaxOutage;
import dev.dynamotest.faults.EngineFaults;
import dev.dynamotest.faults.Faults;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

class DaxFaultsTest {

    @Test
    void dax_faults() throws Exception {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret"));
        try (DynamoEngine engine = DynamoEngine.create();
                DaxServer dax = DaxServer.start(engine);
                EngineFaults faults = Faults.on(engine);
                DynamoDbClient dynamo = DynamoDbClient.builder().region(Region.US_EAST_1)
                        .endpointOverride(URI.create("http://localhost")).credentialsProvider(credentials)
                        .httpClient(engine.sdkHttpClient()).build();
                DynamoDbClient cached = ClusterDaxClient.builder().overrideConfiguration(Configuration.builder()
                        .url(dax.url().toString()).region(Region.US_EAST_1).credentialsProvider(credentials)
                        .readRetries(0).writeRetries(0).build()).build()) {
            dynamo.createTable(t -> t.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("o1"));
            long mark = engine.requests().mark();

            // a rule aimed at the DAX door: DAX's client raises DynamoDB's exception, other clients are spared
            faults.throttle(GET_ITEM).onTable("Orders").through(Door.DAX).once();
            assertThatThrownBy(() -> cached.getItem(g -> g.tableName("Orders").key(key)))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);
            dynamo.getItem(g -> g.tableName("Orders").key(key));

            // the journal tells the doors apart
            assertThat(engine.requests().since(mark).through(Door.DAX).size()).isEqualTo(1);

            // a DAX node outage: the DAX client fails, the table stays reachable; closing it brings the node back
            try (DaxOutage outage = faults.daxOutage(dax)) {
                assertThatThrownBy(() -> cached.getItem(g -> g.tableName("Orders").key(key)))
                        .isInstanceOf(SdkException.class);
                dynamo.getItem(g -> g.tableName("Orders").key(key));
            }
            assertThat(dax.isUp()).isTrue();
        }
    }
}
