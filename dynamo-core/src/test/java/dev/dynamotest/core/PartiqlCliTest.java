package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.AwsCli;
import dev.dynamotest.core.support.CliServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PartiQL through the AWS CLI's {@code execute-statement}. Skipped where no {@code aws} command is on the PATH. */
class PartiqlCliTest {

    @RegisterExtension
    static final CliServer cli = new CliServer();

    @Test
    void the_cli_inserts_and_selects_with_execute_statement() throws Exception {
        assertThat(cli.aws("create-table", "--table-name", "Orders", "--billing-mode", "PAY_PER_REQUEST",
                "--attribute-definitions", "AttributeName=pk,AttributeType=S",
                "--key-schema", "AttributeName=pk,KeyType=HASH").exitCode()).isZero();

        AwsCli.Result inserted = cli.aws("execute-statement", "--statement",
                "INSERT INTO \"Orders\" VALUE {'pk': 'A#1', 'status': 'NEW'}");
        AwsCli.Result selected = cli.aws("execute-statement", "--statement",
                "SELECT status FROM \"Orders\" WHERE pk = ?", "--parameters", "[{\"S\": \"A#1\"}]");
        AwsCli.Result duplicate = cli.aws("execute-statement", "--statement",
                "INSERT INTO \"Orders\" VALUE {'pk': 'A#1'}");

        assertThat(inserted.exitCode()).as(inserted.output()).isZero();
        assertThat(selected.exitCode()).as(selected.output()).isZero();
        assertThat(selected.output().replaceAll("\\s", "")).isEqualTo("{\"Items\":[{\"status\":{\"S\":\"NEW\"}}]}");
        assertThat(duplicate.exitCode()).isNotZero();
        assertThat(duplicate.output()).contains("(DuplicateItemException) when calling the ExecuteStatement "
                + "operation: Duplicate primary key exists in table");
    }
}
