package dev.dynamotest.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.DaxConfig;
import dev.dynamotest.core.DaxServer;
import dev.dynamotest.core.DynamoEngine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/** The README's DAX-over-TLS example: a daxs:// server whose self-signed certificate the client's JVM trusts. */
class DaxTlsTest {

    @Test
    void the_dax_client_reaches_a_daxs_server_through_the_jvms_trust_store() throws Exception {
        String savedStore = System.getProperty("javax.net.ssl.trustStore");
        String savedPassword = System.getProperty("javax.net.ssl.trustStorePassword");
        try {
            // begin dax-tls
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
            Path trustStore = Files.createTempFile("dax-trust", ".p12");
            try (DynamoEngine engine = DynamoEngine.create();
                 DaxServer dax = DaxServer.start(engine, DaxConfig.builder().tls(true).build())) {
                dax.writeTrustStore(trustStore, "changeit".toCharArray());   // PKCS12, the certificate alone
                System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
                System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
                try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(engine.sdkHttpClient())
                             .endpointOverride(URI.create("http://localhost")).region(Region.US_EAST_1)
                             .credentialsProvider(credentials).build();
                     DynamoDbClient cached = ClusterDaxClient.builder().overrideConfiguration(Configuration.builder()
                             .url(dax.url().toString())                 // daxs://127.0.0.1:<port>
                             .region(Region.US_EAST_1).credentialsProvider(credentials).build()).build()) {
                    dynamo.createTable(b -> b.tableName("Prices").billingMode(BillingMode.PAY_PER_REQUEST)
                            .keySchema(k -> k.attributeName("sku").keyType(KeyType.HASH))
                            .attributeDefinitions(a -> a.attributeName("sku").attributeType(ScalarAttributeType.S)));
                    cached.putItem(b -> b.tableName("Prices").item(Map.of("sku", AttributeValue.fromS("A1"))));

                    var read = cached.getItem(b -> b.tableName("Prices").key(Map.of("sku", AttributeValue.fromS("A1")))
                            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

                    assertThat(read.item()).containsEntry("sku", AttributeValue.fromS("A1"));
                    assertThat(read.consumedCapacity().capacityUnits()).isZero();   // an item-cache hit
                }
            }
            // end dax-tls
        } finally {
            restore("javax.net.ssl.trustStore", savedStore);
            restore("javax.net.ssl.trustStorePassword", savedPassword);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
