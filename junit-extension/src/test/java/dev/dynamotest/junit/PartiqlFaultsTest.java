package dev.dynamotest.junit;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static dev.dynamotest.core.Operation.EXECUTE_STATEMENT;
import static dev.dynamotest.core.Operation.EXECUTE_TRANSACTION;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.dynamotest.assertions.Key;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** Fault rules and the request journal see PartiQL requests by their own operations and the tables they name. */
@DynamoTest
@DynamoTable(name = "Orders", partitionKey = "pk",
        globalIndexes = @DynamoIndex(name = "byStatus", partitionKey = "status"))
@DynamoTable(name = "Customers", partitionKey = "id")
class PartiqlFaultsTest {

    @Test
    void a_throttled_statement_is_retried_by_the_sdk_and_applied_once(DynamoDbClient client, Dynamo dynamo) {
        dynamo.faults().throttle(EXECUTE_STATEMENT).onTable("Orders").times(2);

        client.executeStatement(r -> r.statement("INSERT INTO \"Orders\" VALUE {'pk': 'A#1', 'status': 'NEW'}"));

        assertThat(dynamo.requests()).hasCount(EXECUTE_STATEMENT, 3).hasCallWithAttempts(3).hasFaults(2);
        assertThat(dynamo.table("Orders")).hasItemCount(1).containsItem(Key.of("pk", "A#1"));
    }

    @Test
    void a_rule_on_another_table_leaves_the_statement_alone(DynamoDbClient client, Dynamo dynamo) {
        dynamo.faults().throttle(EXECUTE_STATEMENT).onTable("Customers").always();

        client.executeStatement(r -> r.statement("INSERT INTO \"Orders\" VALUE {'pk': 'A#1'}"));

        assertThat(dynamo.requests()).hasCount(EXECUTE_STATEMENT, 1).hasNoRetries().allSucceeded();
    }

    @Test
    void an_error_rule_on_a_transaction_fails_it_whole(DynamoDbClient client, Dynamo dynamo) {
        dynamo.faults().internalServerError(EXECUTE_TRANSACTION).onTable("Customers").always();

        assertThatThrownBy(() -> client.executeTransaction(r -> r.transactStatements(
                ParameterizedStatement.builder().statement("INSERT INTO \"Orders\" VALUE {'pk': 'A#1'}").build(),
                ParameterizedStatement.builder().statement("INSERT INTO \"Customers\" VALUE {'id': 'C#1'}").build())))
                .isInstanceOf(InternalServerErrorException.class);

        assertThat(dynamo.table("Orders")).isEmpty();
        assertThat(dynamo.requests()).hasErrors("InternalServerError", 9).hasFaults(9);
    }

    @Test
    void a_throttled_select_names_a_read_limit_and_an_insert_a_write_limit(DynamoDbClient client, Dynamo dynamo) {
        dynamo.faults().throttle(EXECUTE_STATEMENT).onTable("Orders").always();

        assertThatThrownBy(() -> client.executeStatement(
                r -> r.statement("SELECT * FROM \"Orders\" WHERE pk = 'A#1'")))
                .asInstanceOf(type(ProvisionedThroughputExceededException.class))
                .extracting(e -> e.throttlingReasons().get(0).reason())
                .isEqualTo("TableReadProvisionedThroughputExceeded");
        assertThatThrownBy(() -> client.executeStatement(
                r -> r.statement("INSERT INTO \"Orders\" VALUE {'pk': 'A#1'}")))
                .asInstanceOf(type(ProvisionedThroughputExceededException.class))
                .extracting(e -> e.throttlingReasons().get(0).reason())
                .isEqualTo("TableWriteProvisionedThroughputExceeded");
    }

    @Test
    void a_rule_on_an_index_throttles_the_selects_that_read_it_and_names_it(DynamoDbClient client, Dynamo dynamo) {
        dynamo.faults().throttle(EXECUTE_STATEMENT).onTable("Orders").onIndex("byStatus").always();

        client.executeStatement(r -> r.statement("SELECT * FROM \"Orders\" WHERE pk = 'A#1'"));
        assertThatThrownBy(() -> client.executeStatement(
                r -> r.statement("SELECT pk FROM \"Orders\".\"byStatus\" WHERE status = 'NEW'")))
                .asInstanceOf(type(ProvisionedThroughputExceededException.class))
                .extracting(e -> e.throttlingReasons().get(0).reason())
                .isEqualTo("IndexReadProvisionedThroughputExceeded");
    }
}
