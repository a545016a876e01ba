package dev.dynamotest.assertions.support;

import dev.dynamotest.core.streams.StreamRecords;
import dev.dynamotest.assertions.internal.SdkValues;
import dev.dynamotest.assertions.internal.Values;
import dev.dynamotest.core.changes.ChangeHistory;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.DynamoServer;
import dev.dynamotest.core.tables.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A running endpoint for a test class, with an SDK client writing to it: table {@code Orders} (pk string,
 * sk number, index {@code byStatus} on status) made afresh by {@link #reset()}.
 */
public final class TestEndpoint implements AutoCloseable {

    public static final String REGION = "us-east-1";

    private final DynamoEngine engine = DynamoEngine.create();
    private final DynamoServer server = DynamoServer.start(engine);
    private final DynamoDbClient client = DynamoDbClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    /** Whether the engine implements the operation. */
    public boolean supports(String operation) {
        return engine.supports(operation);
    }

    public DynamoDbClient client() {
        return client;
    }

    public DynamoEngine engine() {
        return engine;
    }

    /** The engine's clock, to freeze and advance. */
    public dev.dynamotest.core.ControllableClock clock() {
        return (dev.dynamotest.core.ControllableClock) engine.clock();
    }

    /** Drops every table and creates {@code Orders} and {@code Customers} empty. */
    public void reset() {
        engine.tables().names(REGION).forEach(name -> engine.tables().drop(REGION, name));
        client.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
                        attribute("status", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
                        .keySchema(key("status", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        client.createTable(b -> b.tableName("Customers").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH)));
    }

    public Table table(String name) {
        return engine.tables().get(REGION, name);
    }

    /** Creates table {@code Events} (pk string) with a stream of that view type. */
    public void createStreamedTable(StreamViewType viewType) {
        client.createTable(b -> b.tableName("Events").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)));
    }

    public StreamRecords stream(String table) {
        return StreamRecords.of(engine.tableStreams(), REGION, table);
    }

    public ChangeHistory mark() {
        return engine.changes().fromNow();
    }

    /** Puts an item given as alternating attribute names and plain Java values. */
    public void put(String table, Object... attributes) {
        client.putItem(b -> b.tableName(table).item(SdkValues.toSdk(Values.item(map(attributes)))));
    }

    public void delete(String table, Object... key) {
        client.deleteItem(b -> b.tableName(table).key(SdkValues.toSdk(Values.item(map(key)))));
    }

    /** Puts {@code count} orders A#1.. with sk 1 and status NEW. */
    public List<String> putOrders(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            put("Orders", "pk", "A#" + i, "sk", 1, "status", "NEW");
            keys.add("A#" + i);
        }
        return keys;
    }

    public static Map<String, Object> map(Object... attributes) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put((String) attributes[i], attributes[i + 1]);
        }
        return map;
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    @Override
    public void close() {
        client.close();
        server.close();
        engine.close();
    }
}
