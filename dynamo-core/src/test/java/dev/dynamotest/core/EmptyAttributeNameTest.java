package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An attribute name of no characters, which DynamoDB's naming rules forbid: refused in ExpressionAttributeNames
 * (whatever expression uses it), in items written by every operation, and in AttributesToGet.
 */
class EmptyAttributeNameTest {

    private static final String VALIDATION = "ValidationException";
    private static final String EMPTY_NAME = "ExpressionAttributeNames contains invalid value: Empty attribute name "
            + "for key #x";
    private static final String EMPTY_ITEM_NAME = "One or more parameter values are not valid. Attribute name cannot "
            + "be empty";
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("a"));
    private static final Map<String, String> NAMES = Map.of("#x", "");
    private static final Map<String, AttributeValue> VALUES = Map.of(":v", AttributeValue.fromS("v"));

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Names", "pk", null, null);
        client.putItem(p -> p.tableName("Names").item(Map.of("pk", AttributeValue.fromS("a"),
                "x", AttributeValue.fromS("v"))));
    }

    @Test
    void an_empty_expression_attribute_name_is_refused_in_every_expression() {
        assertError(() -> client.updateItem(u -> u.tableName("Names").key(KEY).updateExpression("SET #x = :v")
                .expressionAttributeNames(NAMES).expressionAttributeValues(VALUES)), VALIDATION, EMPTY_NAME);
        assertError(() -> client.getItem(g -> g.tableName("Names").key(KEY).projectionExpression("#x")
                .expressionAttributeNames(NAMES)), VALIDATION, EMPTY_NAME);
        assertError(() -> client.scan(s -> s.tableName("Names").filterExpression("#x = :v")
                .expressionAttributeNames(NAMES).expressionAttributeValues(VALUES)), VALIDATION, EMPTY_NAME);
        assertError(() -> client.putItem(p -> p.tableName("Names").item(Map.of("pk", AttributeValue.fromS("b")))
                .conditionExpression("attribute_not_exists(#x)").expressionAttributeNames(NAMES)),
                VALIDATION, EMPTY_NAME);
        assertError(() -> client.query(q -> q.tableName("Names").keyConditionExpression("pk = :v")
                .filterExpression("attribute_exists(#x)").expressionAttributeNames(NAMES)
                .expressionAttributeValues(VALUES)), VALIDATION, EMPTY_NAME);
        assertThat(client.getItem(g -> g.tableName("Names").key(KEY)).item()).doesNotContainKey("");
    }

    @Test
    void an_item_with_an_empty_attribute_name_is_refused_by_every_write() {
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("b"), "", AttributeValue.fromS("v"));
        assertError(() -> client.putItem(p -> p.tableName("Names").item(item)), VALIDATION, EMPTY_ITEM_NAME);
        assertError(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Names",
                List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())))),
                VALIDATION, EMPTY_ITEM_NAME);
        assertError(() -> client.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder()
                .put(Put.builder().tableName("Names").item(item).build()).build())), VALIDATION, EMPTY_ITEM_NAME);
        assertError(() -> client.updateItem(u -> u.tableName("Names").key(KEY).attributeUpdates(Map.of("",
                AttributeValueUpdate.builder().action(AttributeAction.PUT).value(AttributeValue.fromS("v")).build()))),
                VALIDATION, EMPTY_ITEM_NAME);
        assertThat(client.scan(s -> s.tableName("Names")).items()).extracting(i -> i.get("pk").s())
                .containsExactly("a");
    }

    @Test
    void an_empty_name_in_attributes_to_get_is_refused() {
        assertError(() -> client.getItem(g -> g.tableName("Names").key(KEY).attributesToGet("pk", "")),
                VALIDATION, EMPTY_ITEM_NAME);
        assertError(() -> client.batchGetItem(b -> b.requestItems(Map.of("Names", KeysAndAttributes.builder()
                .keys(KEY).attributesToGet("").build()))), VALIDATION, EMPTY_ITEM_NAME);
    }
}
