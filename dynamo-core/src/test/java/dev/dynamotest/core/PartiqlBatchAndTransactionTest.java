package dev.dynamotest.core;

import static dev.dynamotest.core.BatchWriteTest.n;
import static dev.dynamotest.core.BatchWriteTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** BatchExecuteStatement and ExecuteTransaction through the SDK. */
class PartiqlBatchAndTransactionTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
        endpoint.createTable("Accounts", null);
    }

    private static BatchStatementRequest statement(String text, AttributeValue... parameters) {
        return BatchStatementRequest.builder().statement(text).parameters(parameters.length == 0 ? null
                : List.of(parameters)).build();
    }

    private static ParameterizedStatement tx(String text, AttributeValue... parameters) {
        return ParameterizedStatement.builder().statement(text).parameters(parameters.length == 0 ? null
                : List.of(parameters)).build();
    }

    private static Map<String, AttributeValue> item(String pk) {
        return client.getItem(r -> r.tableName("Accounts").key(Map.of("pk", s(pk)))).item();
    }

    @Test
    void a_batch_of_writes_applies_each_and_reports_the_failing_members() {
        client.executeStatement(r -> r.statement("INSERT INTO Accounts VALUE {'pk': 'b1', 'balance': 10}"));

        BatchExecuteStatementResponse response = client.batchExecuteStatement(r -> r.statements(
                statement("INSERT INTO Accounts VALUE {'pk': ?, 'balance': 1}", s("b2")),
                statement("INSERT INTO Accounts VALUE {'pk': 'b1', 'balance': 1}"),
                BatchStatementRequest.builder().statement("UPDATE Accounts SET balance = 0 WHERE pk = 'b1' "
                        + "AND balance > 100").returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD).build(),
                statement("DELETE FROM Accounts WHERE pk = 'b1' AND balance = 10"),
                statement("SELEC * FROM Accounts")));

        assertThat(response.responses()).extracting(r -> r.error() == null ? null : r.error().code())
                .containsExactly(null, BatchStatementErrorCodeEnum.DUPLICATE_ITEM,
                        BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED, null,
                        BatchStatementErrorCodeEnum.VALIDATION_ERROR);
        assertThat(response.responses().get(1).error().message()).isEqualTo("Duplicate primary key exists in table");
        assertThat(response.responses().get(2).error().item()).containsEntry("balance", n("10"));
        assertThat(response.responses().get(4).error().message()).isEqualTo(
                "Statement wasn't well formed, can't be processed: Expected data manipulation");
        assertThat(response.responses().get(0).tableName()).isEqualTo("Accounts");
        assertThat(item("b2")).containsEntry("balance", n("1"));
        assertThat(item("b1")).isEmpty();
    }

    @Test
    void a_batch_of_reads_gets_each_item_by_its_key() {
        client.executeStatement(r -> r.statement("INSERT INTO Accounts VALUE {'pk': 'r1', 'balance': 5}"));

        BatchExecuteStatementResponse response = client.batchExecuteStatement(r -> r.statements(
                statement("SELECT balance FROM Accounts WHERE pk = ?", s("r1")),
                statement("SELECT * FROM Accounts WHERE pk = 'nobody'"),
                statement("SELECT * FROM Accounts WHERE balance = 5")));

        assertThat(response.responses().get(0).item()).isEqualTo(Map.of("balance", n("5")));
        assertThat(response.responses().get(1).hasItem()).isFalse();
        assertThat(response.responses().get(1).error()).isNull();
        assertThat(response.responses().get(2).error().message())
                .isEqualTo("Where clause does not contain a mandatory equality on all key attributes");
    }

    @Test
    void a_batch_refuses_reads_and_writes_together_and_more_than_25_statements() {
        LocalEndpoint.assertError(() -> client.batchExecuteStatement(r -> r.statements(
                        statement("SELECT * FROM Accounts WHERE pk = 'x'"),
                        statement("DELETE FROM Accounts WHERE pk = 'x'"))),
                "ValidationException", "Unsupported operation: A batch must contain either all reads or all writes");
        List<BatchStatementRequest> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            many.add(statement("DELETE FROM Accounts WHERE pk = 'x'"));
        }
        assertThat(BatchWriteTest.errorOf(() -> client.batchExecuteStatement(r -> r.statements(many))))
                .startsWith("ValidationException: 1 validation error detected: Value '")
                .endsWith("' at 'statements' failed to satisfy constraint: Member must have length less than or "
                        + "equal to 25");
    }

    @Test
    void a_transaction_writes_all_or_nothing_and_names_each_reason() {
        client.executeStatement(r -> r.statement("INSERT INTO Accounts VALUE {'pk': 't1', 'balance': 10}"));
        client.executeStatement(r -> r.statement("INSERT INTO Accounts VALUE {'pk': 'td', 'balance': 10}"));
        client.executeStatement(r -> r.statement("INSERT INTO Accounts VALUE {'pk': 'tc', 'balance': 10}"));

        TransactionCanceledException e = catchThrowableOfType(() -> client.executeTransaction(r -> r
                .transactStatements(
                        tx("UPDATE Accounts SET balance = balance - 5 WHERE pk = 't1'"),
                        tx("INSERT INTO Accounts VALUE {'pk': 'td', 'balance': 0}"),
                        tx("EXISTS(SELECT * FROM Accounts WHERE pk = 'tc' AND balance > 100)"),
                        tx("INSERT INTO Accounts VALUE {'pk': ?}", s("t2")))), TransactionCanceledException.class);

        assertThat(e.cancellationReasons()).extracting(r -> r.code(), r -> r.message()).containsExactly(
                tuple("None", null),
                tuple("DuplicateItem", "Duplicate primary key exists in table"),
                tuple("ConditionalCheckFailed", "The conditional request failed"),
                tuple("None", null));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer cancellation "
                + "reasons for specific reasons [None, DuplicateItem, ConditionalCheckFailed, None]");
        assertThat(item("t1")).containsEntry("balance", n("10"));
        assertThat(item("t2")).isEmpty();

        client.executeTransaction(r -> r.transactStatements(
                tx("UPDATE Accounts SET balance = balance - 5 WHERE pk = 't1'"),
                tx("EXISTS(SELECT * FROM Accounts WHERE pk = 'tc' AND balance = 10)"),
                tx("INSERT INTO Accounts VALUE {'pk': ?}", s("t2"))));
        assertThat(item("t1")).containsEntry("balance", n("5"));
        assertThat(item("t2")).isNotEmpty();
    }

    @Test
    void a_retry_with_the_same_client_request_token_runs_once() {
        client.executeStatement(r -> r.statement("INSERT INTO Accounts VALUE {'pk': 'i1', 'balance': 0}"));

        for (int i = 0; i < 2; i++) {
            client.executeTransaction(r -> r.clientRequestToken("token-1").transactStatements(
                    tx("UPDATE Accounts SET balance = balance + 1 WHERE pk = 'i1'")));
        }

        assertThat(item("i1")).containsEntry("balance", n("1"));
        LocalEndpoint.assertError(() -> client.executeTransaction(r -> r.clientRequestToken("token-1")
                        .transactStatements(tx("UPDATE Accounts SET balance = balance + 2 WHERE pk = 'i1'"))),
                "IdempotentParameterMismatchException", "Request parameters do not match the parameters of the "
                        + "previous request with this ClientRequestToken");
    }

    @Test
    void a_read_transaction_gets_the_items() {
        client.executeStatement(r -> r.statement("INSERT INTO Accounts VALUE {'pk': 'g1', 'balance': 7}"));

        ExecuteTransactionResponse response = client.executeTransaction(r -> r.transactStatements(
                tx("SELECT balance FROM Accounts WHERE pk = 'g1'"),
                tx("SELECT * FROM Accounts WHERE pk = 'nobody'")));

        assertThat(response.responses()).hasSize(2);
        assertThat(response.responses().get(0).item()).isEqualTo(Map.of("balance", n("7")));
        assertThat(response.responses().get(1).hasItem()).isFalse();
    }

    @Test
    void a_transaction_refuses_reads_with_writes() {
        LocalEndpoint.assertError(() -> client.executeTransaction(r -> r.transactStatements(
                        tx("SELECT * FROM Accounts WHERE pk = 'x'"), tx("DELETE FROM Accounts WHERE pk = 'x'"))),
                "ValidationException",
                "Unsupported operation: A transaction must contain either all reads or all writes");
    }

    @Test
    void a_transaction_refuses_more_than_100_statements_a_bare_exists_and_returning() {
        List<ParameterizedStatement> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(tx("DELETE FROM Accounts WHERE pk = 'x" + i + "'"));
        }
        assertThat(BatchWriteTest.errorOf(() -> client.executeTransaction(r -> r.transactStatements(many))))
                .startsWith("ValidationException: 1 validation error detected: Value '")
                .endsWith("' at 'transactStatements' failed to satisfy constraint: Member must have length less "
                        + "than or equal to 100");
        LocalEndpoint.assertError(() -> client.executeTransaction(r -> r.transactStatements(
                        tx("EXISTS(SELECT * FROM Accounts WHERE pk = 'x')"))),
                "ValidationException", "Unsupported operation: EXISTS needs a condition besides the key");
        LocalEndpoint.assertError(() -> client.executeTransaction(r -> r.transactStatements(
                        tx("DELETE FROM Accounts WHERE pk = 'x' RETURNING ALL OLD *"))),
                "ValidationException", "Unsupported operation: RETURNING is not supported in a transaction");
    }
}
