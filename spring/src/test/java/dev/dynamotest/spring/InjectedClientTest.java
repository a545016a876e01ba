package dev.dynamotest.spring;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.spring.DynamoTestClients;
import dev.dynamotest.spring.app.catalog.Catalog;
import dev.dynamotest.spring.app.catalog.CatalogApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The application's own client bean replaced by the context's in-process client. */
@SpringBootTest(classes = CatalogApplication.class, properties = {
        "catalog.dynamodb.endpoint=${dynamotest.endpoint}",
        "catalog.dynamodb.region=${dynamotest.region}",
        "catalog.dynamodb.access-key=${dynamotest.access-key-id}",
        "catalog.dynamodb.secret-key=${dynamotest.secret-access-key}"})
@Import(InjectedClientTest.InProcessClient.class)
@DynamoTest(region = "eu-west-1")
@DynamoTable(name = "Products", partitionKey = "sku")
class InjectedClientTest {

    // begin in-process-client
    @TestConfiguration
    static class InProcessClient {
        @Bean
        @Primary
        DynamoDbClient inProcessClient(DynamoTestClients clients) {
            return clients.client();
        }
    }
    // end in-process-client

    @Autowired
    Catalog catalog;

    @Autowired
    DynamoTestClients clients;

    @Test
    void the_application_takes_the_in_process_client(Dynamo dynamo) {
        catalog.list("sku-1", "Kettle");

        assertThat(catalog.client()).isSameAs(clients.client());
        assertThat(dynamo.table("Products")).item(Key.of("sku", "sku-1")).hasAttribute("name", "Kettle");
    }
}
