package dev.dynamotest.core;

import static dev.dynamotest.core.BatchWriteTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The error each bad statement gets: DynamoDB's type and exact message. */
class PartiqlBadStatementTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    private static final String MALFORMED = "ValidationException: Statement wasn't well formed, can't be processed: ";

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Tab", "pk", "sk", ScalarAttributeType.N);
    }

    static Stream<Arguments> badStatements() {
        return Stream.of(
                Arguments.of("FETCH * FROM Tab", MALFORMED + "Expected data manipulation"),
                Arguments.of("SELECT * FROM", MALFORMED + "Unexpected end of statement at line 1, column 14"),
                Arguments.of("SELECT * FROM Tab WHERE", MALFORMED + "Unexpected end of statement at line 1, column 24"),
                Arguments.of("SELECT * FROM Tab WHERE pk = 'a' AND", MALFORMED
                        + "Unexpected end of statement at line 1, column 37"),
                Arguments.of("SELECT * FROM Tab WHERE pk == 'a'", MALFORMED + "Unexpected token = at line 1, column 29"),
                Arguments.of("SELECT * FROM Tab\nWHERE pk = 'a' LIMIT 5", MALFORMED
                        + "Unexpected keyword LIMIT at line 2, column 16"),
                Arguments.of("SELECT * FROM Tab WHERE pk = \"a\" extra", MALFORMED
                        + "Unexpected token extra at line 1, column 34"),
                Arguments.of("SELECT * FROM Tab WHERE pk = 'a", MALFORMED + "Unterminated string at line 1, column 30"),
                Arguments.of("SELECT * FROM Tab WHERE pk = # 1", MALFORMED
                        + "Unexpected character '#' at line 1, column 30"),
                Arguments.of("SELECT * FROM old", MALFORMED + "Unexpected keyword old at line 1, column 15"),
                Arguments.of("INSERT INTO Tab VALUES {'pk': 'a'}", MALFORMED
                        + "Unexpected keyword VALUES at line 1, column 17"),
                Arguments.of("INSERT INTO Tab VALUE 'a'", MALFORMED
                        + "Expected an item, a map value {...}, at line 1, column 23"),
                Arguments.of("INSERT INTO Tab VALUE {'pk': <<'a', 1>>}", MALFORMED + "A set holds strings, numbers or "
                        + "binaries of one type; unexpected member at line 1, column 37"),
                Arguments.of("UPDATE Tab WHERE pk = 'a' AND sk = 1", MALFORMED + "Unexpected keyword WHERE at line 1, column 12"),
                Arguments.of("DELETE FROM Tab", MALFORMED + "Unexpected end of statement at line 1, column 16"),
                Arguments.of("SELECT * FROM Tab WHERE pk = ?", "ValidationException: Number of parameters in request and "
                        + "statement don't match."),
                Arguments.of("UPDATE Tab SET a = 1 WHERE pk = 'a'", "ValidationException: Where clause does not "
                        + "contain a mandatory equality on all key attributes"),
                Arguments.of("DELETE FROM Tab WHERE pk = 'a' OR sk = 1", "ValidationException: Where clause does not "
                        + "contain a mandatory equality on all key attributes"),
                Arguments.of("DELETE FROM Tab WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW *", "ValidationException: "
                        + "Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in "
                        + "DELETE statements."),
                Arguments.of("SELECT * FROM Nope", "ResourceNotFoundException: Requested resource not found"),
                Arguments.of("SELECT * FROM Tab.Nope WHERE x = 1", "ResourceNotFoundException: Requested resource not "
                        + "found"),
                Arguments.of("SELECT * FROM Tab WHERE a = 1 ORDER BY sk", "ValidationException: Unsupported operation: "
                        + "ORDER BY needs an equality or IN on the partition key in the WHERE clause, and at most one "
                        + "condition on the sort key"),
                Arguments.of("SELECT * FROM Tab WHERE pk = 'a' ORDER BY a", "ValidationException: Unsupported "
                        + "operation: ORDER BY is only supported on the sort key"),
                Arguments.of("EXISTS(SELECT * FROM Tab WHERE pk = 'a' AND sk = 1 AND a = 1)", "ValidationException: "
                        + "Unsupported operation: EXISTS is only supported in ExecuteTransaction"),
                Arguments.of("UPDATE Tab SET a = set_add(b, <<'x'>>) WHERE pk = 'a' AND sk = 1", "ValidationException: "
                        + "Unsupported operation: set_add takes the attribute it sets and a set value: "
                        + "SET a = set_add(a, <<...>>)"),
                Arguments.of("INSERT INTO Tab VALUE {'pk': 'a'}", "ValidationException: One or more parameter values "
                        + "were invalid: Missing the key sk in the item"),
                Arguments.of("UPDATE Tab SET sk = 2 WHERE pk = 'a' AND sk = 1", "ValidationException: One or more "
                        + "parameter values were invalid: Cannot update attribute sk. This attribute is part of the "
                        + "key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badStatements")
    void a_bad_statement_gets_dynamodbs_error(String statement, String error) {
        assertThat(BatchWriteTest.errorOf(() -> client.executeStatement(r -> r.statement(statement))))
                .isEqualTo(error);
    }

    @Test
    void a_parameter_too_many_is_refused() {
        assertThat(BatchWriteTest.errorOf(() -> client.executeStatement(r -> r
                .statement("SELECT * FROM Tab WHERE pk = ?").parameters(s("a"), s("b")))))
                .isEqualTo("ValidationException: Number of parameters in request and statement don't match.");
    }

    @Test
    void the_request_members_are_checked_as_dynamodb_checks_them() {
        assertThat(BatchWriteTest.errorOf(() -> client.executeStatement(r -> r.statement("x".repeat(8193)))))
                .startsWith("ValidationException: 1 validation error detected: Value '")
                .endsWith("' at 'statement' failed to satisfy constraint: Member must have length less than or equal "
                        + "to 8192");
        assertThat(BatchWriteTest.errorOf(() -> client.executeStatement(r -> r
                .statement("SELECT * FROM Tab").limit(0))))
                .isEqualTo("ValidationException: 1 validation error detected: Value '0' at 'limit' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 1");
        assertThat(BatchWriteTest.errorOf(() -> client.executeStatement(r -> r
                .statement("SELECT * FROM Tab").parameters(List.<AttributeValue>of()))))
                .isEqualTo("ValidationException: 1 validation error detected: Value '[]' at 'parameters' failed to "
                        + "satisfy constraint: Member must have length greater than or equal to 1");
        assertThat(BatchWriteTest.errorOf(() -> client.executeStatement(r -> r
                .statement("INSERT INTO Tab VALUE {'pk': 'n', 'sk': 1}").nextToken("abc"))))
                .isEqualTo("ValidationException: NextToken does not match request");
    }
}
