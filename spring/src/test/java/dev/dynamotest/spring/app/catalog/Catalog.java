package dev.dynamotest.spring.app.catalog;

import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Lists products in the Products table with the application's own client. */
@Component
public class Catalog {

    private final DynamoDbClient client;

    public Catalog(DynamoDbClient client) {
        this.client = client;
    }

    public void list(String sku, String name) {
        client.putItem(b -> b.tableName("Products").item(Map.of(
                "sku", AttributeValue.fromS(sku), "name", AttributeValue.fromS(name))));
    }

    public DynamoDbClient client() {
        return client;
    }
}
