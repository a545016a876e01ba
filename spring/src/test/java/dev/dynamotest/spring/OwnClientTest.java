package dev.dynamotest.spring;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.core.Operation;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.spring.app.catalog.Catalog;
import dev.dynamotest.spring.app.catalog.CatalogApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An application that builds its own client from its own properties, which the test points at DynamoTest's. */
// begin own-client
@SpringBootTest(classes = CatalogApplication.class, properties = {
        "catalog.dynamodb.endpoint=${dynamotest.endpoint}",
        "catalog.dynamodb.region=${dynamotest.region}",
        "catalog.dynamodb.access-key=${dynamotest.access-key-id}",
        "catalog.dynamodb.secret-key=${dynamotest.secret-access-key}"})
@DynamoTest(region = "eu-west-1")
@DynamoTable(name = "Products", partitionKey = "sku")
// end own-client
class OwnClientTest {

    @Autowired
    Catalog catalog;

    @Test
    void the_application_s_own_client_reaches_the_endpoint_over_http(Dynamo dynamo) {
        catalog.list("sku-1", "Kettle");

        assertThat(dynamo.table("Products")).item(Key.of("sku", "sku-1")).hasAttribute("name", "Kettle");
        assertThat(dynamo.requests()).hasCount(Operation.PUT_ITEM, 1);
    }

    @Test
    void the_engine_s_own_http_endpoint_serves_on_the_application_s_library_versions(Dynamo dynamo) {
        try (DynamoDbClient overHttp = DynamoDbClient.builder()
                .endpointOverride(dynamo.endpoint())
                .region(dynamo.region())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            assertThat(overHttp.listTables().tableNames()).containsExactly("Products");
        }
    }

    @Test
    void a_fault_rule_applies_to_the_application_s_own_client(Dynamo dynamo) {
        dynamo.faults().throttle(Operation.PUT_ITEM).onTable("Products").times(1);

        catalog.list("sku-2", "Toaster");

        assertThat(dynamo.requests()).hasFaults(1).hasCallWithAttempts(2);
    }
}
