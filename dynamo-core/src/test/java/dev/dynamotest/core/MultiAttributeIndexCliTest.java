package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.AwsCli;
import dev.dynamotest.core.support.CliServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A global secondary index with multi-attribute keys as the AWS CLI (botocore) creates and queries it: the CLI
 * sends the key schema's several HASH and RANGE elements as given. Skipped where no {@code aws} command is on the
 * PATH.
 */
class MultiAttributeIndexCliTest {

    @RegisterExtension
    static final CliServer cli = new CliServer();

    @Test
    void the_cli_creates_describes_and_queries_a_multi_attribute_index() throws Exception {
        AwsCli.Result created = cli.aws("create-table", "--table-name", "Matches", "--billing-mode", "PAY_PER_REQUEST",
                "--attribute-definitions", "AttributeName=id,AttributeType=S",
                "AttributeName=tournament,AttributeType=S", "AttributeName=area,AttributeType=S",
                "AttributeName=matchNo,AttributeType=N",
                "--key-schema", "AttributeName=id,KeyType=HASH",
                "--global-secondary-indexes", """
                        [{"IndexName": "byTournamentArea", "KeySchema": [
                          {"AttributeName": "tournament", "KeyType": "HASH"},
                          {"AttributeName": "area", "KeyType": "HASH"},
                          {"AttributeName": "matchNo", "KeyType": "RANGE"}],
                          "Projection": {"ProjectionType": "ALL"}}]""");
        assertThat(created.exitCode()).as(created.output()).isZero();
        for (String number : List.of("3", "1", "2")) {
            AwsCli.Result put = cli.aws("put-item", "--table-name", "Matches", "--item", "{\"id\": {\"S\": \"m" + number
                    + "\"}, \"tournament\": {\"S\": \"W24\"}, \"area\": {\"S\": \"EU\"}, \"matchNo\": {\"N\": \""
                    + number + "\"}}");
            assertThat(put.exitCode()).as(put.output()).isZero();
        }

        AwsCli.Result described = cli.aws("describe-table", "--table-name", "Matches", "--query",
                "Table.GlobalSecondaryIndexes[0].KeySchema[].[AttributeName,KeyType]", "--output", "text");
        AwsCli.Result queried = cli.aws("query", "--table-name", "Matches", "--index-name", "byTournamentArea",
                "--key-condition-expression", "tournament = :t AND area = :a AND matchNo >= :n",
                "--expression-attribute-values", "{\":t\": {\"S\": \"W24\"}, \":a\": {\"S\": \"EU\"}, "
                        + "\":n\": {\"N\": \"2\"}}", "--query", "Items[].id.S", "--output", "text");
        AwsCli.Result refused = cli.aws("query", "--table-name", "Matches", "--index-name", "byTournamentArea",
                "--key-condition-expression", "tournament = :t",
                "--expression-attribute-values", "{\":t\": {\"S\": \"W24\"}}");

        assertThat(described.output().trim().split("\\s+")).as(described.output())
                .containsExactly("tournament", "HASH", "area", "HASH", "matchNo", "RANGE");
        assertThat(queried.output().trim().split("\\s+")).as(queried.output()).containsExactly("m2", "m3");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("(ValidationException)",
                "Query condition missed key schema element: area");
    }
}
