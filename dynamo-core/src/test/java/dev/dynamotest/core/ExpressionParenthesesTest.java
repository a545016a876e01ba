package dev.dynamotest.core;

import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Parentheses in expressions, as DynamoDB's grammar places them: around an operand (a value, a path, a function
 * call) anywhere an operand stands, around a SET value's {@code a + b} or {@code a - b}, around a condition; never
 * two pairs around the same thing (redundant parentheses), nowhere else (a syntax error).
 */
class ExpressionParenthesesTest {

    private static final String VALIDATION = "ValidationException";
    private static final String UPDATE = "Invalid UpdateExpression: ";
    private static final String CONDITION = "Invalid ConditionExpression: ";
    private static final String REDUNDANT = "The expression has redundant parentheses;";

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Counters", "pk", null, null);
    }

    @BeforeEach
    void reset() {
        client.putItem(p -> p.tableName("Counters").item(Map.of("pk", s("a"), "c", n("10"),
                "l", AttributeValue.fromL(java.util.List.of(s("x"))))));
    }

    private static final Map<String, AttributeValue> VALUES = Map.of(":v", n("3"), ":z", n("0"),
            ":l", AttributeValue.fromL(java.util.List.of(s("y"))));

    static Stream<Arguments> accepted_updates() {
        return Stream.of(
                Arguments.of("SET c = (if_not_exists(c, :z) - :v)", "7"),
                Arguments.of("SET c = (c + :v)", "13"),
                Arguments.of("SET c = (:v)", "3"),
                Arguments.of("SET c = ( c - :v )", "7"),
                Arguments.of("SET c = (c) + (:v)", "13"),
                Arguments.of("SET c = ((c) + :v)", "13"),
                Arguments.of("SET c = (c + (:v))", "13"),
                Arguments.of("SET c = (if_not_exists(c, :z)) - :v", "7"),
                Arguments.of("SET c = if_not_exists(c, (:z)) + :v", "13"),
                Arguments.of("SET d = (:v), c = (c - :v)", "7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void accepted_updates(String expression, String c) {
        Map<String, AttributeValue> after = client.updateItem(u -> u.tableName("Counters").key(Map.of("pk", s("a")))
                .updateExpression(expression).expressionAttributeValues(values(expression))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        assertThat(after.get("c")).isEqualTo(n(c));
    }

    @Test
    void parentheses_around_a_function_call_and_its_arguments_work_on_a_missing_item() {
        Map<String, AttributeValue> after = client.updateItem(u -> u.tableName("Counters")
                .key(Map.of("pk", s("new"))).updateExpression("SET c = (if_not_exists(c, :z) - :v), "
                        + "l = (list_append(if_not_exists(l, :l), (:l)))")
                .expressionAttributeValues(VALUES).returnValues(ReturnValue.ALL_NEW)).attributes();
        assertThat(after).containsEntry("c", n("-3"))
                .containsEntry("l", AttributeValue.fromL(java.util.List.of(s("y"), s("y"))));
    }

    static Stream<Arguments> refused_updates() {
        return Stream.of(
                Arguments.of("SET c = ((:v))", REDUNDANT),
                Arguments.of("SET c = ((c + :v))", REDUNDANT),
                Arguments.of("SET c = ((c)) + :v", REDUNDANT),
                Arguments.of("SET c = if_not_exists(c, ((:z)))", REDUNDANT),
                Arguments.of("SET c = (c + :v) + :v", "Syntax error; token: \"+\", near: \") + :v\""),
                Arguments.of("SET c = :v + (c + :v)", "Syntax error; token: \"+\", near: \"c + :v\""),
                Arguments.of("SET c = if_not_exists(c, (:z + :v))", "Syntax error; token: \"+\", near: \":z + :v\""),
                Arguments.of("SET c = (c + :v", "Syntax error; token: \"<EOF>\", near: \":v\""),
                Arguments.of("SET c = c + :v)", "Syntax error; token: \")\", near: \":v)\""),
                Arguments.of("SET c = ()", "Syntax error; token: \")\", near: \"()\""),
                Arguments.of("SET (c) = :v", "Syntax error; token: \"(\", near: \"SET (c\""),
                Arguments.of("REMOVE (c)", "Syntax error; token: \"(\", near: \"REMOVE (c\""),
                Arguments.of("ADD c (:v)", "Syntax error; token: \"(\", near: \"c (:v\""),
                Arguments.of("(SET c = :v)", "Syntax error; token: \"(\", near: \"(SET\""),
                Arguments.of("SET c = (:l + :v)", "Incorrect operand type for operator or function; "
                        + "operator or function: +, operand type: L"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused_updates(String expression, String message) {
        assertError(() -> client.updateItem(u -> u.tableName("Counters").key(Map.of("pk", s("a")))
                .updateExpression(expression).expressionAttributeValues(values(expression))), VALIDATION,
                UPDATE + message);
    }

    static Stream<Arguments> accepted_conditions() {
        return Stream.of(
                Arguments.of("(c) = :ten", true),
                Arguments.of("c = (:ten)", true),
                Arguments.of("((c) = :ten)", true),
                Arguments.of("(c) <> :ten", false),
                Arguments.of("(c) BETWEEN (:ten) AND :ten", true),
                Arguments.of("(c) IN ((:ten), :one)", true),
                Arguments.of("size((l)) = :one", true),
                Arguments.of("(size(l)) = :one", true),
                Arguments.of("NOT (c) = :ten", false),
                Arguments.of("(c) = :one OR ((c) >= :one AND size(l) = (:one))", true),
                Arguments.of("contains((l), (:x))", true),
                Arguments.of("(attribute_exists(c))", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void accepted_conditions(String condition, boolean holds) {
        Map<String, AttributeValue> values = Map.of(":ten", n("10"), ":one", n("1"), ":x", s("x"));
        Map<String, AttributeValue> used = new java.util.HashMap<>();
        values.forEach((k, v) -> {
            if (condition.contains(k)) {
                used.put(k, v);
            }
        });
        int found = client.scan(r -> r.tableName("Counters").filterExpression(condition)
                .expressionAttributeValues(used.isEmpty() ? null : used)).count();
        assertThat(found).isEqualTo(holds ? 1 : 0);
    }

    static Stream<Arguments> refused_conditions() {
        return Stream.of(
                Arguments.of("((c)) = :v", REDUNDANT),
                Arguments.of("c = ((:v))", REDUNDANT),
                Arguments.of("((c = :v))", REDUNDANT),
                Arguments.of("size(((l))) = :v", REDUNDANT),
                Arguments.of("(c = :v", "Syntax error; token: \"<EOF>\", near: \":v\""),
                Arguments.of("(c) = :v)", "Syntax error; token: \")\", near: \":v)\""),
                Arguments.of("(c) :v", "Syntax error; token: \")\", near: \"c) :v\""),
                Arguments.of("(c + :v) = :v", "Syntax error; token: \"+\", near: \"c + :v\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused_conditions(String condition, String message) {
        assertError(() -> client.updateItem(u -> u.tableName("Counters").key(Map.of("pk", s("a")))
                .updateExpression("SET d = :v").conditionExpression(condition)
                .expressionAttributeValues(Map.of(":v", n("1")))), VALIDATION, CONDITION + message);
    }

    @Test
    void projections_take_no_parentheses() {
        assertError(() -> client.getItem(g -> g.tableName("Counters").key(Map.of("pk", s("a")))
                .projectionExpression("(c)")), VALIDATION,
                "Invalid ProjectionExpression: Syntax error; token: \"(\", near: \"(c\"");
        assertError(() -> client.getItem(g -> g.tableName("Counters").key(Map.of("pk", s("a")))
                .projectionExpression("pk, (c)")), VALIDATION,
                "Invalid ProjectionExpression: Syntax error; token: \"(\", near: \", (c\"");
    }

    private static Map<String, AttributeValue> values(String expression) {
        Map<String, AttributeValue> used = new java.util.HashMap<>();
        VALUES.forEach((k, v) -> {
            if (expression.contains(k)) {
                used.put(k, v);
            }
        });
        return used.isEmpty() ? null : used;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
