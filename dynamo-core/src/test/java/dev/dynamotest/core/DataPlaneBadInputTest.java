package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Bad inputs to Query, Scan, BatchGetItem, BatchWriteItem, TransactGetItems and TransactWriteItems that the
 * operations' own tests leave out, answered with DynamoDB's error code and exact message.
 */
class DataPlaneBadInputTest {

    private static final String VALIDATION = "ValidationException";

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        client.createTable(b -> b.tableName("Events").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                        d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("sk").attributeType(ScalarAttributeType.N),
                        d -> d.attributeName("kind").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
                .globalSecondaryIndexes(g -> g.indexName("byKind")
                        .keySchema(k -> k.attributeName("kind").keyType("HASH"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        endpoint.createTable("Users", "pk", null, null);
    }

    private static Map<String, AttributeValue> event(String pk, int sk) {
        return Map.of("pk", s(pk), "sk", n(Integer.toString(sk)));
    }

    // Query

    @Test
    void query_rejects_bad_key_condition_expressions() {
        assertError(() -> client.query(q -> q.tableName("Events").keyConditionExpression("pk = :p OR sk = :s")
                .expressionAttributeValues(Map.of(":p", s("a"), ":s", n("1")))), VALIDATION,
                "Invalid operator used in KeyConditionExpression: OR");
        assertError(() -> client.query(q -> q.tableName("Events").keyConditionExpression("pk = :p AND pk = :q")
                .expressionAttributeValues(Map.of(":p", s("a"), ":q", s("b")))), VALIDATION,
                "KeyConditionExpressions must only contain one condition per key");
        assertError(() -> client.query(q -> q.tableName("Events").keyConditionExpression("pk = :p AND extra = :s")
                .expressionAttributeValues(Map.of(":p", s("a"), ":s", n("1")))), VALIDATION,
                "Query condition missed key schema element: sk");
        assertError(() -> client.query(q -> q.tableName("Events")
                .keyConditionExpression("pk = :p AND sk = :s AND extra = :s")
                .expressionAttributeValues(Map.of(":p", s("a"), ":s", n("1")))), VALIDATION,
                "Conditions can be of length 1 or 2 only");
        assertError(() -> client.query(q -> q.tableName("Events").keyConditionExpression("pk = :p")),
                VALIDATION, "Invalid KeyConditionExpression: An expression attribute value used in expression is not"
                        + " defined; attribute value: :p");
        assertError(() -> client.query(q -> q.tableName("Events").keyConditionExpression("pk = :p AND")
                .expressionAttributeValues(Map.of(":p", s("a")))), VALIDATION,
                "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
    }

    @Test
    void query_rejects_operators_the_sort_key_type_does_not_allow() {
        assertError(() -> client.query(q -> q.tableName("Events")
                .keyConditionExpression("pk = :p AND begins_with(sk, :s)")
                .expressionAttributeValues(Map.of(":p", s("a"), ":s", n("1")))), VALIDATION,
                "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or"
                        + " function: begins_with, operand type: N");
        assertError(() -> client.query(q -> q.tableName("Events")
                .keyConditionExpression("pk = :p AND sk BETWEEN :hi AND :lo")
                .expressionAttributeValues(Map.of(":p", s("a"), ":hi", n("5"), ":lo", n("1")))), VALIDATION,
                "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or"
                        + " equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand:"
                        + " AttributeValue: {N:1}");
        assertError(() -> client.query(q -> q.tableName("Events").keyConditionExpression("pk = :p AND sk = :s")
                .expressionAttributeValues(Map.of(":p", s("a"), ":s", s("1")))), VALIDATION,
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }

    @Test
    void query_rejects_mixing_expressions_with_legacy_parameters() {
        Condition equalsA = Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("a"))
                .build();
        assertError(() -> client.query(q -> q.tableName("Events").keyConditions(Map.of("pk", equalsA))
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("a")))), VALIDATION,
                "Can not use both expression and non-expression parameters in the same request: Non-expression"
                        + " parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}");
        assertError(() -> client.query(q -> q.tableName("Events").keyConditionExpression("pk = :p")
                .attributesToGet("sk").projectionExpression("sk").expressionAttributeValues(Map.of(":p", s("a")))),
                VALIDATION, "Can not use both expression and non-expression parameters in the same request:"
                        + " Non-expression parameters: {AttributesToGet} Expression parameters: {KeyConditionExpression,"
                        + " ProjectionExpression}");
    }

    @Test
    void query_rejects_a_consistent_read_on_a_global_index_and_bad_names() {
        assertError(() -> client.query(q -> q.tableName("Events").indexName("byKind").consistentRead(true)
                .keyConditionExpression("kind = :k").expressionAttributeValues(Map.of(":k", s("a")))), VALIDATION,
                "Consistent reads are not supported on global secondary indexes");
        assertError(() -> client.query(q -> q.tableName("ab").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a")))), VALIDATION,
                "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 3");
        assertError(() -> client.query(q -> q.tableName("Events").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a"))).limit(-1)), VALIDATION,
                "1 validation error detected: Value '-1' at 'limit' failed to satisfy constraint: Member must have"
                        + " value greater than or equal to 1");
    }

    // Scan

    @Test
    void scan_rejects_bad_segments_and_limits() {
        assertError(() -> client.scan(r -> r.tableName("Events").segment(-1).totalSegments(2)), VALIDATION,
                "1 validation error detected: Value '-1' at 'segment' failed to satisfy constraint: Member must have"
                        + " value greater than or equal to 0");
        assertError(() -> client.scan(r -> r.tableName("Events").segment(0).totalSegments(0)), VALIDATION,
                "1 validation error detected: Value '0' at 'totalSegments' failed to satisfy constraint: Member must"
                        + " have value greater than or equal to 1");
        assertError(() -> client.scan(r -> r.tableName("Events").limit(0)), VALIDATION,
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have"
                        + " value greater than or equal to 1");
    }

    @Test
    void scan_rejects_bad_expressions_indexes_and_tables() {
        assertError(() -> client.scan(r -> r.tableName("Events").filterExpression("v = :v")), VALIDATION,
                "Invalid FilterExpression: An expression attribute value used in expression is not defined;"
                        + " attribute value: :v");
        assertError(() -> client.scan(r -> r.tableName("Events").filterExpression("v = :v")
                .scanFilter(Map.of("v", Condition.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build()))
                .expressionAttributeValues(Map.of(":v", n("1")))), VALIDATION,
                "Can not use both expression and non-expression parameters in the same request: Non-expression"
                        + " parameters: {ScanFilter} Expression parameters: {FilterExpression}");
        assertError(() -> client.scan(r -> r.tableName("Events").indexName("byKind").consistentRead(true)),
                VALIDATION, "Consistent reads are not supported on global secondary indexes");
        assertError(() -> client.scan(r -> r.tableName("Nope")), "ResourceNotFoundException",
                "Requested resource not found");
    }

    // BatchGetItem

    @Test
    void batch_get_rejects_an_empty_key_list_and_bad_keys() {
        assertError(() -> client.batchGetItem(b -> b.requestItems(Map.of("Users",
                KeysAndAttributes.builder().keys(List.of()).build()))), VALIDATION,
                "1 validation error detected: Value '[]' at 'requestItems.Users.member.keys' failed to satisfy"
                        + " constraint: Member must have length greater than or equal to 1");
        assertError(() -> client.batchGetItem(b -> b.requestItems(Map.of("Users",
                KeysAndAttributes.builder().keys(Map.of("pk", s("a"), "other", s("b"))).build()))), VALIDATION,
                "The provided key element does not match the schema");
        assertError(() -> client.batchGetItem(b -> b.requestItems(Map.of("Users",
                KeysAndAttributes.builder().keys(Map.of("pk", s(""))).build()))), VALIDATION,
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an"
                        + " empty string value. Key: pk");
    }

    @Test
    void batch_get_rejects_mixed_projections_and_undefined_names() {
        assertError(() -> client.batchGetItem(b -> b.requestItems(Map.of("Users",
                KeysAndAttributes.builder().keys(Map.of("pk", s("a"))).attributesToGet("x").projectionExpression("x")
                        .build()))), VALIDATION,
                "Can not use both expression and non-expression parameters in the same request: Non-expression"
                        + " parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
        assertError(() -> client.batchGetItem(b -> b.requestItems(Map.of("Users",
                KeysAndAttributes.builder().keys(Map.of("pk", s("a"))).projectionExpression("#x").build()))),
                VALIDATION, "Invalid ProjectionExpression: An expression attribute name used in the document path is"
                        + " not defined; attribute name: #x");
    }

    // BatchWriteItem

    @Test
    void batch_write_rejects_a_request_with_both_or_neither_action() {
        WriteRequest both = WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("a"))).build())
                .deleteRequest(DeleteRequest.builder().key(Map.of("pk", s("b"))).build()).build();
        WriteRequest neither = WriteRequest.builder().build();
        String message = "Supplied WriteRequest must contain exactly one of PutRequest or DeleteRequest";

        assertError(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Users", List.of(both)))), VALIDATION,
                message);
        assertError(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Users", List.of(neither)))), VALIDATION,
                message);
    }

    @Test
    void batch_write_rejects_bad_keys_and_index_keys() {
        assertError(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Users", List.of(WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(Map.of("pk", s("a"), "x", s("b"))).build()).build())))),
                VALIDATION, "The provided key element does not match the schema");
        assertError(() -> client.batchWriteItem(b -> b.requestItems(Map.of("Events", List.of(WriteRequest.builder()
                .putRequest(PutRequest.builder().item(Map.of("pk", s("a"), "sk", n("1"), "kind", n("2"))).build())
                .build())))), VALIDATION,
                "One or more parameter values were invalid: Type mismatch for Index Key kind Expected: S Actual: N"
                        + " IndexName: byKind");
    }

    // TransactGetItems

    @Test
    void transact_get_rejects_empty_and_oversized_lists() {
        List<TransactGetItem> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(get("Users", Map.of("pk", s("k" + i))));
        }

        assertError(() -> client.transactGetItems(b -> b.transactItems(List.of())), VALIDATION,
                "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 1");
        assertErrorStartsAndEnds(() -> client.transactGetItems(b -> b.transactItems(many)),
                "1 validation error detected: Value '[com.amazonaws.dynamodb.v20120810.TransactGetItem@",
                "]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to"
                        + " 100");
    }

    @Test
    void transact_get_rejects_undefined_projection_names() {
        assertError(() -> client.transactGetItems(b -> b.transactItems(TransactGetItem.builder().get(Get.builder()
                .tableName("Users").key(Map.of("pk", s("a"))).projectionExpression("#x").build()).build())),
                VALIDATION, "Invalid ProjectionExpression: An expression attribute name used in the document path is"
                        + " not defined; attribute name: #x");
    }

    // TransactWriteItems

    @Test
    void transact_write_rejects_a_long_client_token_and_bad_enum_values() {
        String token = "t".repeat(37);
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName("Users")
                .item(Map.of("pk", s("a"))).returnValuesOnConditionCheckFailure("ALL_NEW").build()).build();

        assertError(() -> client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("Users").item(Map.of("pk", s("a"))).build())
                        .build())), VALIDATION,
                "1 validation error detected: Value '" + token + "' at 'clientRequestToken' failed to satisfy"
                        + " constraint: Member must have length less than or equal to 36");
        assertError(() -> client.transactWriteItems(b -> b.transactItems(put)), VALIDATION,
                "1 validation error detected: Value 'ALL_NEW' at"
                        + " 'transactItems.1.member.put.returnValuesOnConditionCheckFailure' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [ALL_OLD, NONE]");
    }

    @Test
    void transact_write_rejects_bad_expressions_and_keys_before_writing() {
        assertError(() -> client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("Users")
                        .key(Map.of("pk", s("a"))).conditionExpression("x = :x").build()).build())), VALIDATION,
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined;"
                        + " attribute value: :x");
        assertError(() -> client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().delete(Delete.builder().tableName("Events")
                        .key(Map.of("pk", s("a"))).build()).build())), VALIDATION,
                "The provided key element does not match the schema");
        assertError(() -> client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("Users")
                        .item(Map.of("pk", s("a"), "big", s("x".repeat(400 * 1024)))).build()).build())), VALIDATION,
                "Item size has exceeded the maximum allowed size");
    }

    private static TransactGetItem get(String table, Map<String, AttributeValue> key) {
        return TransactGetItem.builder().get(Get.builder().tableName(table).key(key).build()).build();
    }

    private static void assertErrorStartsAndEnds(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            String start, String end) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call)
                .isInstanceOfSatisfying(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.awsErrorDetails().errorMessage())
                                .startsWith(start).endsWith(end));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
