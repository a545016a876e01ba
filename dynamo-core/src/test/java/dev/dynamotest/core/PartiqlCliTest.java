package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamotest.core.support.AwsCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PartiQL through the AWS CLI's {@code execute-statement}. Skipped where no {@code aws} command is on the PATH. */
class PartiqlCliTest {

    private static DynamoServer server;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.onPath(), "the AWS CLI is not on the PATH");
        server = DynamoServer.start(EngineConfig.defaults(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static AwsCli.Result aws(String operation, String... arguments) throws Exception {
        return AwsCli.run(server.endpoint(), "AKIDCLI", "cli-secret", operation, arguments);
    }

    @Test
    void the_cli_inserts_and_selects_with_execute_statement() throws Exception {
        assertThat(aws("create-table", "--table-name", "Orders", "--billing-mode", "PAY_PER_REQUEST",
                "--attribute-definitions", "AttributeName=pk,AttributeType=S",
                "--key-schema", "AttributeName=pk,KeyType=HASH").exitCode()).isZero();

        AwsCli.Result inserted = aws("execute-statement", "--statement",
                "INSERT INTO \"Orders\" VALUE {'pk': 'A#1', 'status': 'NEW'}");
        AwsCli.Result selected = aws("execute-statement", "--statement",
                "SELECT status FROM \"Orders\" WHERE pk = ?", "--parameters", "[{\"S\": \"A#1\"}]");
        AwsCli.Result duplicate = aws("execute-statement", "--statement",
                "INSERT INTO \"Orders\" VALUE {'pk': 'A#1'}");

        assertThat(inserted.exitCode()).as(inserted.output()).isZero();
        assertThat(selected.exitCode()).as(selected.output()).isZero();
        assertThat(selected.output().replaceAll("\\s", "")).isEqualTo("{\"Items\":[{\"status\":{\"S\":\"NEW\"}}]}");
        assertThat(duplicate.exitCode()).isNotZero();
        assertThat(duplicate.output()).contains("(DuplicateItemException) when calling the ExecuteStatement "
                + "operation: Duplicate primary key exists in table");
    }
}
